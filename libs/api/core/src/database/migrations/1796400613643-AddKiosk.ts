import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddKiosk1796400613643 implements MigrationInterface {
  name = 'AddKiosk1796400613643';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "kiosk_sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "terminal_name" text NOT NULL, "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ended_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_97a241c1e4c6dac501cd78ebab1" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "kiosk_sessions_user_idx" ON "kiosk_sessions"  ("user_id") `);
    await queryRunner.query(`CREATE TABLE "kiosk_sign_in_requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "terminal_id" uuid, "terminal_name" text NOT NULL, "code_hash" text NOT NULL, "poll_secret_hash" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "session_id" uuid, "claimed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d4bd3fccb0fede23965ca56adfb" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "kiosk_sign_in_requests_code_key" ON "kiosk_sign_in_requests"  ("code_hash") `);
    await queryRunner.query(`CREATE TABLE "kiosk_terminals" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "activation_token_hash" text, "activated_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_758edccb6c13886beeb748d8c0d" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "kiosk_terminals_activation_key" ON "kiosk_terminals"  ("activation_token_hash") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."kiosk_terminals_activation_key"`);
    await queryRunner.query(`DROP TABLE "kiosk_terminals"`);
    await queryRunner.query(`DROP INDEX "public"."kiosk_sign_in_requests_code_key"`);
    await queryRunner.query(`DROP TABLE "kiosk_sign_in_requests"`);
    await queryRunner.query(`DROP INDEX "public"."kiosk_sessions_user_idx"`);
    await queryRunner.query(`DROP TABLE "kiosk_sessions"`);
  }
}

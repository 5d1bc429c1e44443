import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAuditLog1795774967924 implements MigrationInterface {
  name = 'CreateAuditLog1795774967924';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "audit_log" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "actor_role" text NOT NULL, "action" text NOT NULL, "entity" text NOT NULL, "entity_id" uuid, "household_id" uuid, "details" jsonb NOT NULL, CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "audit_log_household_idx" ON "audit_log"  ("household_id", "at") `);
    // Added by hand: the log is append-only. Only an RGPD anonymisation, inside a transaction that
    // sets foyer.audit_anonymise, may rewrite a row (to blank personal details); nothing may delete.
    await queryRunner.query(`CREATE FUNCTION "audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND current_setting('foyer.audit_anonymise', true) = 'on' THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(`CREATE TRIGGER "audit_log_append_only" BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION "audit_log_append_only"()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "audit_log_append_only" ON "audit_log"`);
    await queryRunner.query(`DROP FUNCTION "audit_log_append_only"()`);
    await queryRunner.query(`DROP INDEX "public"."audit_log_household_idx"`);
    await queryRunner.query(`DROP TABLE "audit_log"`);
  }
}

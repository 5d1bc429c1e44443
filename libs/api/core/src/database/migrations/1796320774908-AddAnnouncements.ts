import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddAnnouncements1796320774908 implements MigrationInterface {
  name = 'AddAnnouncements1796320774908';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "announcements" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" text NOT NULL, "text" text NOT NULL, "importance" text NOT NULL, "audience" text NOT NULL, "site_id" uuid, "activity_id" uuid, "class_level" text, "publish_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expire_at" TIMESTAMP WITH TIME ZONE, "notified_at" TIMESTAMP WITH TIME ZONE, "notified_households" integer NOT NULL DEFAULT '0', "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "announcements_window_check" CHECK ("expire_at" IS NULL OR "expire_at" > "publish_at"), CONSTRAINT "announcements_class_level_check" CHECK ("class_level" IN ('PS', 'MS', 'GS', 'CP', 'CE1', 'CE2', 'CM1', 'CM2')), CONSTRAINT "announcements_target_check" CHECK (("audience" = 'site') = ("site_id" IS NOT NULL) AND ("audience" = 'activity') = ("activity_id" IS NOT NULL) AND ("audience" = 'class-level') = ("class_level" IS NOT NULL)), CONSTRAINT "announcements_importance_check" CHECK ("importance" IN ('normal', 'important')), CONSTRAINT "announcements_audience_check" CHECK ("audience" IN ('everyone', 'site', 'activity', 'class-level')), CONSTRAINT "PK_b3ad760876ff2e19d58e05dc8b0" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "announcements_window_idx" ON "announcements"  ("publish_at", "expire_at") `);
    await queryRunner.query(`ALTER TABLE "announcements" ADD CONSTRAINT "FK_5dc353318f4c2d7bdc1d28ca261" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "announcements" DROP CONSTRAINT "FK_5dc353318f4c2d7bdc1d28ca261"`);
    await queryRunner.query(`DROP INDEX "public"."announcements_window_idx"`);
    await queryRunner.query(`DROP TABLE "announcements"`);
  }
}

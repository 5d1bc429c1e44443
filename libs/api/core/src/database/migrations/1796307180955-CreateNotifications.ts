import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateNotifications1796307180955 implements MigrationInterface {
  name = 'CreateNotifications1796307180955';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "email_address_failures" ("address" text NOT NULL, "reason" text NOT NULL, "failed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_abd953c71c7f3784bc48ce3a65a" PRIMARY KEY ("address"))`);
    await queryRunner.query(`CREATE TABLE "notification_messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid, "household_id" uuid, "channel" text NOT NULL, "topic" text NOT NULL, "address" text, "subject" text NOT NULL, "body" text NOT NULL, "html" text, "link" text, "status" text NOT NULL DEFAULT 'created', "status_detail" text, "status_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "attempts" integer NOT NULL DEFAULT '0', "read_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "notification_messages_recipient_check" CHECK ("user_id" IS NOT NULL OR "address" IS NOT NULL), CONSTRAINT "notification_messages_status_check" CHECK ("status" IN ('created', 'sending', 'delivered', 'temporary-failure', 'permanent-failure', 'technical-failure')), CONSTRAINT "notification_messages_channel_check" CHECK ("channel" IN ('inbox', 'email', 'sms', 'push')), CONSTRAINT "PK_025a03ac35a495f0a6d8730350d" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "notification_messages_household_idx" ON "notification_messages"  ("household_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "notification_messages_inbox_idx" ON "notification_messages"  ("user_id", "created_at") WHERE "channel" = 'inbox'`);
    await queryRunner.query(`CREATE TABLE "notification_preferences" ("user_id" uuid NOT NULL, "topic" text NOT NULL, "channel" text NOT NULL, "enabled" boolean NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_31936f22f4a6ce9dcdd355bd952" PRIMARY KEY ("user_id", "topic", "channel"))`);
    await queryRunner.query(`CREATE TABLE "reminder_sends" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "rule" text NOT NULL, "household_id" uuid NOT NULL, "object_key" text NOT NULL, "sent_on" date NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b2da37fcf4a228c8d7abc6d74c0" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "reminder_sends_key" ON "reminder_sends"  ("rule", "household_id", "object_key") `);
    // The household's two switches (notify_email, notify_sms) become per-topic, per-channel choices of
    // each guardian: e-mail for the topics a family may switch off, SMS for every listed topic.
    await queryRunner.query(`INSERT INTO "notification_preferences" ("user_id", "topic", "channel", "enabled")
      SELECT g."user_id", t."topic", 'email', h."notify_email"
        FROM "household_guardians" g JOIN "households" h ON h."id" = g."household_id"
        CROSS JOIN (VALUES ('document-expiring'), ('waiting-list'), ('city-announcement')) AS t("topic")
      UNION ALL
      SELECT g."user_id", t."topic", 'sms', h."notify_sms"
        FROM "household_guardians" g JOIN "households" h ON h."id" = g."household_id"
        CROSS JOIN (VALUES ('invoice-issued'), ('request-decision'), ('enrolment-decision'),
          ('sepa-prenotification'), ('document-expiring'), ('waiting-list'), ('city-announcement')) AS t("topic")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."reminder_sends_key"`);
    await queryRunner.query(`DROP TABLE "reminder_sends"`);
    await queryRunner.query(`DROP TABLE "notification_preferences"`);
    await queryRunner.query(`DROP INDEX "public"."notification_messages_inbox_idx"`);
    await queryRunner.query(`DROP INDEX "public"."notification_messages_household_idx"`);
    await queryRunner.query(`DROP TABLE "notification_messages"`);
    await queryRunner.query(`DROP TABLE "email_address_failures"`);
  }
}

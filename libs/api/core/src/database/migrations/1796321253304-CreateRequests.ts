import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateRequests1796321253304 implements MigrationInterface {
  name = 'CreateRequests1796321253304';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "request_types" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" text NOT NULL, "title" text NOT NULL, "description" text NOT NULL, "form" jsonb NOT NULL, "required_documents" jsonb NOT NULL DEFAULT '[]', "scope" text NOT NULL, "effect" text NOT NULL, "target_days" integer NOT NULL, "several_open_allowed" boolean NOT NULL DEFAULT false, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_78a714dd9cf2a799a79a3f338ec" UNIQUE ("code"), CONSTRAINT "request_types_effect_check" CHECK ("effect" IN ('none', 'school_enrolment', 'activity_enrolment', 'quotient_update', 'creche_place', 'certificate', 'address_change')), CONSTRAINT "request_types_scope_check" CHECK ("scope" IN ('enfance', 'facturation', 'demarches')), CONSTRAINT "request_types_target_days_check" CHECK ("target_days" BETWEEN 1 AND 365), CONSTRAINT "PK_795c261c2ebf6beb3f417acd40b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "number" text NOT NULL, "household_id" uuid NOT NULL, "type_id" uuid NOT NULL, "status" text NOT NULL, "data" jsonb NOT NULL DEFAULT '{}', "channel" text NOT NULL DEFAULT 'online', "created_by" uuid NOT NULL, "filed_by" uuid, "assignee_id" uuid, "resident_name" text NOT NULL, "search_text" text NOT NULL, "school_site_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "submitted_at" TIMESTAMP WITH TIME ZONE, "decided_at" TIMESTAMP WITH TIME ZONE, "decision_reason" text, "due_on" date, "paused_since" date, "paused_days" integer NOT NULL DEFAULT '0', "outcome" text, "effect_result" jsonb, CONSTRAINT "UQ_118a51fb1374439d4dcc72478fb" UNIQUE ("number"), CONSTRAINT "requests_submitted_check" CHECK ("status" = 'draft' OR "status" = 'withdrawn' OR "submitted_at" IS NOT NULL), CONSTRAINT "requests_channel_check" CHECK ("channel" IN ('online', 'counter', 'phone', 'mail')), CONSTRAINT "requests_status_check" CHECK ("status" IN ('draft', 'submitted', 'in_review', 'waiting_resident', 'approved', 'refused', 'withdrawn', 'closed')), CONSTRAINT "PK_0428f484e96f9e6a55955f29b5f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "requests_updated_idx" ON "requests"  ("updated_at", "id") `);
    await queryRunner.query(`CREATE INDEX "requests_submitted_idx" ON "requests"  ("submitted_at", "id") `);
    await queryRunner.query(`CREATE INDEX "requests_school_idx" ON "requests"  ("school_site_id", "status") `);
    await queryRunner.query(`CREATE INDEX "requests_household_idx" ON "requests"  ("household_id", "updated_at") `);
    await queryRunner.query(`CREATE INDEX "requests_assignee_status_idx" ON "requests"  ("assignee_id", "status", "due_on") `);
    await queryRunner.query(`CREATE INDEX "requests_type_status_idx" ON "requests"  ("type_id", "status", "due_on") `);
    await queryRunner.query(`CREATE INDEX "requests_due_idx" ON "requests"  ("due_on", "id") `);
    await queryRunner.query(`CREATE INDEX "requests_status_due_idx" ON "requests"  ("status", "due_on", "id") `);
    // Hand-added: the queue's search (number and names, folded) with a trigram index where the pg_trgm
    // extension is available (a PostgreSQL server with contrib); the embedded PGlite has none, and the
    // search then scans search_text (see docs/requests.md for the figures).
    await queryRunner.query(`DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') THEN
          CREATE EXTENSION IF NOT EXISTS pg_trgm;
          EXECUTE 'CREATE INDEX "requests_search_trgm_idx" ON "requests" USING gin ("search_text" gin_trgm_ops)';
        END IF;
      EXCEPTION WHEN OTHERS THEN
        RAISE NOTICE 'pg_trgm unavailable (%): the requests search runs without its trigram index', SQLERRM;
      END $$`);
    await queryRunner.query(`CREATE TABLE "request_attachments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "request_id" uuid NOT NULL, "source" text NOT NULL, "storage_key" text, "family_document_id" uuid, "file_name" text NOT NULL, "mime_type" text NOT NULL, "size_bytes" integer NOT NULL, "added_by_role" text NOT NULL, "added_by" uuid, "added_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "request_attachments_content_check" CHECK (("source" = 'family_document') = ("family_document_id" IS NOT NULL) AND ("source" = 'family_document' OR "storage_key" IS NOT NULL)), CONSTRAINT "request_attachments_source_check" CHECK ("source" IN ('upload', 'family_document', 'generated')), CONSTRAINT "PK_7eff3ce4a007da531c94a391dbd" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "request_attachments_request_idx" ON "request_attachments"  ("request_id") `);
    await queryRunner.query(`CREATE TABLE "request_counters" ("year" integer NOT NULL, "last_value" integer NOT NULL, CONSTRAINT "PK_61f72a76e17a62ff8e7866ae243" PRIMARY KEY ("year"))`);
    await queryRunner.query(`CREATE TABLE "request_history" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "request_id" uuid NOT NULL, "from_status" text, "to_status" text NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_id" uuid, "actor_role" text NOT NULL, "actor_label" text NOT NULL, "comment" text, CONSTRAINT "PK_225faa48c0dca41172e29f4cb9c" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "request_history_request_idx" ON "request_history"  ("request_id", "at") `);
    await queryRunner.query(`CREATE TABLE "request_messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "request_id" uuid NOT NULL, "author" text NOT NULL, "author_id" uuid, "author_label" text NOT NULL, "body" text NOT NULL, "question" boolean NOT NULL DEFAULT false, "attachment_ids" uuid array NOT NULL DEFAULT '{}', "at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_2c46c29c5bd12025b30863202dc" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "request_messages_request_idx" ON "request_messages"  ("request_id", "at") `);
    await queryRunner.query(`CREATE TABLE "request_notes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "request_id" uuid NOT NULL, "author_id" uuid, "author_label" text NOT NULL, "body" text NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_ce022f96b941f49e690706a1767" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "request_notes_request_idx" ON "request_notes"  ("request_id", "at") `);
    await queryRunner.query(`ALTER TABLE "requests" ADD CONSTRAINT "FK_444106c6a90acefbe2e1a939bc5" FOREIGN KEY ("household_id") REFERENCES "households"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "requests" ADD CONSTRAINT "FK_155cdafb15c49efbe52d7a318c5" FOREIGN KEY ("type_id") REFERENCES "request_types"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "requests" ADD CONSTRAINT "FK_2d487b151e34f5924c3d8adb5da" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "requests" ADD CONSTRAINT "FK_5427dfaab1eda32cbf796321448" FOREIGN KEY ("filed_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "requests" ADD CONSTRAINT "FK_9d42803c550dc4f905e81355923" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "request_attachments" ADD CONSTRAINT "FK_8cde69b56c722cafc14d99f95f3" FOREIGN KEY ("request_id") REFERENCES "requests"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "request_attachments" ADD CONSTRAINT "FK_464986a47e0e02ae260d894d27a" FOREIGN KEY ("family_document_id") REFERENCES "household_documents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "request_attachments" ADD CONSTRAINT "FK_09cf16a49ff9b14d111db4136c2" FOREIGN KEY ("added_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "request_history" ADD CONSTRAINT "FK_6ebdc8efebc3beaf49aa75ba6ac" FOREIGN KEY ("request_id") REFERENCES "requests"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "request_history" ADD CONSTRAINT "FK_148e3823f71472d4445c4f25a87" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "request_messages" ADD CONSTRAINT "FK_41626149ddfb759408a1c66ed30" FOREIGN KEY ("request_id") REFERENCES "requests"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "request_messages" ADD CONSTRAINT "FK_0d6f48b37e00e6ef10f667ea237" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "request_notes" ADD CONSTRAINT "FK_bb59e4f94d834031139452652c5" FOREIGN KEY ("request_id") REFERENCES "requests"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "request_notes" ADD CONSTRAINT "FK_7d84490ec6848f433c863d97fdd" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "request_notes" DROP CONSTRAINT "FK_7d84490ec6848f433c863d97fdd"`);
    await queryRunner.query(`ALTER TABLE "request_notes" DROP CONSTRAINT "FK_bb59e4f94d834031139452652c5"`);
    await queryRunner.query(`ALTER TABLE "request_messages" DROP CONSTRAINT "FK_0d6f48b37e00e6ef10f667ea237"`);
    await queryRunner.query(`ALTER TABLE "request_messages" DROP CONSTRAINT "FK_41626149ddfb759408a1c66ed30"`);
    await queryRunner.query(`ALTER TABLE "request_history" DROP CONSTRAINT "FK_148e3823f71472d4445c4f25a87"`);
    await queryRunner.query(`ALTER TABLE "request_history" DROP CONSTRAINT "FK_6ebdc8efebc3beaf49aa75ba6ac"`);
    await queryRunner.query(`ALTER TABLE "request_attachments" DROP CONSTRAINT "FK_09cf16a49ff9b14d111db4136c2"`);
    await queryRunner.query(`ALTER TABLE "request_attachments" DROP CONSTRAINT "FK_464986a47e0e02ae260d894d27a"`);
    await queryRunner.query(`ALTER TABLE "request_attachments" DROP CONSTRAINT "FK_8cde69b56c722cafc14d99f95f3"`);
    await queryRunner.query(`ALTER TABLE "requests" DROP CONSTRAINT "FK_9d42803c550dc4f905e81355923"`);
    await queryRunner.query(`ALTER TABLE "requests" DROP CONSTRAINT "FK_5427dfaab1eda32cbf796321448"`);
    await queryRunner.query(`ALTER TABLE "requests" DROP CONSTRAINT "FK_2d487b151e34f5924c3d8adb5da"`);
    await queryRunner.query(`ALTER TABLE "requests" DROP CONSTRAINT "FK_155cdafb15c49efbe52d7a318c5"`);
    await queryRunner.query(`ALTER TABLE "requests" DROP CONSTRAINT "FK_444106c6a90acefbe2e1a939bc5"`);
    await queryRunner.query(`DROP INDEX "public"."request_notes_request_idx"`);
    await queryRunner.query(`DROP TABLE "request_notes"`);
    await queryRunner.query(`DROP INDEX "public"."request_messages_request_idx"`);
    await queryRunner.query(`DROP TABLE "request_messages"`);
    await queryRunner.query(`DROP INDEX "public"."request_history_request_idx"`);
    await queryRunner.query(`DROP TABLE "request_history"`);
    await queryRunner.query(`DROP TABLE "request_counters"`);
    await queryRunner.query(`DROP INDEX "public"."request_attachments_request_idx"`);
    await queryRunner.query(`DROP TABLE "request_attachments"`);
    await queryRunner.query(`DROP INDEX IF EXISTS "public"."requests_search_trgm_idx"`);
    await queryRunner.query(`DROP INDEX "public"."requests_status_due_idx"`);
    await queryRunner.query(`DROP INDEX "public"."requests_due_idx"`);
    await queryRunner.query(`DROP INDEX "public"."requests_type_status_idx"`);
    await queryRunner.query(`DROP INDEX "public"."requests_assignee_status_idx"`);
    await queryRunner.query(`DROP INDEX "public"."requests_household_idx"`);
    await queryRunner.query(`DROP INDEX "public"."requests_school_idx"`);
    await queryRunner.query(`DROP INDEX "public"."requests_submitted_idx"`);
    await queryRunner.query(`DROP INDEX "public"."requests_updated_idx"`);
    await queryRunner.query(`DROP TABLE "requests"`);
    await queryRunner.query(`DROP TABLE "request_types"`);
  }
}

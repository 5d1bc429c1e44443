import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateHouseholds1795775564978 implements MigrationInterface {
  name = 'CreateHouseholds1795775564978';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "households" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "address_line1" text, "address_line2" text, "postal_code" text, "city" text, "in_commune" boolean NOT NULL DEFAULT false, "notify_email" boolean NOT NULL DEFAULT true, "notify_sms" boolean NOT NULL DEFAULT false, "closed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2b1aef2640717132e9231aac756" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "household_contacts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "household_id" uuid NOT NULL, "first_name" text NOT NULL, "last_name" text NOT NULL, "phone" text NOT NULL, "relationship" text NOT NULL, "can_pick_up" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f09491a05a5dc8b60d490179790" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "household_contacts_household_idx" ON "household_contacts"  ("household_id") `);
    await queryRunner.query(`CREATE TABLE "household_documents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "household_id" uuid NOT NULL, "child_id" uuid, "type" text NOT NULL, "storage_key" text NOT NULL, "file_name" text NOT NULL, "mime_type" text NOT NULL, "size_bytes" integer NOT NULL, "expires_on" date, "uploaded_by" uuid NOT NULL, "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "household_documents_size_check" CHECK ("size_bytes" > 0 AND "size_bytes" <= 10485760), CONSTRAINT "household_documents_mime_check" CHECK ("mime_type" IN ('application/pdf', 'image/jpeg', 'image/png')), CONSTRAINT "household_documents_type_check" CHECK ("type" IN ('proof_of_address', 'caf_attestation', 'tax_notice', 'pai', 'vaccination', 'insurance')), CONSTRAINT "PK_4b328a76aec54e26f5a23c8b994" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "household_documents_storage_key" ON "household_documents"  ("storage_key") `);
    await queryRunner.query(`CREATE INDEX "household_documents_household_idx" ON "household_documents"  ("household_id") `);
    await queryRunner.query(`CREATE TABLE "children" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "household_id" uuid NOT NULL, "first_name" text NOT NULL, "last_name" text NOT NULL, "birth_date" date NOT NULL, "sex" text NOT NULL, "school_site_id" uuid, "class_level" text, "allergies" text, "diet" text NOT NULL DEFAULT 'none', "pai" boolean NOT NULL DEFAULT false, "pai_document_id" uuid, "doctor_name" text, "doctor_phone" text, "photo_consent" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "children_pai_document_check" CHECK ("pai" OR "pai_document_id" IS NULL), CONSTRAINT "children_class_level_check" CHECK ("class_level" IN ('PS', 'MS', 'GS', 'CP', 'CE1', 'CE2', 'CM1', 'CM2')), CONSTRAINT "children_diet_check" CHECK ("diet" IN ('none', 'no_pork', 'vegetarian', 'pai_basket')), CONSTRAINT "children_sex_check" CHECK ("sex" IN ('F', 'M')), CONSTRAINT "PK_8c5a7cbebf2c702830ef38d22b0" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "children_household_idx" ON "children"  ("household_id") `);
    await queryRunner.query(`CREATE TABLE "closure_requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "household_id" uuid NOT NULL, "requested_by" uuid NOT NULL, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "executed_by" uuid, "executed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_ddc06ae11be7796e339cfc041fc" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "closure_requests_open_key" ON "closure_requests"  ("household_id") WHERE "executed_at" IS NULL`);
    await queryRunner.query(`CREATE TABLE "household_guardians" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "household_id" uuid NOT NULL, "user_id" uuid NOT NULL, "rank" smallint NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "household_guardians_rank_check" CHECK ("rank" IN (1, 2)), CONSTRAINT "PK_cd00d14296dd5152fcb40607c92" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "household_guardians_rank_key" ON "household_guardians"  ("household_id", "rank") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "household_guardians_user_key" ON "household_guardians"  ("user_id") `);
    await queryRunner.query(`CREATE TABLE "household_invitations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "household_id" uuid NOT NULL, "email" text NOT NULL, "token_hash" text NOT NULL, "invited_by" uuid NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "accepted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0cdfc7104136992d26e6fe584d9" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "household_invitations_token_key" ON "household_invitations"  ("token_hash") `);
    await queryRunner.query(`CREATE TABLE "quotients" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "household_id" uuid NOT NULL, "method" text NOT NULL, "status" text NOT NULL, "value" integer NOT NULL, "caf_number" text, "annual_resources_cents" bigint, "monthly_benefits_cents" bigint, "parts" numeric(3,1), "document_id" uuid, "effective_from" date, "effective_to" date, "submitted_by" uuid NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "decision_note" text, CONSTRAINT "quotients_period_order_check" CHECK ("effective_to" IS NULL OR "effective_to" >= "effective_from"), CONSTRAINT "quotients_period_check" CHECK (("status" = 'validated') = ("effective_from" IS NOT NULL)), CONSTRAINT "quotients_value_check" CHECK ("value" >= 0), CONSTRAINT "quotients_status_check" CHECK ("status" IN ('pending', 'validated', 'rejected')), CONSTRAINT "quotients_method_check" CHECK ("method" IN ('caf', 'declared')), CONSTRAINT "PK_82ce9bccc3b53a9ca99d2c43a9c" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "quotients_household_idx" ON "quotients"  ("household_id", "status") `);
    await queryRunner.query(`CREATE TABLE "child_pickup_contacts" ("child_id" uuid NOT NULL, "contact_id" uuid NOT NULL, CONSTRAINT "PK_08097d4f159c2cb19778771a169" PRIMARY KEY ("child_id", "contact_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_7829e50dda75c60c41a6eb410c" ON "child_pickup_contacts"  ("child_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_79ec7eab4dd10324776bfbce29" ON "child_pickup_contacts"  ("contact_id") `);
    await queryRunner.query(`ALTER TABLE "household_contacts" ADD CONSTRAINT "FK_02aaae77ce98142c986827b69bf" FOREIGN KEY ("household_id") REFERENCES "households"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "household_documents" ADD CONSTRAINT "FK_afb9c35549c32006ab00032480c" FOREIGN KEY ("household_id") REFERENCES "households"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "children" ADD CONSTRAINT "FK_d56668896000711dbd9a3bdef70" FOREIGN KEY ("household_id") REFERENCES "households"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "children" ADD CONSTRAINT "FK_f10cdf0da6ec719c2ce97166fb4" FOREIGN KEY ("pai_document_id") REFERENCES "household_documents"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "closure_requests" ADD CONSTRAINT "FK_688bfb360e72b403d3772d0544d" FOREIGN KEY ("household_id") REFERENCES "households"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "household_guardians" ADD CONSTRAINT "FK_2c591f276c5930c409ee5833c56" FOREIGN KEY ("household_id") REFERENCES "households"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "household_invitations" ADD CONSTRAINT "FK_dae78d07e961492b3c0cd30adde" FOREIGN KEY ("household_id") REFERENCES "households"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "quotients" ADD CONSTRAINT "FK_5fb2d179c0360ee17d6ded831f7" FOREIGN KEY ("household_id") REFERENCES "households"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "quotients" ADD CONSTRAINT "FK_7bbf1929ac3af91706fedec6cab" FOREIGN KEY ("document_id") REFERENCES "household_documents"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "child_pickup_contacts" ADD CONSTRAINT "FK_7829e50dda75c60c41a6eb410c0" FOREIGN KEY ("child_id") REFERENCES "children"("id") ON DELETE CASCADE ON UPDATE CASCADE`);
    await queryRunner.query(`ALTER TABLE "child_pickup_contacts" ADD CONSTRAINT "FK_79ec7eab4dd10324776bfbce298" FOREIGN KEY ("contact_id") REFERENCES "household_contacts"("id") ON DELETE CASCADE ON UPDATE CASCADE`);
    // Added by hand: the validated QF periods of a household never overlap. An exclusion constraint
    // (household_id WITH =, daterange WITH &&) needs btree_gist, which the embedded PostgreSQL
    // (PGlite) does not ship; this trigger locks the household row, so concurrent validations of one
    // household queue up, then checks against the committed periods.
    await queryRunner.query(`CREATE FUNCTION "quotients_no_overlap"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.status <> 'validated' THEN
          RETURN NEW;
        END IF;
        PERFORM 1 FROM households WHERE id = NEW.household_id FOR UPDATE;
        IF EXISTS (
          SELECT 1 FROM quotients q
           WHERE q.household_id = NEW.household_id AND q.id <> NEW.id AND q.status = 'validated'
             AND daterange(q.effective_from, q.effective_to, '[]') && daterange(NEW.effective_from, NEW.effective_to, '[]')
        ) THEN
          RAISE EXCEPTION 'quotient periods of household % overlap', NEW.household_id USING ERRCODE = 'exclusion_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER "quotients_no_overlap" BEFORE INSERT OR UPDATE ON "quotients" FOR EACH ROW EXECUTE FUNCTION "quotients_no_overlap"()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "quotients_no_overlap" ON "quotients"`);
    await queryRunner.query(`DROP FUNCTION "quotients_no_overlap"()`);
    await queryRunner.query(`ALTER TABLE "child_pickup_contacts" DROP CONSTRAINT "FK_79ec7eab4dd10324776bfbce298"`);
    await queryRunner.query(`ALTER TABLE "child_pickup_contacts" DROP CONSTRAINT "FK_7829e50dda75c60c41a6eb410c0"`);
    await queryRunner.query(`ALTER TABLE "quotients" DROP CONSTRAINT "FK_7bbf1929ac3af91706fedec6cab"`);
    await queryRunner.query(`ALTER TABLE "quotients" DROP CONSTRAINT "FK_5fb2d179c0360ee17d6ded831f7"`);
    await queryRunner.query(`ALTER TABLE "household_invitations" DROP CONSTRAINT "FK_dae78d07e961492b3c0cd30adde"`);
    await queryRunner.query(`ALTER TABLE "household_guardians" DROP CONSTRAINT "FK_2c591f276c5930c409ee5833c56"`);
    await queryRunner.query(`ALTER TABLE "closure_requests" DROP CONSTRAINT "FK_688bfb360e72b403d3772d0544d"`);
    await queryRunner.query(`ALTER TABLE "children" DROP CONSTRAINT "FK_f10cdf0da6ec719c2ce97166fb4"`);
    await queryRunner.query(`ALTER TABLE "children" DROP CONSTRAINT "FK_d56668896000711dbd9a3bdef70"`);
    await queryRunner.query(`ALTER TABLE "household_documents" DROP CONSTRAINT "FK_afb9c35549c32006ab00032480c"`);
    await queryRunner.query(`ALTER TABLE "household_contacts" DROP CONSTRAINT "FK_02aaae77ce98142c986827b69bf"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_79ec7eab4dd10324776bfbce29"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7829e50dda75c60c41a6eb410c"`);
    await queryRunner.query(`DROP TABLE "child_pickup_contacts"`);
    await queryRunner.query(`DROP INDEX "public"."quotients_household_idx"`);
    await queryRunner.query(`DROP TABLE "quotients"`);
    await queryRunner.query(`DROP INDEX "public"."household_invitations_token_key"`);
    await queryRunner.query(`DROP TABLE "household_invitations"`);
    await queryRunner.query(`DROP INDEX "public"."household_guardians_user_key"`);
    await queryRunner.query(`DROP INDEX "public"."household_guardians_rank_key"`);
    await queryRunner.query(`DROP TABLE "household_guardians"`);
    await queryRunner.query(`DROP INDEX "public"."closure_requests_open_key"`);
    await queryRunner.query(`DROP TABLE "closure_requests"`);
    await queryRunner.query(`DROP INDEX "public"."children_household_idx"`);
    await queryRunner.query(`DROP TABLE "children"`);
    await queryRunner.query(`DROP INDEX "public"."household_documents_household_idx"`);
    await queryRunner.query(`DROP INDEX "public"."household_documents_storage_key"`);
    await queryRunner.query(`DROP TABLE "household_documents"`);
    await queryRunner.query(`DROP INDEX "public"."household_contacts_household_idx"`);
    await queryRunner.query(`DROP TABLE "household_contacts"`);
    await queryRunner.query(`DROP TABLE "households"`);
  }
}

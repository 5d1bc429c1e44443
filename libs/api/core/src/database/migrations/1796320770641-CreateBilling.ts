import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateBilling1796320770641 implements MigrationInterface {
  name = 'CreateBilling1796320770641';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "billing_runs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "period" text NOT NULL, "status" text NOT NULL, "blockers" jsonb NOT NULL DEFAULT '[]', "household_count" integer NOT NULL DEFAULT '0', "total_cents" bigint NOT NULL DEFAULT '0', "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "computed_at" TIMESTAMP WITH TIME ZONE, "finalized_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "billing_runs_period_check" CHECK ("period" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'), CONSTRAINT "billing_runs_status_check" CHECK ("status" IN ('draft', 'finalizing', 'finalized')), CONSTRAINT "PK_6cbc5e20856bf81be0e61423167" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "billing_runs_period_key" ON "billing_runs"  ("period") `);
    await queryRunner.query(`CREATE TABLE "billing_run_lines" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "run_id" uuid NOT NULL, "household_id" uuid NOT NULL, "position" integer NOT NULL, "child_id" uuid, "child_name" text, "activity_id" uuid, "activity_label" text NOT NULL, "quantity" integer NOT NULL, "unit_cents" integer NOT NULL, "amount_cents" integer NOT NULL, "explanation" jsonb NOT NULL, CONSTRAINT "PK_8a35229b023a5ea062b3524ffa5" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "billing_run_lines_household_idx" ON "billing_run_lines"  ("run_id", "household_id") `);
    await queryRunner.query(`CREATE TABLE "invoices" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "number" text NOT NULL, "year" integer NOT NULL, "sequence" integer NOT NULL, "household_id" uuid NOT NULL, "run_id" uuid, "period" text NOT NULL, "issue_date" date NOT NULL, "due_date" date NOT NULL, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL, "total_cents" integer NOT NULL, "credit_applied_cents" integer NOT NULL DEFAULT '0', "direct_debit_date" date, "mandate_id" uuid, "addressee" text NOT NULL, CONSTRAINT "invoices_period_check" CHECK ("period" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'), CONSTRAINT "invoices_total_check" CHECK ("total_cents" >= 0 AND "credit_applied_cents" >= 0 AND "credit_applied_cents" <= "total_cents"), CONSTRAINT "PK_668cef7c22a427fd822cc1be3ce" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "invoices_household_idx" ON "invoices"  ("household_id", "issue_date") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "invoices_run_household_key" ON "invoices"  ("run_id", "household_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "invoices_series_key" ON "invoices"  ("year", "sequence") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "invoices_number_key" ON "invoices"  ("number") `);
    await queryRunner.query(`CREATE TABLE "credit_notes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "number" text NOT NULL, "invoice_id" uuid NOT NULL, "household_id" uuid NOT NULL, "amount_cents" integer NOT NULL, "reason" text NOT NULL, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL, "issued_by" uuid NOT NULL, CONSTRAINT "credit_notes_amount_check" CHECK ("amount_cents" > 0), CONSTRAINT "PK_4933888a20b5469e119ad74b9e9" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "credit_notes_invoice_idx" ON "credit_notes"  ("invoice_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "credit_notes_number_key" ON "credit_notes"  ("number") `);
    await queryRunner.query(`CREATE TABLE "invoice_lines" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "invoice_id" uuid NOT NULL, "position" integer NOT NULL, "child_id" uuid, "child_name" text, "activity_id" uuid, "activity_label" text NOT NULL, "quantity" integer NOT NULL, "unit_cents" integer NOT NULL, "amount_cents" integer NOT NULL, "explanation" jsonb NOT NULL, CONSTRAINT "PK_3d18eb48142b916f581f0c21a65" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "invoice_lines_invoice_idx" ON "invoice_lines"  ("invoice_id", "position") `);
    await queryRunner.query(`CREATE TABLE "numbering_counters" ("series" text NOT NULL, "last_value" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_833f61d903150da48b689fbd81b" PRIMARY KEY ("series"))`);
    await queryRunner.query(`CREATE TABLE "sepa_mandates" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "household_id" uuid NOT NULL, "reference" text NOT NULL, "iban" text NOT NULL, "bic" text, "holder" text NOT NULL, "signed_on" date NOT NULL, "status" text NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "sepa_mandates_status_check" CHECK ("status" IN ('active', 'revoked')), CONSTRAINT "PK_96036b4f12fbaad1bbe8f4436e0" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "sepa_mandates_reference_key" ON "sepa_mandates"  ("reference") `);
    await queryRunner.query(`CREATE TABLE "tariffs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "activity_id" uuid NOT NULL, "valid_from" date NOT NULL, "valid_to" date, "method" text NOT NULL, "rules" jsonb NOT NULL, "unit_one" text NOT NULL, "unit_many" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "tariffs_period_check" CHECK ("valid_to" IS NULL OR "valid_to" >= "valid_from"), CONSTRAINT "tariffs_method_check" CHECK ("method" IN ('brackets', 'effort_rate', 'flat')), CONSTRAINT "PK_7f32baf8d8b4bb0cf4d7ac97741" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "tariffs_activity_idx" ON "tariffs"  ("activity_id", "valid_from") `);
    await queryRunner.query(`CREATE TABLE "payment_notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "provider" text NOT NULL, "payment_id" uuid, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "outcome" text NOT NULL, "payload" jsonb NOT NULL, CONSTRAINT "PK_082d8f71d8c4cbd34419f866313" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "payment_notifications_payment_idx" ON "payment_notifications"  ("payment_id") `);
    await queryRunner.query(`CREATE TABLE "payments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "invoice_id" uuid, "household_id" uuid NOT NULL, "provider" text NOT NULL, "state" text NOT NULL, "amount_cents" integer NOT NULL, "provider_ref" text, "provider_details" jsonb, "method" text, "receipt_number" text, "reference" text, "recorded_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "settled_at" TIMESTAMP WITH TIME ZONE, "expires_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "payments_cash_limit_check" CHECK ("method" IS DISTINCT FROM 'cash' OR "amount_cents" <= 30000), CONSTRAINT "payments_method_check" CHECK (("provider" = 'counter') = ("method" IS NOT NULL AND "receipt_number" IS NOT NULL) AND ("method" IS NULL OR "method" IN ('cash', 'cheque', 'cesu', 'holiday_vouchers', 'transfer'))), CONSTRAINT "payments_amount_check" CHECK ("amount_cents" > 0), CONSTRAINT "payments_state_check" CHECK ("state" IN ('created', 'pending', 'paid', 'refused', 'abandoned', 'expired')), CONSTRAINT "payments_provider_check" CHECK ("provider" IN ('sandbox', 'payfip', 'counter', 'direct_debit')), CONSTRAINT "PK_197ab7af18c93fbb0c9b28b4a59" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "payments_receipt_key" ON "payments"  ("receipt_number") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "payments_provider_ref_key" ON "payments"  ("provider", "provider_ref") `);
    await queryRunner.query(`CREATE INDEX "payments_household_idx" ON "payments"  ("household_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "payments_invoice_idx" ON "payments"  ("invoice_id") `);
    await queryRunner.query(`ALTER TABLE "billing_run_lines" ADD CONSTRAINT "FK_f9270f4efe83ae02b2fa2924d17" FOREIGN KEY ("run_id") REFERENCES "billing_runs"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "invoices" ADD CONSTRAINT "FK_a31d2575733ec14e88c6502313c" FOREIGN KEY ("household_id") REFERENCES "households"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "invoices" ADD CONSTRAINT "FK_54030e0ff99bafe27cbcd59c50c" FOREIGN KEY ("run_id") REFERENCES "billing_runs"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "credit_notes" ADD CONSTRAINT "FK_ab75ae7ceab2ad0e3c77768c373" FOREIGN KEY ("invoice_id") REFERENCES "invoices"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "invoice_lines" ADD CONSTRAINT "FK_2da95dc86a54a00ff20ce46d0fe" FOREIGN KEY ("invoice_id") REFERENCES "invoices"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "sepa_mandates" ADD CONSTRAINT "FK_f49cc523d4b05416b32e43789cf" FOREIGN KEY ("household_id") REFERENCES "households"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "payments" ADD CONSTRAINT "FK_563a5e248518c623eebd987d43e" FOREIGN KEY ("invoice_id") REFERENCES "invoices"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "payments" ADD CONSTRAINT "FK_b77f4aee44671dee54dced0dbd9" FOREIGN KEY ("household_id") REFERENCES "households"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    // Hand-added: what the generator cannot express.
    // One payment in flight (created or pending) per invoice.
    await queryRunner.query(`CREATE UNIQUE INDEX "payments_in_flight_key" ON "payments" ("invoice_id") WHERE "state" IN ('created', 'pending')`);
    // One active SEPA mandate per household.
    await queryRunner.query(`CREATE UNIQUE INDEX "sepa_mandates_active_key" ON "sepa_mandates" ("household_id") WHERE "status" = 'active'`);
    // An issued invoice, its lines and a credit note never change: corrections are new documents.
    await queryRunner.query(`CREATE FUNCTION "billing_issued_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'issued % never change', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
      END
    $$`);
    for (const table of ['invoices', 'invoice_lines', 'credit_notes']) {
      await queryRunner.query(`CREATE TRIGGER "${table}_immutable" BEFORE UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION "billing_issued_immutable"()`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['invoices', 'invoice_lines', 'credit_notes']) {
      await queryRunner.query(`DROP TRIGGER "${table}_immutable" ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION "billing_issued_immutable"()`);
    await queryRunner.query(`DROP INDEX "public"."sepa_mandates_active_key"`);
    await queryRunner.query(`DROP INDEX "public"."payments_in_flight_key"`);
    await queryRunner.query(`ALTER TABLE "payments" DROP CONSTRAINT "FK_b77f4aee44671dee54dced0dbd9"`);
    await queryRunner.query(`ALTER TABLE "payments" DROP CONSTRAINT "FK_563a5e248518c623eebd987d43e"`);
    await queryRunner.query(`ALTER TABLE "sepa_mandates" DROP CONSTRAINT "FK_f49cc523d4b05416b32e43789cf"`);
    await queryRunner.query(`ALTER TABLE "invoice_lines" DROP CONSTRAINT "FK_2da95dc86a54a00ff20ce46d0fe"`);
    await queryRunner.query(`ALTER TABLE "credit_notes" DROP CONSTRAINT "FK_ab75ae7ceab2ad0e3c77768c373"`);
    await queryRunner.query(`ALTER TABLE "invoices" DROP CONSTRAINT "FK_54030e0ff99bafe27cbcd59c50c"`);
    await queryRunner.query(`ALTER TABLE "invoices" DROP CONSTRAINT "FK_a31d2575733ec14e88c6502313c"`);
    await queryRunner.query(`ALTER TABLE "billing_run_lines" DROP CONSTRAINT "FK_f9270f4efe83ae02b2fa2924d17"`);
    await queryRunner.query(`DROP INDEX "public"."payments_invoice_idx"`);
    await queryRunner.query(`DROP INDEX "public"."payments_household_idx"`);
    await queryRunner.query(`DROP INDEX "public"."payments_provider_ref_key"`);
    await queryRunner.query(`DROP INDEX "public"."payments_receipt_key"`);
    await queryRunner.query(`DROP TABLE "payments"`);
    await queryRunner.query(`DROP INDEX "public"."payment_notifications_payment_idx"`);
    await queryRunner.query(`DROP TABLE "payment_notifications"`);
    await queryRunner.query(`DROP INDEX "public"."tariffs_activity_idx"`);
    await queryRunner.query(`DROP TABLE "tariffs"`);
    await queryRunner.query(`DROP INDEX "public"."sepa_mandates_reference_key"`);
    await queryRunner.query(`DROP TABLE "sepa_mandates"`);
    await queryRunner.query(`DROP TABLE "numbering_counters"`);
    await queryRunner.query(`DROP INDEX "public"."invoice_lines_invoice_idx"`);
    await queryRunner.query(`DROP TABLE "invoice_lines"`);
    await queryRunner.query(`DROP INDEX "public"."credit_notes_number_key"`);
    await queryRunner.query(`DROP INDEX "public"."credit_notes_invoice_idx"`);
    await queryRunner.query(`DROP TABLE "credit_notes"`);
    await queryRunner.query(`DROP INDEX "public"."invoices_number_key"`);
    await queryRunner.query(`DROP INDEX "public"."invoices_series_key"`);
    await queryRunner.query(`DROP INDEX "public"."invoices_run_household_key"`);
    await queryRunner.query(`DROP INDEX "public"."invoices_household_idx"`);
    await queryRunner.query(`DROP TABLE "invoices"`);
    await queryRunner.query(`DROP INDEX "public"."billing_run_lines_household_idx"`);
    await queryRunner.query(`DROP TABLE "billing_run_lines"`);
    await queryRunner.query(`DROP INDEX "public"."billing_runs_period_key"`);
    await queryRunner.query(`DROP TABLE "billing_runs"`);
  }
}

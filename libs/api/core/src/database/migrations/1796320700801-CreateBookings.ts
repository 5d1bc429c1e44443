import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateBookings1796320700801 implements MigrationInterface {
  name = 'CreateBookings1796320700801';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "activities" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" text NOT NULL, "kind" text NOT NULL, "name" text NOT NULL, "formula" text, "required_documents" text array NOT NULL DEFAULT '{}', "booking_deadline" text NOT NULL, "cancel_deadline" text NOT NULL, "window_weeks" integer NOT NULL, "late_change" text NOT NULL, "late_surcharge_cents" integer NOT NULL DEFAULT '0', "sick_cancel_until" text, "certificate_days" integer NOT NULL DEFAULT '2', "promotion" text NOT NULL, "offer_hours" integer NOT NULL DEFAULT '24', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_abccbcae051b35786027db70bf1" UNIQUE ("code"), CONSTRAINT "activities_numbers_check" CHECK ("window_weeks" BETWEEN 1 AND 52 AND "late_surcharge_cents" >= 0 AND "certificate_days" BETWEEN 0 AND 60 AND "offer_hours" BETWEEN 1 AND 168), CONSTRAINT "activities_promotion_check" CHECK ("promotion" IN ('auto', 'offer')), CONSTRAINT "activities_late_change_check" CHECK ("late_change" IN ('refuse', 'surcharge')), CONSTRAINT "activities_formula_check" CHECK ("formula" IS NULL OR "formula" IN ('full_day', 'half_day_with_lunch', 'half_day')), CONSTRAINT "activities_kind_check" CHECK ("kind" IN ('canteen', 'morning_care', 'evening_care', 'wednesday_centre', 'holiday_centre')), CONSTRAINT "PK_7f4004429f731ffb9c88eb486a8" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "activity_offers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "activity_id" uuid NOT NULL, "site_id" uuid NOT NULL, "capacity_per_day" integer NOT NULL, "waitlist_size" integer NOT NULL, CONSTRAINT "activity_offers_numbers_check" CHECK ("capacity_per_day" >= 0 AND "waitlist_size" >= 0), CONSTRAINT "PK_4f9d0ebf8805c52295e10d379db" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "activity_offers_activity_site_key" ON "activity_offers"  ("activity_id", "site_id") `);
    await queryRunner.query(`CREATE TABLE "offer_capacity_overrides" ("offer_id" uuid NOT NULL, "date" date NOT NULL, "capacity" integer NOT NULL, CONSTRAINT "offer_capacity_overrides_capacity_check" CHECK ("capacity" >= 0), CONSTRAINT "PK_c825e748022c29c97df920b10eb" PRIMARY KEY ("offer_id", "date"))`);
    await queryRunner.query(`CREATE TABLE "offer_days" ("offer_id" uuid NOT NULL, "date" date NOT NULL, "taken" integer NOT NULL DEFAULT '0', "waiting" integer NOT NULL DEFAULT '0', "arrivals" integer NOT NULL DEFAULT '0', CONSTRAINT "offer_days_counts_check" CHECK ("taken" >= 0 AND "waiting" >= 0 AND "arrivals" >= 0), CONSTRAINT "PK_673287bc7794aefd37db5d1f6a2" PRIMARY KEY ("offer_id", "date"))`);
    await queryRunner.query(`CREATE TABLE "attendance" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "child_id" uuid NOT NULL, "household_id" uuid NOT NULL, "activity_id" uuid NOT NULL, "site_id" uuid NOT NULL, "date" date NOT NULL, "mark" text NOT NULL, "walk_in" boolean NOT NULL DEFAULT false, "marked_by" uuid NOT NULL, "marked_at" TIMESTAMP WITH TIME ZONE NOT NULL, "locked" boolean NOT NULL DEFAULT false, CONSTRAINT "attendance_walk_in_check" CHECK (NOT "walk_in" OR "mark" = 'present'), CONSTRAINT "attendance_mark_check" CHECK ("mark" IN ('present', 'absent', 'absent_justified')), CONSTRAINT "PK_ee0ffe42c1f1a01e72b725c0cb2" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "attendance_household_date_idx" ON "attendance"  ("household_id", "date") `);
    await queryRunner.query(`CREATE INDEX "attendance_site_date_idx" ON "attendance"  ("site_id", "activity_id", "date") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "attendance_child_activity_date_key" ON "attendance"  ("child_id", "activity_id", "date") `);
    await queryRunner.query(`CREATE TABLE "bookings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "child_id" uuid NOT NULL, "household_id" uuid NOT NULL, "activity_id" uuid NOT NULL, "offer_id" uuid NOT NULL, "date" date NOT NULL, "status" text NOT NULL, "arrival" integer NOT NULL, "late" boolean NOT NULL DEFAULT false, "cancelled_late" boolean NOT NULL DEFAULT false, "offer_expires_at" TIMESTAMP WITH TIME ZONE, "cancelled_at" TIMESTAMP WITH TIME ZONE, "certificate_key" text, "certificate_mime" text, "certificate_at" TIMESTAMP WITH TIME ZONE, "justified" boolean NOT NULL DEFAULT false, "locked" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "bookings_offer_expiry_check" CHECK ("status" <> 'offered' OR "offer_expires_at" IS NOT NULL), CONSTRAINT "bookings_status_check" CHECK ("status" IN ('booked', 'waitlisted', 'offered', 'absent_sick', 'cancelled', 'closure', 'declined', 'expired')), CONSTRAINT "PK_bee6805982cc1e248e94ce94957" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "bookings_child_date_idx" ON "bookings"  ("child_id", "date") `);
    await queryRunner.query(`CREATE INDEX "bookings_household_date_idx" ON "bookings"  ("household_id", "date") `);
    await queryRunner.query(`CREATE INDEX "bookings_offer_day_idx" ON "bookings"  ("offer_id", "date", "status") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "bookings_live_key" ON "bookings"  ("child_id", "activity_id", "date") WHERE "status" IN ('booked', 'waitlisted', 'offered', 'absent_sick')`);
    await queryRunner.query(`CREATE TABLE "calendar_feeds" ("child_id" uuid NOT NULL, "household_id" uuid NOT NULL, "token_hash" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bb76789398aefd2953530e76e40" PRIMARY KEY ("child_id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "calendar_feeds_token_hash_key" ON "calendar_feeds"  ("token_hash") `);
    await queryRunner.query(`CREATE TABLE "booking_closures" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "site_id" uuid NOT NULL, "activity_id" uuid, "from_date" date NOT NULL, "to_date" date NOT NULL, "reason" text NOT NULL, "cancelled_bookings" integer NOT NULL DEFAULT '0', "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "booking_closures_dates_check" CHECK ("to_date" >= "from_date"), CONSTRAINT "PK_cc27bcdb0cc9858be243dbea9ad" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "booking_closures_site_dates_idx" ON "booking_closures"  ("site_id", "from_date", "to_date") `);
    await queryRunner.query(`CREATE TABLE "enrollments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "child_id" uuid NOT NULL, "household_id" uuid NOT NULL, "activity_id" uuid NOT NULL, "site_id" uuid NOT NULL, "school_year" text NOT NULL, "status" text NOT NULL, "reason" text, "missing_documents" text array NOT NULL DEFAULT '{}', "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL, "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "enrollments_school_year_check" CHECK ("school_year" ~ '^[0-9]{4}-[0-9]{4}$'), CONSTRAINT "enrollments_status_check" CHECK ("status" IN ('pending', 'approved', 'refused', 'withdrawn')), CONSTRAINT "PK_7c0f752f9fb68bf6ed7367ab00f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "enrollments_live_key" ON "enrollments"  ("child_id", "activity_id", "school_year") WHERE "status" IN ('pending', 'approved')`);
    await queryRunner.query(`CREATE INDEX "enrollments_household_idx" ON "enrollments"  ("household_id") `);
    await queryRunner.query(`CREATE TABLE "holiday_campaigns" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "activity_id" uuid NOT NULL, "period_name" text NOT NULL, "period_from" date NOT NULL, "period_to" date NOT NULL, "opens_at" TIMESTAMP WITH TIME ZONE NOT NULL, "closes_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "holiday_campaigns_dates_check" CHECK ("period_to" >= "period_from" AND "closes_at" > "opens_at"), CONSTRAINT "PK_49fe5a1b48e5b3d8e686b3780d3" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "holiday_campaigns_activity_period_key" ON "holiday_campaigns"  ("activity_id", "period_from") `);
    await queryRunner.query(`ALTER TABLE "activity_offers" ADD CONSTRAINT "FK_f9d02ea55472814189e0cc6c404" FOREIGN KEY ("activity_id") REFERENCES "activities"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "activity_offers" ADD CONSTRAINT "FK_566e3529e226c5fa25bde402d9f" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "offer_capacity_overrides" ADD CONSTRAINT "FK_36a1e8bb36d25321cbbb32b8341" FOREIGN KEY ("offer_id") REFERENCES "activity_offers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "offer_days" ADD CONSTRAINT "FK_f531514cdd2733b51e76a04dd2c" FOREIGN KEY ("offer_id") REFERENCES "activity_offers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "attendance" ADD CONSTRAINT "FK_246999550e7d0426639c1ebac10" FOREIGN KEY ("child_id") REFERENCES "children"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "attendance" ADD CONSTRAINT "FK_3faa472de176ae63346d764a0a6" FOREIGN KEY ("household_id") REFERENCES "households"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "attendance" ADD CONSTRAINT "FK_dd0b658e83064c255b73f3dc12d" FOREIGN KEY ("activity_id") REFERENCES "activities"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "attendance" ADD CONSTRAINT "FK_549bb2a0bf26c449613516066f2" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "bookings" ADD CONSTRAINT "FK_0c905c185b80866dade7252bcb7" FOREIGN KEY ("child_id") REFERENCES "children"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "bookings" ADD CONSTRAINT "FK_f49dc142c6f1185f00830db53b1" FOREIGN KEY ("household_id") REFERENCES "households"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "bookings" ADD CONSTRAINT "FK_9a8da83eb74b4ced2d34c562aa3" FOREIGN KEY ("activity_id") REFERENCES "activities"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "bookings" ADD CONSTRAINT "FK_02fcfcc118488d4e87990f9b7dd" FOREIGN KEY ("offer_id") REFERENCES "activity_offers"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "calendar_feeds" ADD CONSTRAINT "FK_bb76789398aefd2953530e76e40" FOREIGN KEY ("child_id") REFERENCES "children"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "calendar_feeds" ADD CONSTRAINT "FK_0da5ce30db9f2b6dcbf06db5c90" FOREIGN KEY ("household_id") REFERENCES "households"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "booking_closures" ADD CONSTRAINT "FK_1851392ec029e8771b20d4ff511" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "booking_closures" ADD CONSTRAINT "FK_ab120675dcbb5509f3b6d156db1" FOREIGN KEY ("activity_id") REFERENCES "activities"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "enrollments" ADD CONSTRAINT "FK_56fdcd2164457e6db74caa7c8e6" FOREIGN KEY ("child_id") REFERENCES "children"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "enrollments" ADD CONSTRAINT "FK_c7b275ca396c256037649d03546" FOREIGN KEY ("household_id") REFERENCES "households"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "enrollments" ADD CONSTRAINT "FK_b751332bb19dd5b62c128072b75" FOREIGN KEY ("activity_id") REFERENCES "activities"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "enrollments" ADD CONSTRAINT "FK_ed11c5524df7587aac9736602d4" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "holiday_campaigns" ADD CONSTRAINT "FK_a893308723c47931d3270361d30" FOREIGN KEY ("activity_id") REFERENCES "activities"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "holiday_campaigns" DROP CONSTRAINT "FK_a893308723c47931d3270361d30"`);
    await queryRunner.query(`ALTER TABLE "enrollments" DROP CONSTRAINT "FK_ed11c5524df7587aac9736602d4"`);
    await queryRunner.query(`ALTER TABLE "enrollments" DROP CONSTRAINT "FK_b751332bb19dd5b62c128072b75"`);
    await queryRunner.query(`ALTER TABLE "enrollments" DROP CONSTRAINT "FK_c7b275ca396c256037649d03546"`);
    await queryRunner.query(`ALTER TABLE "enrollments" DROP CONSTRAINT "FK_56fdcd2164457e6db74caa7c8e6"`);
    await queryRunner.query(`ALTER TABLE "booking_closures" DROP CONSTRAINT "FK_ab120675dcbb5509f3b6d156db1"`);
    await queryRunner.query(`ALTER TABLE "booking_closures" DROP CONSTRAINT "FK_1851392ec029e8771b20d4ff511"`);
    await queryRunner.query(`ALTER TABLE "calendar_feeds" DROP CONSTRAINT "FK_0da5ce30db9f2b6dcbf06db5c90"`);
    await queryRunner.query(`ALTER TABLE "calendar_feeds" DROP CONSTRAINT "FK_bb76789398aefd2953530e76e40"`);
    await queryRunner.query(`ALTER TABLE "bookings" DROP CONSTRAINT "FK_02fcfcc118488d4e87990f9b7dd"`);
    await queryRunner.query(`ALTER TABLE "bookings" DROP CONSTRAINT "FK_9a8da83eb74b4ced2d34c562aa3"`);
    await queryRunner.query(`ALTER TABLE "bookings" DROP CONSTRAINT "FK_f49dc142c6f1185f00830db53b1"`);
    await queryRunner.query(`ALTER TABLE "bookings" DROP CONSTRAINT "FK_0c905c185b80866dade7252bcb7"`);
    await queryRunner.query(`ALTER TABLE "attendance" DROP CONSTRAINT "FK_549bb2a0bf26c449613516066f2"`);
    await queryRunner.query(`ALTER TABLE "attendance" DROP CONSTRAINT "FK_dd0b658e83064c255b73f3dc12d"`);
    await queryRunner.query(`ALTER TABLE "attendance" DROP CONSTRAINT "FK_3faa472de176ae63346d764a0a6"`);
    await queryRunner.query(`ALTER TABLE "attendance" DROP CONSTRAINT "FK_246999550e7d0426639c1ebac10"`);
    await queryRunner.query(`ALTER TABLE "offer_days" DROP CONSTRAINT "FK_f531514cdd2733b51e76a04dd2c"`);
    await queryRunner.query(`ALTER TABLE "offer_capacity_overrides" DROP CONSTRAINT "FK_36a1e8bb36d25321cbbb32b8341"`);
    await queryRunner.query(`ALTER TABLE "activity_offers" DROP CONSTRAINT "FK_566e3529e226c5fa25bde402d9f"`);
    await queryRunner.query(`ALTER TABLE "activity_offers" DROP CONSTRAINT "FK_f9d02ea55472814189e0cc6c404"`);
    await queryRunner.query(`DROP INDEX "public"."holiday_campaigns_activity_period_key"`);
    await queryRunner.query(`DROP TABLE "holiday_campaigns"`);
    await queryRunner.query(`DROP INDEX "public"."enrollments_household_idx"`);
    await queryRunner.query(`DROP INDEX "public"."enrollments_live_key"`);
    await queryRunner.query(`DROP TABLE "enrollments"`);
    await queryRunner.query(`DROP INDEX "public"."booking_closures_site_dates_idx"`);
    await queryRunner.query(`DROP TABLE "booking_closures"`);
    await queryRunner.query(`DROP INDEX "public"."calendar_feeds_token_hash_key"`);
    await queryRunner.query(`DROP TABLE "calendar_feeds"`);
    await queryRunner.query(`DROP INDEX "public"."bookings_live_key"`);
    await queryRunner.query(`DROP INDEX "public"."bookings_offer_day_idx"`);
    await queryRunner.query(`DROP INDEX "public"."bookings_household_date_idx"`);
    await queryRunner.query(`DROP INDEX "public"."bookings_child_date_idx"`);
    await queryRunner.query(`DROP TABLE "bookings"`);
    await queryRunner.query(`DROP INDEX "public"."attendance_child_activity_date_key"`);
    await queryRunner.query(`DROP INDEX "public"."attendance_site_date_idx"`);
    await queryRunner.query(`DROP INDEX "public"."attendance_household_date_idx"`);
    await queryRunner.query(`DROP TABLE "attendance"`);
    await queryRunner.query(`DROP TABLE "offer_days"`);
    await queryRunner.query(`DROP TABLE "offer_capacity_overrides"`);
    await queryRunner.query(`DROP INDEX "public"."activity_offers_activity_site_key"`);
    await queryRunner.query(`DROP TABLE "activity_offers"`);
    await queryRunner.query(`DROP TABLE "activities"`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCity1795774709420 implements MigrationInterface {
  name = 'CreateCity1795774709420';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "public_holidays" ("date" date NOT NULL, "name" text NOT NULL, CONSTRAINT "PK_7599e8969de9ac9e64a3d536455" PRIMARY KEY ("date"))`);
    await queryRunner.query(`CREATE TABLE "school_years" ("id" text NOT NULL, "zone" character(1) NOT NULL, "first_school_day" date NOT NULL, "last_school_day" date NOT NULL, "class_weekdays" smallint array NOT NULL, CONSTRAINT "school_years_dates_check" CHECK ("first_school_day" < "last_school_day"), CONSTRAINT "PK_3fe99d570a61178cb99065783cf" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "school_holidays" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "school_year_id" text NOT NULL, "name" text NOT NULL, "from_date" date NOT NULL, "to_date" date, CONSTRAINT "school_holidays_year_name_key" UNIQUE ("school_year_id", "name"), CONSTRAINT "school_holidays_dates_check" CHECK ("to_date" IS NULL OR "from_date" <= "to_date"), CONSTRAINT "PK_457ec3ebf4a4e85aacc98b12c7a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "sites" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" text NOT NULL, "kind" text NOT NULL, "name" text NOT NULL, "address" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_dde6621eadc0c9c9621360ec668" UNIQUE ("code"), CONSTRAINT "sites_kind_check" CHECK ("kind" IN ('school', 'leisure_centre')), CONSTRAINT "PK_4f5eccb1dfde10c9170502595a7" PRIMARY KEY ("id"))`);
    await queryRunner.query(`ALTER TABLE "school_holidays" ADD CONSTRAINT "FK_795525a177a090d005b8b826db8" FOREIGN KEY ("school_year_id") REFERENCES "school_years"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "school_holidays" DROP CONSTRAINT "FK_795525a177a090d005b8b826db8"`);
    await queryRunner.query(`DROP TABLE "sites"`);
    await queryRunner.query(`DROP TABLE "school_holidays"`);
    await queryRunner.query(`DROP TABLE "school_years"`);
    await queryRunner.query(`DROP TABLE "public_holidays"`);
  }
}

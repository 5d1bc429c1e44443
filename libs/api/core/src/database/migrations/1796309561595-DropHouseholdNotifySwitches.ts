import { MigrationInterface, QueryRunner } from 'typeorm';

export class DropHouseholdNotifySwitches1796309561595 implements MigrationInterface {
  name = 'DropHouseholdNotifySwitches1796309561595';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "households" DROP COLUMN "notify_email"`);
    await queryRunner.query(`ALTER TABLE "households" DROP COLUMN "notify_sms"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "households" ADD "notify_sms" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "households" ADD "notify_email" boolean NOT NULL DEFAULT true`);
  }
}

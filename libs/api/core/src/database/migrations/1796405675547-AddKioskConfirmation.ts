import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddKioskConfirmation1796405675547 implements MigrationInterface {
  name = 'AddKioskConfirmation1796405675547';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Requests written before this column (at most 2 minutes' worth) get 0, which no phone can type:
    // they expire unused.
    await queryRunner.query(`ALTER TABLE "kiosk_sign_in_requests" ADD "confirmation" smallint NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE "kiosk_sign_in_requests" ALTER COLUMN "confirmation" DROP DEFAULT`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "kiosk_sign_in_requests" DROP COLUMN "confirmation"`);
  }
}

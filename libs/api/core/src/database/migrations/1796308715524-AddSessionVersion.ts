import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddSessionVersion1796308715524 implements MigrationInterface {
  name = 'AddSessionVersion1796308715524';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "session_version" integer NOT NULL DEFAULT '0'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "session_version"`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

export class LinkAnnouncementsToActivities1796325764795 implements MigrationInterface {
  name = 'LinkAnnouncementsToActivities1796325764795';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Hand-added: before this key, activity ids were not checked; an announcement for an activity
    // that does not exist reached nobody and cannot satisfy the key (audience needs the id).
    await queryRunner.query(
      `DELETE FROM "announcements" WHERE "activity_id" IS NOT NULL AND "activity_id" NOT IN (SELECT "id" FROM "activities")`,
    );
    await queryRunner.query(`ALTER TABLE "announcements" ADD CONSTRAINT "FK_c98303d84ccaa8b63012e906e30" FOREIGN KEY ("activity_id") REFERENCES "activities"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "announcements" DROP CONSTRAINT "FK_c98303d84ccaa8b63012e906e30"`);
  }
}

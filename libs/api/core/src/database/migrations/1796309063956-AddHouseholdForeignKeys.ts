import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddHouseholdForeignKeys1796309063956 implements MigrationInterface {
  name = 'AddHouseholdForeignKeys1796309063956';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // The households tables were created before users and sites existed: rows may point nowhere.
    // Stop with the list rather than fail on the first constraint or silently change data.
    const references: [string, string, string][] = [
      ['household_documents', 'uploaded_by', 'users'],
      ['children', 'school_site_id', 'sites'],
      ['closure_requests', 'requested_by', 'users'],
      ['closure_requests', 'executed_by', 'users'],
      ['household_guardians', 'user_id', 'users'],
      ['household_invitations', 'invited_by', 'users'],
      ['quotients', 'submitted_by', 'users'],
      ['quotients', 'decided_by', 'users'],
    ];
    const orphans: string[] = [];
    for (const [table, column, target] of references) {
      const [row] = (await queryRunner.query(
        `SELECT count(*)::int AS n FROM "${table}" t
          WHERE t."${column}" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "${target}" r WHERE r.id = t."${column}")`,
      )) as { n: number }[];
      if (row.n > 0) orphans.push(`${table}.${column}: ${row.n} row(s) without a matching ${target}.id`);
    }
    if (orphans.length > 0) {
      throw new Error(
        `AddHouseholdForeignKeys: fix these rows first (point them to an existing row, or set the nullable ones to NULL): ${orphans.join('; ')}`,
      );
    }
    await queryRunner.query(`ALTER TABLE "household_documents" ADD CONSTRAINT "FK_e43b82116eb040ff287f3d761b1" FOREIGN KEY ("uploaded_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "children" ADD CONSTRAINT "FK_1f33bb27835c1589cedde71f510" FOREIGN KEY ("school_site_id") REFERENCES "sites"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "closure_requests" ADD CONSTRAINT "FK_8f4f8dbe3195b96a5d23c661159" FOREIGN KEY ("requested_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "closure_requests" ADD CONSTRAINT "FK_c372162aff7ab04af80bfc350f0" FOREIGN KEY ("executed_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "household_guardians" ADD CONSTRAINT "FK_5daa267db9ed1bb4785587f27f0" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "household_invitations" ADD CONSTRAINT "FK_3eef1a283a66c98bd40d9b8aa86" FOREIGN KEY ("invited_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "quotients" ADD CONSTRAINT "FK_03c557f4e5d17679067244aea27" FOREIGN KEY ("submitted_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "quotients" ADD CONSTRAINT "FK_992ae742ef8863c33ff457dc03f" FOREIGN KEY ("decided_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "quotients" DROP CONSTRAINT "FK_992ae742ef8863c33ff457dc03f"`);
    await queryRunner.query(`ALTER TABLE "quotients" DROP CONSTRAINT "FK_03c557f4e5d17679067244aea27"`);
    await queryRunner.query(`ALTER TABLE "household_invitations" DROP CONSTRAINT "FK_3eef1a283a66c98bd40d9b8aa86"`);
    await queryRunner.query(`ALTER TABLE "household_guardians" DROP CONSTRAINT "FK_5daa267db9ed1bb4785587f27f0"`);
    await queryRunner.query(`ALTER TABLE "closure_requests" DROP CONSTRAINT "FK_c372162aff7ab04af80bfc350f0"`);
    await queryRunner.query(`ALTER TABLE "closure_requests" DROP CONSTRAINT "FK_8f4f8dbe3195b96a5d23c661159"`);
    await queryRunner.query(`ALTER TABLE "children" DROP CONSTRAINT "FK_1f33bb27835c1589cedde71f510"`);
    await queryRunner.query(`ALTER TABLE "household_documents" DROP CONSTRAINT "FK_e43b82116eb040ff287f3d761b1"`);
  }
}

import { DataSource } from 'typeorm';
import { dataSourceOptions, migrations } from '@foyer/api/core';
import { createTestDatabase, TestDatabase } from '@foyer/api/core/testing';
import { allEntities } from '../../src/entities';

describe('migrations', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = new DataSource(dataSourceOptions(database.url, allEntities, 2));
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('apply in order on an empty database', async () => {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    expect(applied.map((m) => m.name)).toEqual(migrations.map((m) => new m().constructor.name));
    const tables = await dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
    );
    expect(tables.map((t: { table_name: string }) => t.table_name)).toEqual(
      expect.arrayContaining(['migrations', 'public_holidays', 'school_holidays', 'school_years', 'sites']),
    );
  });

  it('leave nothing for the entities to add: the schema is exactly what the migrations build', async () => {
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('revert all the way down and apply again', async () => {
    for (let i = 0; i < migrations.length; i++) await dataSource.undoLastMigration({ transaction: 'each' });
    const left = await dataSource.query(
      `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'`,
    );
    expect(left[0].n).toBe(0);
    await dataSource.runMigrations({ transaction: 'each' });
    expect(await dataSource.showMigrations()).toBe(false);
  });
});

describe('the audit log', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = new DataSource(dataSourceOptions(database.url, allEntities, 2));
    await dataSource.initialize();
    await dataSource.runMigrations();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('refuses updates and deletes: it is append-only', async () => {
    await dataSource.query(
      `INSERT INTO audit_log (actor_role, action, entity, details) VALUES ('system', 'test.do', 'test', '{}')`,
    );
    await expect(dataSource.query(`UPDATE audit_log SET action = 'rewritten'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(dataSource.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    const rows = await dataSource.query(`SELECT action FROM audit_log`);
    expect(rows).toEqual([{ action: 'test.do' }]);
  });
});

describe('the households foreign keys migration', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = new DataSource(dataSourceOptions(database.url, allEntities, 2));
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    // Back to the state before it: the households tables without foreign keys to users and sites.
    while (
      !(await dataSource.query(`SELECT name FROM migrations ORDER BY id DESC LIMIT 1`))[0].name.startsWith(
        'AddHouseholdForeignKeys',
      )
    ) {
      await dataSource.undoLastMigration({ transaction: 'each' });
    }
    await dataSource.undoLastMigration({ transaction: 'each' });
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('stops on orphan rows and names them, then applies once they are mended', async () => {
    const [household] = await dataSource.query(
      `INSERT INTO households (address_line1) VALUES ('1 rue A') RETURNING id`,
    );
    const ghost = '00000000-0000-4000-8000-00000000dead';
    await dataSource.query(
      `INSERT INTO household_guardians (household_id, user_id, rank) VALUES ($1, $2, 1)`,
      [household.id, ghost],
    );
    await expect(dataSource.runMigrations({ transaction: 'each' })).rejects.toThrow(
      /household_guardians\.user_id: 1 row\(s\) without a matching users\.id/,
    );
    await dataSource.query(
      `INSERT INTO users (id, email, first_name, last_name) VALUES ($1, 'a@exemple.fr', 'A', 'B')`,
      [ghost],
    );
    await dataSource.runMigrations({ transaction: 'each' });
    expect(await dataSource.showMigrations()).toBe(false);
    await expect(
      dataSource.query(
        `INSERT INTO household_guardians (household_id, user_id, rank) VALUES ($1, gen_random_uuid(), 2)`,
        [household.id],
      ),
    ).rejects.toThrow(/foreign key/);
  });
});

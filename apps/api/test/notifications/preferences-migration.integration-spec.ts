import { DataSource } from 'typeorm';
import { dataSourceOptions, migrations } from '@foyer/api/core';
import { createTestDatabase, TestDatabase } from '@foyer/api/core/testing';

describe('migration of the household notification switches', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  async function migrate(upTo: number): Promise<void> {
    const dataSource = new DataSource({
      ...dataSourceOptions(database.url, [], 1),
      migrations: migrations.slice(0, upTo),
    });
    await dataSource.initialize();
    try {
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await dataSource.destroy();
    }
  }

  it("turns each household's e-mail and SMS switches into per-topic choices of its guardians", async () => {
    const before = migrations.findIndex((m) => m.name.startsWith('CreateNotifications'));
    await migrate(before);
    const dataSource = new DataSource(dataSourceOptions(database.url, [], 1));
    await dataSource.initialize();
    try {
      const [user] = await dataSource.query(
        `INSERT INTO users (email, first_name, last_name) VALUES ('sans.mail@exemple.fr', 'Aya', 'Diallo') RETURNING id`,
      );
      const [household] = await dataSource.query(
        `INSERT INTO households (notify_email, notify_sms) VALUES (false, true) RETURNING id`,
      );
      await dataSource.query(
        `INSERT INTO household_guardians (household_id, user_id, rank) VALUES ($1, $2, 1)`,
        [household.id, user.id],
      );
      await dataSource.destroy();
      await migrate(migrations.length);
      await dataSource.initialize();
      const rows: { topic: string; channel: string; enabled: boolean }[] = await dataSource.query(
        `SELECT topic, channel, enabled FROM notification_preferences WHERE user_id = $1 ORDER BY channel, topic`,
        [user.id],
      );
      // E-mail off for what a family may switch off (law-required topics stay on by e-mail)…
      expect(rows.filter((r) => r.channel === 'email')).toEqual(
        ['city-announcement', 'document-expiring', 'waiting-list'].map((topic) => ({
          topic,
          channel: 'email',
          enabled: false,
        })),
      );
      // …and SMS on for every topic, as the household had chosen.
      const sms = rows.filter((r) => r.channel === 'sms');
      expect(sms).toHaveLength(7);
      expect(sms.every((r) => r.enabled)).toBe(true);
      const columns = await dataSource.query(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'households' AND column_name LIKE 'notify%'`,
      );
      expect(columns).toEqual([]);
    } finally {
      if (dataSource.isInitialized) await dataSource.destroy();
    }
  });
});

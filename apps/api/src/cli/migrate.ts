import '../register-aliases';
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions, loadConfig, openDatabase } from '@foyer/api/core';
import { allEntities } from '../entities';

/** npm run db:migrate: applies pending migrations to DATABASE_URL or the embedded database. */
async function main(): Promise<void> {
  const config = loadConfig(process.env, () => randomBytes(48).toString('base64url'));
  const database = await openDatabase(config);
  const dataSource = new DataSource(dataSourceOptions(database.url, allEntities, 2));
  await dataSource.initialize();
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  process.stdout.write(
    applied.length ? applied.map((m) => `applied ${m.name}`).join('\n') + '\n' : 'database is up to date\n',
  );
  await dataSource.destroy();
  await database.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

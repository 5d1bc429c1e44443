import '../register-aliases';
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions, loadConfig, openDatabase } from '@foyer/api/core';
import { allEntities } from '../entities';
import { seedDemo } from '../seed';

/** npm run seed: migrates, then creates or refreshes the demo city. Safe to run again. */
async function main(): Promise<void> {
  const config = loadConfig(process.env, () => randomBytes(48).toString('base64url'));
  const database = await openDatabase(config);
  const dataSource = new DataSource(dataSourceOptions(database.url, allEntities, 2));
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await seedDemo(dataSource, { documentsDir: config.documentsDir });
  process.stdout.write(`Demo data seeded into the ${database.kind} database.\n`);
  await dataSource.destroy();
  await database.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

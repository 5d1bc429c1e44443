import '../register-aliases';
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions, loadConfig, openDatabase } from '@foyer/api/core';
import { allEntities } from '../entities';

/**
 * npm run db:migration:generate -- Name
 * Applies the existing migrations to a scratch database (a fresh in-memory embedded one unless
 * DATABASE_URL is set), compares the schema with the entities and writes the difference as a new
 * migration in libs/api/core/src/database/migrations, registered in its index.
 */
const MIGRATIONS_DIR = resolve('libs/api/core/src/database/migrations');

function quote(sql: string): string {
  return '`' + sql.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
}

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
    throw new Error('Usage: npm run db:migration:generate -- VerbNoun   (PascalCase, e.g. AddChildren)');
  }
  const config = loadConfig(
    { ...process.env, EMBEDDED_DB_DIR: process.env['DATABASE_URL'] ? 'unused' : 'memory' },
    () => randomBytes(48).toString('base64url'),
  );
  const database = await openDatabase(config);
  const dataSource = new DataSource(dataSourceOptions(database.url, allEntities, 2));
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  const sql = await dataSource.driver.createSchemaBuilder().log();
  await dataSource.destroy();
  await database.close();

  if (sql.upQueries.length === 0) {
    process.stdout.write('No change between the entities and the migrations: nothing written.\n');
    return;
  }
  const timestamp = Date.now();
  const className = `${name}${timestamp}`;
  const up = sql.upQueries.map((q) => `    await queryRunner.query(${quote(q.query)});`).join('\n');
  const down = sql.downQueries
    .reverse()
    .map((q) => `    await queryRunner.query(${quote(q.query)});`)
    .join('\n');
  const file = `${timestamp}-${name}`;
  writeFileSync(
    join(MIGRATIONS_DIR, `${file}.ts`),
    `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${up}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${down}
  }
}
`,
  );
  const indexPath = join(MIGRATIONS_DIR, 'index.ts');
  const index = readFileSync(indexPath, 'utf8')
    .replace(/(\/\/ @migration-imports\n)/, `$1import { ${className} } from './${file}';\n`)
    .replace(
      /(export const migrations[^=]*= \[)([^\]]*)(\])/s,
      (_m, start: string, list: string, end: string) => {
        const items = list
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        items.push(className);
        return `${start}\n${items.map((i) => `  ${i},`).join('\n')}\n${end}`;
      },
    );
  writeFileSync(indexPath, index);
  process.stdout.write(`Wrote ${join(MIGRATIONS_DIR, file)}.ts: read its SQL before committing.\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

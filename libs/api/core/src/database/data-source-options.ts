import { types } from 'pg';
import { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import { migrations } from './migrations';

/** The one set of TypeORM options, shared by the app, the migration CLI and the tests. */
export function dataSourceOptions(
  url: string,
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>,
  poolSize = 10,
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    synchronize: false,
    migrationsRun: false,
    logging: false,
    extra: { max: poolSize, application_name: 'foyer-api' },
  };
}

// A SQL `date` is a calendar day, not an instant: keep it as the ISO string PostgreSQL sends
// ("2027-01-14") instead of letting the driver turn it into a Date at local midnight.
types.setTypeParser(types.builtins.DATE, (value: string) => value);

import type { DataSource } from 'typeorm';

/** Tables whose rows record requests rather than data (a refused sign-in is still an attempt). */
const REQUEST_LOGS = new Set(['migrations', 'login_attempts', 'login_locks']);

async function tables(dataSource: DataSource): Promise<{ name: string; columns: string[] }[]> {
  const rows = (await dataSource.query(
    `SELECT table_name AS name, array_agg(column_name::text) AS columns
       FROM information_schema.columns WHERE table_schema = 'public' GROUP BY table_name ORDER BY table_name`,
  )) as { name: string; columns: string[] }[];
  return rows.filter((r) => !REQUEST_LOGS.has(r.name));
}

/** md5 of every row of every table (request logs aside): any write changes it. */
export async function digestAll(dataSource: DataSource): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of await tables(dataSource)) {
    const [row] = (await dataSource.query(
      `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS d FROM "${table.name}" t`,
    )) as { d: string }[];
    out[table.name] = row.d;
  }
  return out;
}

/**
 * md5 of household A's rows: the households row itself, every row carrying its household_id, and
 * every row carrying A's user id. A table a later domain adds is covered as soon as it has one of them.
 */
export async function digestOf(
  dataSource: DataSource,
  householdId: string,
  userId: string,
): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of await tables(dataSource)) {
    const where: string[] = [];
    if (table.name === 'households') where.push('t.id::text = $1');
    if (table.columns.includes('household_id')) where.push('t.household_id::text = $1');
    if (table.name === 'users') where.push('t.id::text = $2');
    if (table.columns.includes('user_id')) where.push('t.user_id::text = $2');
    if (where.length === 0) continue;
    const [row] = (await dataSource.query(
      `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS d FROM "${table.name}" t
        WHERE ($1::text IS NOT NULL AND $2::text IS NOT NULL) AND (${where.join(' OR ')})`,
      [householdId, userId],
    )) as { d: string }[];
    out[table.name] = row.d;
  }
  return out;
}

import { EntityManager } from 'typeorm';

/**
 * Rows of an UPDATE or DELETE … RETURNING: TypeORM's PostgreSQL driver answers those with
 * [rows, rowCount] where a SELECT or INSERT gets the rows alone.
 */
export async function returning<T>(m: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const result = (await m.query(sql, params)) as unknown;
  if (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  ) {
    return result[0] as T[];
  }
  return result as T[];
}

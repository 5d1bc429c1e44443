import type { EntityManager } from 'typeorm';

/**
 * Takes the next number of a series ("F-2026") inside the caller's transaction. The upsert locks the
 * counter row until the transaction ends, so concurrent issuers queue behind it, and a transaction
 * that rolls back gives its number back: the series has neither gap nor duplicate.
 */
export async function nextNumber(m: EntityManager, series: string): Promise<number> {
  const rows: { last_value: number }[] = await m.query(
    `INSERT INTO numbering_counters (series, last_value) VALUES ($1, 1)
     ON CONFLICT (series) DO UPDATE SET last_value = numbering_counters.last_value + 1
     RETURNING last_value`,
    [series],
  );
  return rows[0].last_value;
}

/**
 * Takes the next `count` numbers of a series at once, inside the caller's transaction, and returns the
 * first: the block is first..first+count-1. Same lock as `nextNumber` (the counter row stays locked until
 * the transaction ends, a rollback gives the whole block back), so the series stays continuous.
 */
export async function nextNumbers(m: EntityManager, series: string, count: number): Promise<number> {
  if (!Number.isInteger(count) || count < 1) throw new Error(`nextNumbers: count must be a positive integer`);
  const rows: { last_value: number }[] = await m.query(
    `INSERT INTO numbering_counters (series, last_value) VALUES ($1, $2)
     ON CONFLICT (series) DO UPDATE SET last_value = numbering_counters.last_value + $2
     RETURNING last_value`,
    [series, count],
  );
  return Number(rows[0].last_value) - count + 1;
}

/** F-2026-000123 */
export function invoiceNumber(year: number, sequence: number): string {
  return `F-${year}-${String(sequence).padStart(6, '0')}`;
}

/** A-2026-000007 */
export function creditNoteNumber(year: number, sequence: number): string {
  return `A-${year}-${String(sequence).padStart(6, '0')}`;
}

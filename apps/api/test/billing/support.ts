import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Response } from 'superagent';
import { DataSource } from 'typeorm';
import { CreateTariffRequest, TariffMethod } from '@foyer/shared/contracts';
import { gridRules, PublishedGrid } from '@foyer/shared/domain';
import { DEMO_ACCOUNTS } from '@foyer/api/accounts';
import { login } from '../accounts/support/accounts-helpers';
import { TestApp } from '../test-app';

/** The real grids the seed uses. */
export const GRIDS: PublishedGrid[] = JSON.parse(
  readFileSync(join(__dirname, '../../../../libs/api/billing/src/seed/tariff-grids.json'), 'utf8'),
).grids;

export const roncqMeal = () =>
  gridRules(GRIDS.find((g) => g.id === 'roncq-2025-2026') as PublishedGrid, 'meal', 'pai_meal');

export async function signIn(t: TestApp, who: 'parent' | 'agent' | 'admin'): Promise<string> {
  const session = await login(t, DEMO_ACCOUNTS[who].email, DEMO_ACCOUNTS[who].password);
  return `Bearer ${session.accessToken}`;
}

export interface Fixture {
  activityId: string;
  offerId: string;
  siteId: string;
}

/**
 * Leaves the month's billing to the test's own days: the demo seed books around today, and a
 * test's expectations must not depend on the day it runs.
 */
export async function clearDemoBookings(ds: DataSource): Promise<void> {
  await ds.query(`DELETE FROM attendance`);
  await ds.query(`DELETE FROM bookings`);
  // The demo invoices too (TRUNCATE: issued invoices refuse DELETE), numbers restarting at 1.
  await ds.query(
    `TRUNCATE payment_notifications, payments, credit_notes, invoice_lines, invoices, billing_run_lines, billing_runs,
              numbering_counters`,
  );
}

/** An activity offered at a school, as the bookings domain stores it (its admin routes may come later). */
export async function createActivity(
  ds: DataSource,
  code: string,
  kind = 'canteen',
  name = 'Restauration scolaire',
): Promise<Fixture> {
  await clearDemoBookings(ds);
  const site: { id: string }[] = await ds.query(
    `SELECT id FROM sites WHERE kind = 'school' ORDER BY code LIMIT 1`,
  );
  const activity: { id: string }[] = await ds.query(
    `INSERT INTO activities (code, kind, name, booking_deadline, cancel_deadline, window_weeks, late_change, promotion)
     VALUES ($1, $2, $3, 'thursday of the week before at 12:00', 'thursday of the week before at 12:00', 8, 'surcharge', 'auto')
     RETURNING id`,
    [code, kind, name],
  );
  const offer: { id: string }[] = await ds.query(
    `INSERT INTO activity_offers (activity_id, site_id, capacity_per_day, waitlist_size) VALUES ($1, $2, 200, 10) RETURNING id`,
    [activity[0].id, site[0].id],
  );
  return { activityId: activity[0].id, offerId: offer[0].id, siteId: site[0].id };
}

export function tariffRequest(
  activityId: string,
  overrides: Partial<CreateTariffRequest> = {},
): CreateTariffRequest {
  return {
    ...(roncqMeal() as Omit<CreateTariffRequest, 'activityId' | 'validFrom' | 'unit'>),
    method: TariffMethod.Brackets,
    activityId,
    validFrom: '2026-09-01',
    validTo: null,
    unit: { one: 'repas', many: 'repas' },
    unbookedPenalty: { mode: 'fixed', value: 500 },
    ...overrides,
  };
}

export interface DayPlan {
  date: string;
  /** booked (default), absent_sick, cancelled (late), closure, or none (walk-in). */
  status?: 'booked' | 'absent_sick' | 'cancelled' | 'closure' | 'none';
  mark?: 'present' | 'absent' | 'absent_justified' | null;
  late?: boolean;
  justified?: boolean;
}

/** Books and marks days for a child, straight in the bookings tables. */
export async function bookDays(ds: DataSource, f: Fixture, childId: string, days: DayPlan[]): Promise<void> {
  const child: { household_id: string }[] = await ds.query(
    `SELECT household_id FROM children WHERE id = $1`,
    [childId],
  );
  const agent: { id: string }[] = await ds.query(
    `SELECT id FROM users WHERE lower(email) = 'agent@demo.test'`,
  );
  const householdId = child[0].household_id;
  let arrival = 1;
  for (const d of days) {
    const status = d.status ?? 'booked';
    if (status !== 'none') {
      await ds.query(
        `INSERT INTO bookings (child_id, household_id, activity_id, offer_id, date, status, arrival, late, cancelled_late, justified, cancelled_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          childId,
          householdId,
          f.activityId,
          f.offerId,
          d.date,
          status,
          arrival++,
          d.late ?? false,
          status === 'cancelled',
          d.justified ?? false,
          status === 'cancelled' ? new Date() : null,
        ],
      );
    }
    const mark =
      d.mark === undefined ? (status === 'booked' || status === 'none' ? 'present' : null) : d.mark;
    if (mark) {
      await ds.query(
        `INSERT INTO attendance (child_id, household_id, activity_id, site_id, date, mark, walk_in, marked_by, marked_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())`,
        [childId, householdId, f.activityId, f.siteId, d.date, mark, status === 'none', agent[0].id],
      );
    }
  }
}

/** The demo family's household and children (Léa, born 2018, and Hugo, born 2021). */
export async function demoFamily(
  ds: DataSource,
): Promise<{ householdId: string; lea: string; hugo: string }> {
  const rows: { household_id: string; id: string; first_name: string }[] = await ds.query(
    `SELECT c.household_id, c.id, c.first_name FROM children c
       JOIN household_guardians g ON g.household_id = c.household_id
       JOIN users u ON u.id = g.user_id WHERE lower(u.email) = 'parent@demo.test'`,
  );
  return {
    householdId: rows[0].household_id,
    lea: rows.find((r) => r.first_name === 'Léa')?.id as string,
    hugo: rows.find((r) => r.first_name === 'Hugo')?.id as string,
  };
}

/** Class days (Mon, Tue, Thu, Fri) of a month. */
export function classDays(period: string): string[] {
  const days: string[] = [];
  for (let d = 1; d <= 31; d++) {
    const date = `${period}-${String(d).padStart(2, '0')}`;
    const js = new Date(`${date}T12:00:00Z`);
    if (js.getUTCMonth() + 1 !== Number(period.slice(5, 7))) break;
    if ([1, 2, 4, 5].includes(js.getUTCDay())) days.push(date);
  }
  return days;
}

/**
 * The text of a PDF, read back by pdf-parse (pdf.js) in a child Node process: pdf.js loads its
 * worker by a dynamic import that Jest's module sandbox refuses.
 */
export function pdfText(pdf: Buffer): string {
  const script = `
    const { PDFParse } = require('pdf-parse');
    const chunks = [];
    process.stdin.on('data', (c) => chunks.push(c));
    process.stdin.on('end', async () => {
      const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
      const result = await parser.getText();
      await parser.destroy();
      process.stdout.write(result.text);
    });`;
  const text = execFileSync(process.execPath, ['-e', script], {
    input: pdf,
    cwd: join(__dirname, '../../../..'),
  }).toString('utf8');
  return text.replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ');
}

/** supertest: keep a binary body as a Buffer. */
export function binary(res: Response, cb: (err: Error | null, body: Buffer) => void): void {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => cb(null, Buffer.concat(chunks)));
}

/** Households with one child each, straight in the households tables (resident, QF 700 from 2025). */
export async function createHouseholds(
  ds: DataSource,
  n: number,
  prefix = 'Foyer',
): Promise<{ householdId: string; childId: string }[]> {
  const rows: { household_id: string; child_id: string }[] = await ds.query(
    `WITH h AS (
       INSERT INTO households (address_line1, postal_code, city, in_commune)
       SELECT 'rue ' || g, '94999', 'Foyer-sur-Marne', true FROM generate_series(1, $1) g RETURNING id
     ), c AS (
       INSERT INTO children (household_id, first_name, last_name, birth_date, sex)
       SELECT id, 'Enfant', $2 || ' ' || row_number() OVER (), '2018-01-01', 'F' FROM h RETURNING id, household_id
     )
     SELECT household_id, id AS child_id FROM c ORDER BY household_id`,
    [n, prefix],
  );
  const submitter: { id: string }[] = await ds.query(
    `SELECT id FROM users WHERE lower(email) = 'agent@demo.test'`,
  );
  await ds.query(
    `INSERT INTO quotients (household_id, method, status, value, effective_from, submitted_by)
     SELECT unnest($1::uuid[]), 'caf', 'validated', 700, '2025-01-01', $2`,
    [rows.map((r) => r.household_id), submitter[0].id],
  );
  return rows.map((r) => ({ householdId: r.household_id, childId: r.child_id }));
}

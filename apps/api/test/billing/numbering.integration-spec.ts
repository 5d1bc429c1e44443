import { BillingRunsService } from '@foyer/api/billing';
import { createTestApp, TestApp } from '../test-app';
import { bookDays, createActivity, createHouseholds, signIn, tariffRequest } from './support';

/** The 20 months before the test clock's January 2027. */
const PERIODS = Array.from({ length: 20 }, (_, i) => {
  const month = 5 + i; // from 2025-05 to 2026-12
  const y = 2025 + Math.floor((month - 1) / 12);
  return `${y}-${String(((month - 1) % 12) + 1).padStart(2, '0')}`;
});

async function series(t: TestApp): Promise<number[]> {
  const rows: { sequence: number }[] = await t.dataSource.query(
    `SELECT sequence FROM invoices WHERE year = 2027 ORDER BY sequence`,
  );
  return rows.map((r) => r.sequence);
}

describe('invoice numbers: one continuous yearly series, whatever runs at once or crashes', () => {
  let t: TestApp;
  let agent: string;
  let canteen: Awaited<ReturnType<typeof createActivity>>;

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    agent = await signIn(t, 'agent');
    const admin = await signIn(t, 'admin');
    canteen = await createActivity(t.dataSource, 'cantine-numeros');
    await t.http
      .post('/api/admin/tariffs')
      .set('Authorization', admin)
      .send(tariffRequest(canteen.activityId, { validFrom: '2025-01-01' }))
      .expect(201);
    const households = await createHouseholds(t.dataSource, 5);
    for (const h of households) {
      await bookDays(
        t.dataSource,
        canteen,
        h.childId,
        PERIODS.map((p) => ({ date: `${p}-10` })),
      );
    }
    // A bigger month for the crash: 60 households, more than one chunk of invoices.
    const many = await createHouseholds(t.dataSource, 60, 'Crash');
    for (const h of many) await bookDays(t.dataSource, canteen, h.childId, [{ date: '2027-01-05' }]);
  });
  afterAll(() => t?.close());

  it('20 runs finalized in parallel give numbers 1..100 without gap or duplicate', async () => {
    const runs = [];
    for (const period of PERIODS) {
      runs.push(
        (
          await t.http
            .post('/api/admin/billing-runs')
            .set('Authorization', agent)
            .send({ period })
            .expect(201)
        ).body,
      );
    }
    const results = await Promise.all(
      runs.map((run) =>
        t.http.post(`/api/admin/billing-runs/${run.id}/finalize`).set('Authorization', agent).send({}),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(runs.map(() => 200));
    expect(await series(t)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    const perRun: { n: number }[] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM invoices GROUP BY run_id`,
    );
    expect(perRun.map((r) => r.n)).toEqual(runs.map(() => 5));
  });

  it('a finalization that crashes midway resumes without billing anyone twice or leaving a gap', async () => {
    const run = (
      await t.http
        .post('/api/admin/billing-runs')
        .set('Authorization', agent)
        .send({ period: '2027-01' })
        .expect(201)
    ).body;
    // The crash: the database fails the 55th invoice of the month, in the second chunk of 50 (chunks are
    // 500 households by default: lowered here so that 60 households cross a chunk boundary).
    const service = t.app.get(BillingRunsService);
    service.issueChunk = 50;
    await t.dataSource.query(`CREATE FUNCTION test_crash() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (SELECT count(*) FROM invoices WHERE run_id = NEW.run_id) >= 54 THEN
          RAISE EXCEPTION 'simulated crash';
        END IF;
        RETURN NEW;
      END $$`);
    await t.dataSource.query(
      `CREATE TRIGGER test_crash BEFORE INSERT ON invoices FOR EACH ROW EXECUTE FUNCTION test_crash()`,
    );
    const user = { id: run.id, role: 'agent', scopes: [] } as never;
    await expect(service.finalize(run.id, false, user)).rejects.toThrow(/simulated crash/);
    const half: { n: number; status: string }[] = await t.dataSource.query(
      `SELECT (SELECT count(*)::int FROM invoices WHERE run_id = $1) AS n, status FROM billing_runs WHERE id = $1`,
      [run.id],
    );
    expect(half[0]).toEqual({ n: 50, status: 'finalizing' });
    // A rerun of the draft would change what half the families were billed: refused.
    await t.http.post(`/api/admin/billing-runs/${run.id}/rerun`).set('Authorization', agent).expect(409);
    await t.dataSource.query(`DROP TRIGGER test_crash ON invoices`);
    const resumed = await t.http
      .post(`/api/admin/billing-runs/${run.id}/finalize`)
      .set('Authorization', agent)
      .send({})
      .expect(200);
    expect(resumed.body).toMatchObject({ status: 'finalized', invoiceCount: 60 });
    const twice: { n: number }[] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM (SELECT household_id FROM invoices WHERE run_id = $1 GROUP BY household_id HAVING count(*) > 1) x`,
      [run.id],
    );
    expect(twice[0].n).toBe(0);
    expect(await series(t)).toEqual(Array.from({ length: 160 }, (_, i) => i + 1));
  });
  it("applies each household's own credit and copies each household's own lines when a chunk is issued at once", async () => {
    const households = await createHouseholds(t.dataSource, 3, 'Avoir');
    for (const h of households) {
      await bookDays(t.dataSource, canteen, h.childId, [{ date: '2025-04-09' }, { date: '2025-04-10' }]);
    }
    // Credits: a paid payment with nothing to pay yet (a small one, one larger than the invoice, none).
    const [small, large] = households;
    await t.dataSource.query(
      `INSERT INTO payments (household_id, provider, state, amount_cents, settled_at)
       VALUES ($1, 'sandbox', 'paid', 100, now()), ($2, 'sandbox', 'paid', 100000, now())`,
      [small.householdId, large.householdId],
    );
    const run = (
      await t.http
        .post('/api/admin/billing-runs')
        .set('Authorization', agent)
        .send({ period: '2025-04' })
        .expect(201)
    ).body;
    await t.http
      .post(`/api/admin/billing-runs/${run.id}/finalize`)
      .set('Authorization', agent)
      .send({})
      .expect(200);
    const invoices: {
      household_id: string;
      sequence: number;
      total_cents: number;
      credit_applied_cents: number;
      lines_cents: number;
      lines: number;
      draft_lines: number;
    }[] = await t.dataSource.query(
      `SELECT i.household_id, i.sequence, i.total_cents, i.credit_applied_cents,
              (SELECT sum(amount_cents)::int FROM invoice_lines WHERE invoice_id = i.id) AS lines_cents,
              (SELECT count(*)::int FROM invoice_lines WHERE invoice_id = i.id) AS lines,
              (SELECT count(*)::int FROM billing_run_lines l WHERE l.run_id = i.run_id AND l.household_id = i.household_id)
                AS draft_lines
         FROM invoices i WHERE i.run_id = $1 ORDER BY i.household_id`,
      [run.id],
    );
    expect(invoices.map((i) => i.household_id)).toEqual(households.map((h) => h.householdId).sort());
    const byHousehold = new Map(invoices.map((i) => [i.household_id, i]));
    const total = byHousehold.get(small.householdId)!.total_cents;
    expect(total).toBeGreaterThan(100);
    expect(households.map((h) => byHousehold.get(h.householdId)!.credit_applied_cents)).toEqual([
      100,
      total,
      0,
    ]);
    for (const i of invoices) {
      expect(i.lines).toBe(i.draft_lines);
      expect(i.lines_cents).toBe(i.total_cents);
    }
    // The chunk's block of numbers follows the series, in household order.
    expect(invoices.map((i) => i.sequence)).toEqual([161, 162, 163]);
  });
});

import { InvoiceStatus, InvoiceView } from '@foyer/shared/contracts';
import { seedDemo } from '../../src/seed';
import { createTestApp, TestApp } from '../test-app';
import { signIn } from './support';

async function snapshot(t: TestApp): Promise<unknown> {
  return t.dataSource.query(
    `SELECT (SELECT count(*)::int FROM tariffs) AS tariffs, (SELECT count(*)::int FROM invoices) AS invoices,
            (SELECT count(*)::int FROM invoice_lines) AS lines, (SELECT count(*)::int FROM payments) AS payments,
            (SELECT count(*)::int FROM billing_runs) AS runs, (SELECT json_agg(n ORDER BY n) FROM (SELECT number AS n FROM invoices) x) AS numbers`,
  );
}

describe('the demo billing seed', () => {
  let t: TestApp;

  beforeAll(async () => {
    // Seeded as on 14 January 2027, whatever day the test runs.
    t = await createTestApp();
    await seedDemo(t.dataSource, { today: '2027-01-14' });
  });
  afterAll(() => t?.close());

  it('gives every activity a tariff of the real grid', async () => {
    const rows: { missing: number }[] = await t.dataSource.query(
      `SELECT count(*)::int AS missing FROM activities a WHERE NOT EXISTS (SELECT 1 FROM tariffs t WHERE t.activity_id = a.id)`,
    );
    expect(rows[0].missing).toBe(0);
  });

  it("shows the demo parent last month's invoice to pay (late surcharge, justified absence) and the one before paid", async () => {
    const parent = await signIn(t, 'parent');
    const list = (await t.http.get('/api/invoices').set('Authorization', parent).expect(200))
      .body as InvoiceView[];
    const december = list.find((i) => i.period === '2026-12') as InvoiceView;
    const november = list.find((i) => i.period === '2026-11') as InvoiceView;
    expect(december).toMatchObject({ status: InvoiceStatus.ToPay, onlinePaymentAllowed: true });
    expect(november).toMatchObject({ status: InvoiceStatus.Paid, balanceDueCents: 0 });
    const detail = (await t.http.get(`/api/invoices/${december.id}`).set('Authorization', parent).expect(200))
      .body as InvoiceView;
    const rules = detail.lines.map((l) => l.explanation.rule);
    expect(rules).toEqual(expect.arrayContaining(['tariff', 'late_surcharge', 'justified_absence']));
    expect(detail.lines[0].explanation.text.replace(/[\u00a0\u202f]/g, ' ')).toMatch(
      /^\d+ repas x 2,35 € \(tranche 3, QF 850 €\)$/,
    );
    expect(detail.totalCents).toBe(detail.lines.reduce((t, l) => t + l.amountCents, 0));
  });

  it('changes nothing when seeded twice', async () => {
    const before = await snapshot(t);
    await seedDemo(t.dataSource, { today: '2027-01-14' });
    expect(await snapshot(t)).toEqual(before);
  });
});

import {
  BillingBlockerKind,
  BillingRunStatus,
  BillingRunView,
  FamilyAccountView,
  InvoiceStatus,
  InvoiceView,
  NotificationTopic,
  TariffView,
} from '@foyer/shared/contracts';
import { createTestApp, TestApp } from '../test-app';
import {
  binary,
  bookDays,
  createActivity,
  demoFamily,
  Fixture,
  pdfText,
  signIn,
  tariffRequest,
} from './support';

const clean = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('a month billed: draft, blockers, finalize, the invoice that explains itself', () => {
  let t: TestApp;
  let agent: string;
  let admin: string;
  let parent: string;
  let canteen: Fixture;
  let family: { householdId: string; lea: string; hugo: string };
  let run: BillingRunView;
  let invoice: InvoiceView;

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    [agent, admin, parent] = [await signIn(t, 'agent'), await signIn(t, 'admin'), await signIn(t, 'parent')];
    canteen = await createActivity(t.dataSource, 'cantine-test');
    family = await demoFamily(t.dataSource);
    await t.http
      .post('/api/admin/tariffs')
      .set('Authorization', admin)
      .send(tariffRequest(canteen.activityId))
      .expect(201);
    // December 2026 for Léa: 10 meals eaten, one unjustified absence, one justified, one booked late,
    // one walk-in, one closure; and one day whose attendance was not taken.
    await bookDays(t.dataSource, canteen, family.lea, [
      ...['01', '03', '04', '07', '08', '10', '11', '14', '15', '17'].map((d) => ({ date: `2026-12-${d}` })),
      { date: '2026-12-18', mark: 'absent' as const },
      { date: '2026-12-21', status: 'absent_sick' as const, justified: true },
      { date: '2026-12-22', late: true },
      { date: '2026-12-02', status: 'none' as const },
      { date: '2026-12-09', status: 'closure' as const },
      { date: '2026-12-16', mark: null },
    ]);
  });
  afterAll(() => t?.close());

  it('drafts the month and lists what blocks it', async () => {
    const res = await t.http
      .post('/api/admin/billing-runs')
      .set('Authorization', agent)
      .send({ period: '2026-12' })
      .expect(201);
    run = res.body;
    expect(run.status).toBe(BillingRunStatus.Draft);
    expect(run.blockers).toEqual([
      expect.objectContaining({ kind: BillingBlockerKind.AttendanceNotTaken, date: '2026-12-16' }),
    ]);
    expect(run.blockers[0].message).toContain('Pointage non fait');
    expect(run.households).toHaveLength(1);
    // 12 meals at 2,35 € (10 + the late one + the day not pointed), 1 absence, 1 walk-in, surcharges.
    expect(run.totalCents).toBe(12 * 235 + 235 + 235 + 250 + 500);
  });

  it('refuses a second run for the same month and a month not begun', async () => {
    await t.http
      .post('/api/admin/billing-runs')
      .set('Authorization', agent)
      .send({ period: '2026-12' })
      .expect(409);
    const future = await t.http
      .post('/api/admin/billing-runs')
      .set('Authorization', agent)
      .send({ period: '2027-03' })
      .expect(400);
    expect(future.body.fields?.[0]?.field).toBe('period');
  });

  it('reruns after the agent takes the missing attendance', async () => {
    await t.dataSource.query(
      `INSERT INTO attendance (child_id, household_id, activity_id, site_id, date, mark, marked_by, marked_at)
       SELECT $1, $2, $3, $4, '2026-12-16', 'absent_justified', id, now() FROM users WHERE lower(email) = 'agent@demo.test'`,
      [family.lea, family.householdId, canteen.activityId, canteen.siteId],
    );
    const res = await t.http
      .post(`/api/admin/billing-runs/${run.id}/rerun`)
      .set('Authorization', agent)
      .expect(200);
    run = res.body;
    expect(run.blockers).toEqual([]);
    expect(run.totalCents).toBe(11 * 235 + 235 + 235 + 250 + 500);
  });

  it('finalizes: one invoice, numbered in the yearly series, published by e-mail, the month locked', async () => {
    const res = await t.http
      .post(`/api/admin/billing-runs/${run.id}/finalize`)
      .set('Authorization', agent)
      .send({})
      .expect(200);
    expect(res.body.status).toBe(BillingRunStatus.Finalized);
    expect(res.body.invoiceCount).toBe(1);
    const list = await t.http.get('/api/invoices').set('Authorization', parent).expect(200);
    expect(list.body).toHaveLength(1);
    expect(list.body[0]).toMatchObject({
      number: 'F-2027-000001',
      period: '2026-12',
      status: InvoiceStatus.ToPay,
    });
    invoice = (await t.http.get(`/api/invoices/${list.body[0].id}`).set('Authorization', parent).expect(200))
      .body;
    const mails: { n: number }[] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM notification_messages WHERE topic = $1 AND channel = 'email'`,
      [NotificationTopic.InvoiceIssued],
    );
    expect(mails[0].n).toBeGreaterThan(0);
    const locked: { n: number }[] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM attendance WHERE date BETWEEN '2026-12-01' AND '2026-12-31' AND NOT locked`,
    );
    expect(locked[0].n).toBe(0);
    // Finalizing again changes nothing.
    const again = await t.http
      .post(`/api/admin/billing-runs/${run.id}/finalize`)
      .set('Authorization', agent)
      .send({})
      .expect(200);
    expect(again.body.invoiceCount).toBe(1);
  });

  it('explains every line in French', () => {
    const texts = invoice.lines.map((l) => clean(l.explanation.text));
    expect(texts).toEqual([
      '12 repas x 2,35 € (tranche 3, QF 850 €)',
      '1 absence non justifiée le 18/12, facturée : 1 repas x 2,35 € (tranche 3, QF 850 €)',
      '1 majoration : réservation hors délai le 22/12 (2,50 € chacune)',
      '1 majoration : présence sans réservation le 02/12 (5,00 € chacune)',
      '2 absences justifiées les 16/12, 21/12 : non facturées',
      '1 jour de fermeture le 09/12 : non facturé',
    ]);
    expect(invoice.lines.every((l) => l.childName === 'Léa Durand')).toBe(true);
    expect(invoice.totalCents).toBe(invoice.lines.reduce((t, l) => t + l.amountCents, 0));
    expect(invoice.lines[0].explanation).toMatchObject({ qf: 850, bracket: '3', rule: 'tariff' });
  });

  it('prints the invoice as a PDF with its number, dates, lines, totals, ways to pay and appeal route', async () => {
    const res = await t.http
      .get(`/api/invoices/${invoice.id}/pdf`)
      .set('Authorization', parent)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    const text = pdfText(res.body as Buffer);
    expect(text).toContain('Facture F-2027-000001');
    expect(text).toContain('Régie de recettes enfance-jeunesse');
    expect(text).toContain("Date d'émission : 14/01/2027");
    expect(text).toContain('Date limite de paiement : 13/02/2027');
    expect(text).toContain('Léa Durand - Restauration scolaire');
    for (const line of invoice.lines)
      expect(text).toContain(clean(line.explanation.text).replace(/\s+/g, ' '));
    expect(text).toContain(`Total de la facture ${clean(formatCents(invoice.totalCents))}`);
    expect(text).toContain('Comment payer');
    expect(text).toContain('Voies et délais de recours');
  });

  it('never changes an issued invoice, even in SQL', async () => {
    await expect(
      t.dataSource.query(`UPDATE invoices SET total_cents = 1 WHERE id = $1`, [invoice.id]),
    ).rejects.toThrow(/never change/);
    await expect(
      t.dataSource.query(`DELETE FROM invoice_lines WHERE invoice_id = $1`, [invoice.id]),
    ).rejects.toThrow(/never change/);
  });

  it("refuses anonymous callers (401) and residents on the agents' route (403)", async () => {
    await t.http.get(`/api/invoices/${invoice.id}`).expect(401);
    const other = await t.http
      .get(`/api/agent/billing/invoices/${invoice.id}`)
      .set('Authorization', parent)
      .expect(403);
    expect(other.body.message).toBeTruthy();
  });

  it('keeps the account: the invoice owes, a credit note on it leaves a credit the next invoice uses', async () => {
    let account: FamilyAccountView = (
      await t.http.get('/api/household/account').set('Authorization', parent).expect(200)
    ).body;
    expect(account.balanceCents).toBe(invoice.totalCents);
    await t.http
      .post(`/api/agent/billing/invoices/${invoice.id}/credit-notes`)
      .set('Authorization', agent)
      .send({ amountCents: invoice.totalCents + 1, reason: 'Trop' })
      .expect(400);
    const note = await t.http
      .post(`/api/agent/billing/invoices/${invoice.id}/credit-notes`)
      .set('Authorization', agent)
      .send({ amountCents: 500, reason: 'Majoration annulée : arrivée accompagnée' })
      .expect(201);
    expect(note.body.number).toBe('A-2027-000001');
    account = (await t.http.get('/api/household/account').set('Authorization', parent).expect(200)).body;
    expect(account.balanceCents).toBe(invoice.totalCents - 500);
    expect(account.ledger.map((e) => e.kind)).toEqual(['invoice', 'credit_note']);
  });

  it('replaces the running tariff from a date after the billed month, never inside it', async () => {
    const tariffsOf = async () =>
      ((await t.http.get('/api/admin/tariffs').set('Authorization', admin).expect(200)).body as TariffView[])
        .filter((x) => x.activityId === canteen.activityId)
        .map((x) => ({ validFrom: x.validFrom, validTo: x.validTo }));
    // December is invoiced: a new price from mid-December would reprice issued days.
    const inside = await t.http
      .post('/api/admin/tariffs')
      .set('Authorization', admin)
      .send(tariffRequest(canteen.activityId, { validFrom: '2026-12-15' }))
      .expect(409);
    expect(inside.body.message).toContain('Des factures ont déjà été émises');
    expect(await tariffsOf()).toEqual([{ validFrom: '2026-09-01', validTo: null }]);
    // From January: the running tariff now ends on 31 December.
    await t.http
      .post('/api/admin/tariffs')
      .set('Authorization', admin)
      .send(tariffRequest(canteen.activityId, { validFrom: '2027-01-01' }))
      .expect(201);
    expect(await tariffsOf()).toEqual([
      { validFrom: '2026-09-01', validTo: '2026-12-31' },
      { validFrom: '2027-01-01', validTo: null },
    ]);
  });
});

function formatCents(cents: number): string {
  return new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

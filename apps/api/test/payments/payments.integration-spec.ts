import { generateVAPIDKeys } from 'web-push';
import { InvoiceStatus, PaymentState } from '@foyer/shared/contracts';
import { loadConfig } from '@foyer/api/core';
import { sandboxSignature, PaymentsService } from '@foyer/api/payments';
import { createTestApp, TEST_JWT_SECRET, TestApp } from '../test-app';
import { bookDays, classDays, createActivity, demoFamily, signIn, tariffRequest } from '../billing/support';

const SECRET = 'sandbox-secret-for-tests-0123456789abcdef';

/** A notification as the sandbox bank signs it. */
function signed(operationId: string, sentAt = new Date().toISOString(), secret = SECRET) {
  return { body: { operationId, sentAt }, signature: sandboxSignature(secret, operationId, sentAt) };
}

describe('online payment through the sandbox bank, and counter payments', () => {
  let t: TestApp;
  let agent: string;
  let parent: string;
  let invoiceId: string;
  let totalCents: number;

  beforeAll(async () => {
    t = await createTestApp({ seed: true, env: { PAYMENT_SECRET: SECRET } });
    agent = await signIn(t, 'agent');
    const admin = await signIn(t, 'admin');
    parent = await signIn(t, 'parent');
    const canteen = await createActivity(t.dataSource, 'cantine-paiement');
    const family = await demoFamily(t.dataSource);
    await t.http
      .post('/api/admin/tariffs')
      .set('Authorization', admin)
      .send(tariffRequest(canteen.activityId))
      .expect(201);
    await bookDays(
      t.dataSource,
      canteen,
      family.lea,
      classDays('2026-12').map((date) => ({ date })),
    );
    const run = await t.http
      .post('/api/admin/billing-runs')
      .set('Authorization', agent)
      .send({ period: '2026-12' })
      .expect(201);
    await t.http
      .post(`/api/admin/billing-runs/${run.body.id}/finalize`)
      .set('Authorization', agent)
      .send({})
      .expect(200);
    const list = await t.http.get('/api/invoices').set('Authorization', parent).expect(200);
    invoiceId = list.body[0].id;
    totalCents = list.body[0].totalCents;
  });
  afterAll(() => t?.close());

  const notify = (body: object, signature?: string) => {
    const req = t.http.post('/api/payments/notifications/sandbox');
    return (signature ? req.set('X-Sandbox-Signature', signature) : req).send(body);
  };

  let paymentId: string;
  let operationId: string;

  it('opens a payment and sends the resident to the bank page', async () => {
    const res = await t.http
      .post(`/api/invoices/${invoiceId}/payments`)
      .set('Authorization', parent)
      .expect(201);
    expect(Object.keys(res.body).sort()).toEqual(['paymentId', 'redirectUrl']);
    paymentId = res.body.paymentId;
    expect(res.body.redirectUrl).toBe(`http://localhost:3000/api/payments/sandbox/${paymentId}`);
    const page = await t.http.get(`/api/payments/sandbox/${paymentId}`).expect(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.text).toContain('<html lang="fr">');
    expect(page.text).toContain('Banque d’essai');
    const rows: { provider_ref: string }[] = await t.dataSource.query(
      `SELECT provider_ref FROM payments WHERE id = $1`,
      [paymentId],
    );
    operationId = rows[0].provider_ref;
  });

  it('holds the invoice while a payment is in flight: no second payment, even racing', async () => {
    const again = await t.http
      .post(`/api/invoices/${invoiceId}/payments`)
      .set('Authorization', parent)
      .expect(409);
    expect(again.body.message).toContain('déjà en cours');
    const invoice = await t.http.get(`/api/invoices/${invoiceId}`).set('Authorization', parent).expect(200);
    expect(invoice.body).toMatchObject({ status: InvoiceStatus.PaymentPending, onlinePaymentAllowed: false });
    // The database holds it too: a second live row for the invoice is refused.
    await expect(
      t.dataSource.query(
        `INSERT INTO payments (invoice_id, household_id, provider, state, amount_cents)
         SELECT id, household_id, 'sandbox', 'created', 100 FROM invoices WHERE id = $1`,
        [invoiceId],
      ),
    ).rejects.toThrow(/payments_in_flight_key/);
  });

  it('refuses a forged notification, an unsigned one and an unknown operation, changing nothing', async () => {
    const forged = signed(operationId, new Date().toISOString(), 'another-secret-that-is-long-enough-000');
    expect((await notify(forged.body, forged.signature)).status).toBe(403);
    expect((await notify({ operationId, sentAt: 'x' })).status).toBe(403);
    const unknown = signed('sbx-unknown');
    expect((await notify(unknown.body, unknown.signature)).status).toBe(404);
    const payment = await t.http.get(`/api/payments/${paymentId}`).set('Authorization', parent).expect(200);
    expect(payment.body.state).toBe(PaymentState.Created);
    const logged: { n: number }[] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM payment_notifications`,
    );
    expect(logged[0].n).toBe(0);
  });

  it('pays at the bank: pending until the notification, then paid once, duplicates and late ones change nothing', async () => {
    const service = t.app.get(PaymentsService);
    // The bank's page posts the choice; its queued notifications are delivered by the worker.
    const decided = await t.http
      .post(`/api/payments/sandbox/${paymentId}`)
      .type('form')
      .send({ action: 'paid' })
      .expect(303);
    expect(decided.headers['location']).toBe(`/factures/${invoiceId}?paiement=${paymentId}`);
    const early = await t.http.get(`/api/payments/${paymentId}`).set('Authorization', parent);
    expect([PaymentState.Pending, PaymentState.Paid]).toContain(early.body.state);
    // A notification of ours, signed, arriving before or after the bank's own ones.
    const first = signed(operationId);
    const res = await notify(first.body, first.signature).expect(200);
    expect(res.body.state).toBe(PaymentState.Paid);
    const dup = await notify(first.body, first.signature).expect(200);
    expect(dup.body.state).toBe(PaymentState.Paid);
    await new Promise((r) => setTimeout(r, 2500)); // the bank's late copies
    await service.reconcile();
    const paid: { n: number; total: string }[] = await t.dataSource.query(
      `SELECT count(*)::int AS n, sum(amount_cents) AS total FROM payments WHERE invoice_id = $1 AND state = 'paid'`,
      [invoiceId],
    );
    expect(paid[0]).toEqual({ n: 1, total: String(totalCents) });
    const outcomes: { outcome: string }[] = await t.dataSource.query(
      `SELECT outcome FROM payment_notifications WHERE payment_id = $1 ORDER BY received_at`,
      [paymentId],
    );
    expect(outcomes.filter((o) => o.outcome === 'accepted')).toHaveLength(1);
    expect(outcomes.filter((o) => o.outcome === 'duplicate').length).toBeGreaterThanOrEqual(1);
    const invoice = await t.http.get(`/api/invoices/${invoiceId}`).set('Authorization', parent).expect(200);
    expect(invoice.body).toMatchObject({
      status: InvoiceStatus.Paid,
      balanceDueCents: 0,
      paidCents: totalCents,
    });
    await t.http.post(`/api/invoices/${invoiceId}/payments`).set('Authorization', parent).expect(409);
  });

  it('an invoice paid while a credit note is issued leaves a credit on the account', async () => {
    await t.http
      .post(`/api/agent/billing/invoices/${invoiceId}/credit-notes`)
      .set('Authorization', agent)
      .send({ amountCents: 235, reason: 'Repas non servi (sortie scolaire)' })
      .expect(201);
    const account = await t.http.get('/api/household/account').set('Authorization', parent).expect(200);
    expect(account.body).toMatchObject({ balanceCents: -235, creditCents: 235 });
    expect(account.body.ledger.map((e: { kind: string }) => e.kind)).toEqual([
      'invoice',
      'payment',
      'credit_note',
    ]);
  });

  it('records counter payments: cash capped at 300 € per invoice, receipt numbers unique', async () => {
    const pay = (body: object) =>
      t.http.post('/api/agent/payments/counter').set('Authorization', agent).send(body);
    const cash = await pay({
      invoiceId,
      method: 'cash',
      amountCents: 30001,
      receiptNumber: 'Q-2027-0001',
    }).expect(400);
    expect(cash.body.fields[0].field).toBe('amountCents');
    const cheque = await pay({
      invoiceId,
      method: 'cheque',
      amountCents: 1000,
      receiptNumber: 'Q-2027-0001',
      reference: 'CHQ 1234567',
    }).expect(201);
    expect(cheque.body).toMatchObject({
      method: 'cheque',
      state: PaymentState.Paid,
      receiptNumber: 'Q-2027-0001',
    });
    await pay({ invoiceId, method: 'cesu', amountCents: 1000, receiptNumber: 'Q-2027-0001' }).expect(409);
    await pay({ invoiceId, method: 'cash', amountCents: 30000, receiptNumber: 'Q-2027-0002' }).expect(201);
    await pay({ invoiceId, method: 'cash', amountCents: 1, receiptNumber: 'Q-2027-0003' }).expect(400);
    await t.http.post('/api/agent/payments/counter').set('Authorization', parent).send({}).expect(403);
  });

  it('refuses the sandbox in production (it takes no money)', () => {
    const production = {
      NODE_ENV: 'production',
      JWT_SECRET: TEST_JWT_SECRET,
      TRUST_PROXY: 'false',
      SMTP_URL: 'smtp://localhost:2525',
      // Production requires a Web Push identity; a fresh pair, so no key sits in the repository.
      ...vapidPair(),
    };
    expect(loadConfig(production, () => 'x'.repeat(40)).payment.sandboxEnabled).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test' }, () => 'x'.repeat(40)).payment.sandboxEnabled).toBe(true);
    expect(() => loadConfig({ ...production, PAYMENT_PROVIDER: 'payfip' }, () => 'x'.repeat(40))).toThrow(
      /PAYFIP_NUMCLI/,
    );
  });
});

function vapidPair(): { VAPID_PUBLIC_KEY: string; VAPID_PRIVATE_KEY: string } {
  const keys = generateVAPIDKeys();
  return { VAPID_PUBLIC_KEY: keys.publicKey, VAPID_PRIVATE_KEY: keys.privateKey };
}

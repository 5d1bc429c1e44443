import { readFileSync } from 'node:fs';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { PaymentState } from '@foyer/shared/contracts';
import { createTestApp, TestApp } from '../test-app';
import { bookDays, classDays, createActivity, demoFamily, signIn, tariffRequest } from '../billing/support';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures/payfip', name), 'utf8');
const ID_OP = '4b0eb5b0-b335-11e2-9219-001fe256bdfe';

/** A stub of the DGFiP's SOAP endpoint on loopback: replays the recorded answers, keeps the requests. */
class PayfipStub {
  readonly requests: { operation: string; arg0: Record<string, string> }[] = [];
  /** Answers of recupererDetailPaiementSecurise, in turn. */
  details: string[] = [];
  private server!: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer(async (req: IncomingMessage, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const doc = new XMLParser({ removeNSPrefix: true, parseTagValue: false }).parse(
        Buffer.concat(chunks).toString('utf8'),
      );
      const body = doc.Envelope.Body;
      const operation = Object.keys(body)[0];
      this.requests.push({ operation, arg0: body[operation].arg0 });
      const answer =
        operation === 'creerPaiementSecurise'
          ? fixture('creerPaiementSecurise.response.xml')
          : (this.details.shift() ?? '');
      const fault = answer.includes('<soap:Fault>');
      res.writeHead(fault ? 500 : 200, { 'Content-Type': 'text/xml; charset=utf-8' }).end(answer);
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/tpa/services/securite`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

describe('PayFiP: the DGFiP web service flow against recorded exchanges on loopback', () => {
  const stub = new PayfipStub();
  let t: TestApp;
  let parent: string;
  let invoice: { id: string; number: string; balanceDueCents: number };

  beforeAll(async () => {
    await stub.start();
    t = await createTestApp({
      seed: true,
      env: { PAYMENT_PROVIDER: 'payfip', PAYFIP_NUMCLI: '123456', PAYFIP_URL: stub.url, PAYFIP_SAISIE: 'T' },
    });
    const agent = await signIn(t, 'agent');
    const admin = await signIn(t, 'admin');
    parent = await signIn(t, 'parent');
    const canteen = await createActivity(t.dataSource, 'cantine-payfip');
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
    invoice = (await t.http.get('/api/invoices').set('Authorization', parent).expect(200)).body[0];
  });
  afterAll(async () => {
    await t?.close();
    await stub.stop();
  });

  let paymentId: string;

  it('creates the payment with creerPaiementSecurise and sends the resident to PayFiP with the idOp', async () => {
    const res = await t.http
      .post(`/api/invoices/${invoice.id}/payments`)
      .set('Authorization', parent)
      .expect(201);
    paymentId = res.body.paymentId;
    expect(res.body.redirectUrl).toBe(`https://www.payfip.gouv.fr/tpa/paiementws.web?idop=${ID_OP}`);
    expect(stub.requests[0]).toEqual({
      operation: 'creerPaiementSecurise',
      arg0: {
        exer: '2027',
        mel: 'parent@demo.test',
        montant: String(invoice.balanceDueCents),
        numcli: '123456',
        objet: 'Facture F 2027 000001',
        refdet: 'F2027000001',
        saisie: 'T',
        urlnotif: 'http://localhost:3000/api/payments/notifications/payfip',
        urlredirect: `http://localhost:3000/factures/${invoice.id}?paiement=${paymentId}`,
      },
    });
  });

  it('on the notification, asks recupererDetailPaiementSecurise: in progress (P5) is pending, P pays', async () => {
    stub.details = [
      fixture('recupererDetailPaiementSecurise.P5.xml'),
      fixture('recupererDetailPaiementSecurise.P.xml').replace(
        '{{montant}}',
        String(invoice.balanceDueCents),
      ),
    ];
    const first = await t.http
      .post('/api/payments/notifications/payfip')
      .type('form')
      .send({ idop: ID_OP })
      .expect(200);
    expect(first.body.state).toBe(PaymentState.Pending);
    const second = await t.http
      .post('/api/payments/notifications/payfip')
      .type('form')
      .send({ idop: ID_OP })
      .expect(200);
    expect(second.body.state).toBe(PaymentState.Paid);
    expect(stub.requests.slice(1).map((r) => r.operation)).toEqual([
      'recupererDetailPaiementSecurise',
      'recupererDetailPaiementSecurise',
    ]);
    expect(stub.requests[1].arg0).toEqual({ idOp: ID_OP });
    const payment = await t.http.get(`/api/payments/${paymentId}`).set('Authorization', parent).expect(200);
    expect(payment.body).toMatchObject({ state: PaymentState.Paid, amountCents: invoice.balanceDueCents });
  });

  it('a duplicate notification asks again but changes nothing; an unknown or malformed idop is refused', async () => {
    stub.details = [
      fixture('recupererDetailPaiementSecurise.P.xml').replace(
        '{{montant}}',
        String(invoice.balanceDueCents),
      ),
    ];
    const dup = await t.http
      .post('/api/payments/notifications/payfip')
      .type('form')
      .send({ idop: ID_OP })
      .expect(200);
    expect(dup.body.state).toBe(PaymentState.Paid);
    await t.http
      .post('/api/payments/notifications/payfip')
      .type('form')
      .send({ idop: '00000000-0000-0000-0000-000000000000' })
      .expect(404);
    await t.http
      .post('/api/payments/notifications/payfip')
      .type('form')
      .send({ idop: 'pas-un-idop' })
      .expect(403);
    await t.http.post('/api/payments/notifications/inconnu').type('form').send({ idop: ID_OP }).expect(404);
    const paid: { n: number }[] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM payments WHERE invoice_id = $1 AND state = 'paid'`,
      [invoice.id],
    );
    expect(paid[0].n).toBe(1);
  });
});

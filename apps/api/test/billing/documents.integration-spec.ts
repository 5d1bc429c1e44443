import { parse } from 'csv-parse/sync';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { isValidIBAN } from 'ibantools';
import { InvoiceStatus, NotificationTopic } from '@foyer/shared/contracts';
import { createTestApp, TestApp } from '../test-app';
import {
  binary,
  bookDays,
  classDays,
  createActivity,
  demoFamily,
  pdfText,
  signIn,
  tariffRequest,
} from './support';

const XSD = readFileSync(join(__dirname, 'fixtures/pain.008.001.02.xsd'), 'utf8');

/** Validates XML against the ISO 20022 schema with xmllint (WebAssembly), in a child process. */
function validateAgainstSchema(xml: string): { valid: boolean; errors: string[] } {
  const script = `
    const { validateXML } = require('xmllint-wasm');
    const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
    validateXML({ xml: [{ fileName: 'file.xml', contents: input.xml }], schema: [{ fileName: 'pain.xsd', contents: input.xsd }] })
      .then((r) => process.stdout.write(JSON.stringify({ valid: r.valid, errors: r.errors.map((e) => e.message) })));`;
  const out = execFileSync(process.execPath, ['-e', script], {
    input: JSON.stringify({ xml, xsd: XSD }),
    cwd: join(__dirname, '../../../..'),
  });
  return JSON.parse(out.toString('utf8'));
}

/** The treasury file read back by a real CSV parser (csv-parse: RFC 4180, `;` separator). */
function parseCsv(text: string): string[][] {
  return parse(text, { delimiter: ';' });
}

describe('SEPA direct debit, certificates and the treasury export', () => {
  let t: TestApp;
  let agent: string;
  let parent: string;

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    agent = await signIn(t, 'agent');
    parent = await signIn(t, 'parent');
    const admin = await signIn(t, 'admin');
    const care = await createActivity(t.dataSource, 'accueil-soir-test', 'evening_care', 'Accueil du soir');
    const family = await demoFamily(t.dataSource);
    await t.http
      .post('/api/admin/tariffs')
      .set('Authorization', admin)
      .send(tariffRequest(care.activityId, { unit: { one: 'soir', many: 'soirs' } }))
      .expect(201);
    // Hugo (born 2021, under 6) at the evening care in November and December 2026.
    await bookDays(
      t.dataSource,
      care,
      family.hugo,
      [...classDays('2026-11'), ...classDays('2026-12')].map((date) => ({ date })),
    );
  });
  afterAll(() => t?.close());

  it('checks the IBAN by its key (ibantools), signs one mandate per household, masks it', async () => {
    const bad = await t.http
      .post('/api/household/mandate')
      .set('Authorization', parent)
      .send({ iban: 'FR76 3000 6000 0112 3456 7890 188', holder: 'Camille Martin' })
      .expect(400);
    expect(bad.body.fields[0].field).toBe('iban');
    expect(isValidIBAN('FR7630006000011234567890189')).toBe(true);
    const signed = await t.http
      .post('/api/household/mandate')
      .set('Authorization', parent)
      .send({ iban: 'fr76 3000 6000 0112 3456 7890 189', bic: 'AGRIFRPP', holder: 'Camille Martin' })
      .expect(201);
    expect(signed.body).toMatchObject({
      ibanMasked: 'FR76 **** **** **** **** **** 189',
      status: 'active',
      signedOn: '2027-01-14',
    });
    expect(signed.body.reference).toMatch(/^FOYER-20270114-[0-9A-F]{12}$/);
    await t.http
      .post('/api/household/mandate')
      .set('Authorization', parent)
      .send({ iban: 'FR7630006000011234567890189', holder: 'Camille Martin' })
      .expect(409);
    const state = await t.http.get('/api/household/mandate').set('Authorization', parent).expect(200);
    expect(state.body.mandate.reference).toBe(signed.body.reference);
  });

  it('bills a mandate holder by direct debit: debit date, pre-notification 14 days ahead, no online payment', async () => {
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
    const [invoice] = (await t.http.get('/api/invoices').set('Authorization', parent).expect(200)).body;
    expect(invoice).toMatchObject({
      status: InvoiceStatus.DirectDebit,
      onlinePaymentAllowed: false,
      directDebitDate: '2027-02-15',
    });
    expect(invoice.statusLabel).toBe('Prélèvement le 15/02/2027');
    const days = (Date.parse(invoice.directDebitDate) - Date.parse('2027-01-14')) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(14);
    const prenotified: { n: number }[] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM notification_messages WHERE topic = $1`,
      [NotificationTopic.SepaPrenotification],
    );
    expect(prenotified[0].n).toBeGreaterThan(0);
    const online = await t.http
      .post(`/api/invoices/${invoice.id}/payments`)
      .set('Authorization', parent)
      .expect(409);
    expect(online.body.message).toContain('prélevée');
  });

  it('produces the month’s pain.008 file, valid against the ISO 20022 schema, with its totals', async () => {
    const res = await t.http
      .post('/api/agent/billing/sepa')
      .set('Authorization', agent)
      .send({ period: '2027-02' })
      .expect(200);
    const xml = res.text || (res.body as Buffer).toString('utf8');
    const check = validateAgainstSchema(xml);
    expect(check.errors).toEqual([]);
    expect(check.valid).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, parseTagValue: false }).parse(xml);
    const root = doc.Document.CstmrDrctDbtInitn;
    const [invoice] = (await t.http.get('/api/invoices').set('Authorization', parent).expect(200)).body;
    expect(root.GrpHdr.NbOfTxs).toBe('1');
    expect(root.GrpHdr.CtrlSum).toBe((invoice.totalCents / 100).toFixed(2));
    expect(root.PmtInf.PmtTpInf.SeqTp).toBe('FRST');
    expect(root.PmtInf.ReqdColltnDt).toBe('2027-02-15');
    expect(root.PmtInf.CdtrSchmeId.Id.PrvtId.Othr.Id).toMatch(/^FR\d{2}ZZZ\d{6}$/);
    const tx = root.PmtInf.DrctDbtTxInf;
    expect(tx.PmtId.EndToEndId).toBe(invoice.number);
    expect(tx.DrctDbtTx.MndtRltdInf.DtOfSgntr).toBe('2027-01-14');
    expect(tx.DbtrAcct.Id.IBAN).toBe('FR7630006000011234567890189');
    // Producing the file again gives the same debits and records each once.
    const again = await t.http
      .post('/api/agent/billing/sepa')
      .set('Authorization', agent)
      .send({ period: '2027-02' })
      .expect(200);
    expect((again.text || '').includes(invoice.number)).toBe(true);
    const paid: { n: number }[] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM payments WHERE provider = 'direct_debit' AND invoice_id = $1`,
      [invoice.id],
    );
    expect(paid[0].n).toBe(1);
  });

  it('issues the payment certificate and the yearly childcare certificate (children under 6, no meals)', async () => {
    const [invoice] = (await t.http.get('/api/invoices').set('Authorization', parent).expect(200)).body;
    const certificate = await t.http
      .get(`/api/invoices/${invoice.id}/certificate`)
      .set('Authorization', parent)
      .buffer(true)
      .parse(binary)
      .expect(200);
    const text = pdfText(certificate.body as Buffer);
    expect(text).toContain('Attestation de paiement');
    expect(text).toContain(invoice.number);
    expect(text).toContain('Prélèvement SEPA');
    const childcare = await t.http
      .get('/api/household/certificates/childcare?year=2026')
      .set('Authorization', parent)
      .buffer(true)
      .parse(binary)
      .expect(200);
    const yearly = pdfText(childcare.body as Buffer);
    expect(yearly).toContain('Attestation de frais de garde 2026');
    expect(yearly).toContain('Hugo Durand');
    expect(yearly).toContain('Accueil du soir');
    expect(yearly).not.toContain('Léa');
    await t.http
      .get('/api/household/certificates/childcare?year=deux')
      .set('Authorization', parent)
      .expect(400);
  });

  it('exports invoices, credit notes and payments of a period for the treasury, as CSV a parser reads back', async () => {
    const res = await t.http
      .get('/api/agent/billing/exports/treasury?from=2027-01-01&to=2027-02-28')
      .set('Authorization', agent)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const rows = parseCsv((res.body as Buffer).toString('utf8').replace(/^\ufeff/, ''));
    expect(rows[0]).toEqual(['type', 'date', 'numero', 'foyer', 'facture', 'montant', 'moyen', 'reference']);
    const [invoice] = (await t.http.get('/api/invoices').set('Authorization', parent).expect(200)).body;
    const euros = `${Math.floor(invoice.totalCents / 100)},${String(invoice.totalCents % 100).padStart(2, '0')}`;
    expect(rows).toContainEqual([
      'facture',
      '2027-01-14',
      invoice.number,
      invoice.householdId ?? expect.any(String),
      invoice.number,
      euros,
      '',
      '',
    ]);
    expect(rows.find((r) => r[0] === 'paiement')).toEqual([
      'paiement',
      '2027-02-15',
      invoice.number,
      expect.any(String),
      invoice.number,
      euros,
      'Prélèvement SEPA',
      '',
    ]);
    await t.http
      .get('/api/agent/billing/exports/treasury?from=2027-03-01&to=2027-01-01')
      .set('Authorization', agent)
      .expect(400);
  });
});

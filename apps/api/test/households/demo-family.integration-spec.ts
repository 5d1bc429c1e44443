import { DEMO_ACCOUNTS } from '@foyer/api/accounts';
import { AuditEntryView, DocumentView, HouseholdView, QuotientView } from '@foyer/shared/contracts';
import { login } from '../accounts/support/accounts-helpers';
import { createHouseholdsTestApp, HouseholdsTestApp } from './support';

/** Reads a PDF's cross-reference table and checks that each offset points at its object. */
function pdfObjects(content: Buffer): string[] {
  const text = content.toString('latin1');
  const startxref = Number(/startxref\s+(\d+)/.exec(text)?.[1]);
  const [header, ...entries] = text.slice(startxref).split('\n').slice(1);
  const count = Number(header.split(' ')[1]);
  return entries.slice(1, count).map((entry, index) => {
    const offset = Number(entry.slice(0, 10));
    expect(text.slice(offset, offset + `${index + 1} 0 obj`.length)).toBe(`${index + 1} 0 obj`);
    return text.slice(offset, text.indexOf('endobj', offset));
  });
}

describe('the demo family, as a newcomer opens it', () => {
  let t: HouseholdsTestApp;
  let parent: string;

  beforeAll(async () => {
    t = await createHouseholdsTestApp({ seedDocuments: true });
    parent = `Bearer ${(await login(t, DEMO_ACCOUNTS.parent.email, DEMO_ACCOUNTS.parent.password)).accessToken}`;
  });
  afterAll(() => t.close());

  it('lives in the demo commune, whose name and postal code the portal is configured with', async () => {
    const household = (await t.http.get('/api/household').set('Authorization', parent).expect(200))
      .body as HouseholdView;
    expect(household.address).toEqual({
      line1: '14 rue des Tilleuls',
      line2: null,
      postalCode: '94999',
      city: 'Foyer-sur-Marne',
      inCommune: true,
    });
    const sites = (await t.http.get('/api/sites').expect(200)).body as { address: string }[];
    expect(sites.every((site) => site.address.endsWith('94999 Foyer-sur-Marne'))).toBe(true);
  });

  it('has the CAF attestation its validated quotient cites, and the file opens as a PDF', async () => {
    const quotients = (await t.http.get('/api/household/quotients').set('Authorization', parent).expect(200))
      .body as QuotientView[];
    const documents = (await t.http.get('/api/household/documents').set('Authorization', parent).expect(200))
      .body as DocumentView[];
    expect(quotients).toHaveLength(1);
    const attestation = documents.find((d) => d.id === quotients[0].documentId);
    expect(attestation).toMatchObject({ type: 'caf_attestation', mimeType: 'application/pdf' });
    const content = await t.http
      .get(`/api/household/documents/${attestation!.id}/content`)
      .set('Authorization', parent)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const objects = pdfObjects(content.body as Buffer);
    expect(objects).toHaveLength(5);
    expect(objects.join('\n')).toContain('Attestation de quotient familial');
  });

  it('has a history: the family created it, an agent validated the quotient', async () => {
    const agent = `Bearer ${(await login(t, DEMO_ACCOUNTS.agent.email, DEMO_ACCOUNTS.agent.password)).accessToken}`;
    const household = (await t.http.get('/api/household').set('Authorization', parent).expect(200))
      .body as HouseholdView;
    const history = (
      await t.http.get(`/api/agent/households/${household.id}/audit`).set('Authorization', agent).expect(200)
    ).body as AuditEntryView[];
    expect(history.map((e) => `${e.actorLabel} ${e.action}`)).toEqual([
      'agent quotient.validate',
      'resident quotient.declare',
      'resident child.create',
      'resident child.create',
      'resident household.create',
    ]);
  });
});

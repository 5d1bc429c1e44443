import { AgentScope, AuditEntryView, DocumentType, HouseholdView } from '@foyer/shared/contracts';
import { agent, Caller, createHouseholdsTestApp, HouseholdsTestApp, PDF, resident, upload } from './support';

/**
 * The household page and its history must not tell an agent more about the family's documents than
 * the documents routes would: a health document (PAI) is for enfance agents only.
 */
describe('households: document metadata follows the agent scope', () => {
  let t: HouseholdsTestApp;
  let family: Caller;
  let householdId: string;

  // Today is 14 January 2027: both expire within the 30-day warning.
  const soon = '2027-01-30';

  beforeAll(async () => {
    t = await createHouseholdsTestApp();
    family = resident(t);
    householdId = (await t.http.get('/api/household').set('Authorization', family.auth).expect(200)).body.id;
    await upload(t, family, DocumentType.Pai, PDF, 'PAI-asthme-Lea.pdf', { expiresOn: soon }).expect(201);
    await upload(t, family, DocumentType.TaxNotice, PDF, 'avis-impot-2026.pdf', { expiresOn: soon }).expect(
      201,
    );
  });
  afterAll(() => t.close());

  const agentView = async (caller: Caller): Promise<HouseholdView> =>
    (await t.http.get(`/api/agent/households/${householdId}`).set('Authorization', caller.auth).expect(200))
      .body;
  const agentAudit = async (caller: Caller): Promise<AuditEntryView[]> =>
    (
      await t.http
        .get(`/api/agent/households/${householdId}/audit`)
        .set('Authorization', caller.auth)
        .expect(200)
    ).body;
  const fileNames = (view: HouseholdView) => view.documentsExpiringSoon.map((d) => d.fileName).sort();

  it('shows a demarches agent no document in the household page nor in its history', async () => {
    const demarches = agent(t, AgentScope.Demarches);
    await t.http
      .get(`/api/agent/households/${householdId}/documents`)
      .set('Authorization', demarches.auth)
      .expect(403);
    expect((await agentView(demarches)).documentsExpiringSoon).toEqual([]);
    const audit = await agentAudit(demarches);
    // The uploads stay in the history, without what they were.
    expect(audit.filter((e) => e.action === 'document.upload')).toHaveLength(2);
    expect(JSON.stringify(audit)).not.toMatch(/PAI-asthme-Lea|avis-impot|"pai"|"tax_notice"/);
  });

  it('shows each scope only the types its documents routes give', async () => {
    const enfance = agent(t, AgentScope.Enfance);
    expect(fileNames(await agentView(enfance))).toEqual(['PAI-asthme-Lea.pdf']);
    const enfanceAudit = JSON.stringify(await agentAudit(enfance));
    expect(enfanceAudit).toMatch(/PAI-asthme-Lea\.pdf/);
    expect(enfanceAudit).not.toMatch(/avis-impot/);

    const facturation = agent(t, AgentScope.Facturation);
    expect(fileNames(await agentView(facturation))).toEqual(['avis-impot-2026.pdf']);
    const facturationAudit = JSON.stringify(await agentAudit(facturation));
    expect(facturationAudit).toMatch(/avis-impot-2026\.pdf/);
    expect(facturationAudit).not.toMatch(/PAI-asthme-Lea/);

    const both = agent(t, AgentScope.Enfance, AgentScope.Facturation);
    expect(fileNames(await agentView(both))).toEqual(['PAI-asthme-Lea.pdf', 'avis-impot-2026.pdf']);
  });

  it('filters the view an agent gets back after editing the address', async () => {
    const enfance = agent(t, AgentScope.Enfance);
    const res = await t.http
      .patch(`/api/agent/households/${householdId}/address`)
      .set('Authorization', enfance.auth)
      .send({ line1: '3 quai Blanqui', postalCode: '94140', city: 'Alfortville' })
      .expect(200);
    expect(fileNames(res.body)).toEqual(['PAI-asthme-Lea.pdf']);
  });

  it('still shows the family all of its own documents', async () => {
    const own: HouseholdView = (
      await t.http.get('/api/household').set('Authorization', family.auth).expect(200)
    ).body;
    expect(fileNames(own)).toEqual(['PAI-asthme-Lea.pdf', 'avis-impot-2026.pdf']);
    const exported = await t.http.get('/api/household/export').set('Authorization', family.auth).expect(200);
    expect(JSON.stringify(exported.body.audit)).toMatch(/PAI-asthme-Lea\.pdf/);
  });
});

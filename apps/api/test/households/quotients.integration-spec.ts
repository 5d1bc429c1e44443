import { AgentScope, DocumentType, QuotientMethod, QuotientView } from '@foyer/shared/contracts';
import { addDays } from '@foyer/shared/domain';
import { QuotientsService } from '@foyer/api/households';
import { agent, Caller, createHouseholdsTestApp, HouseholdsTestApp, PDF, resident, upload } from './support';

describe('quotient familial', () => {
  let t: HouseholdsTestApp;
  let family: Caller;
  let householdId: string;
  let billing: Caller;

  async function declareDeclared(caller: Caller, body: Record<string, unknown> = {}): Promise<QuotientView> {
    const doc = (await upload(t, caller, DocumentType.TaxNotice, PDF, 'avis.pdf').expect(201)).body.id;
    const res = await t.http
      .post('/api/household/quotients')
      .set('Authorization', caller.auth)
      .send({
        method: QuotientMethod.Declared,
        annualResourcesCents: 3_600_000,
        monthlyBenefitsCents: 15_000,
        parts: 3,
        documentId: doc,
        ...body,
      })
      .expect(201);
    return res.body;
  }

  async function declareCaf(caller: Caller, value: number): Promise<QuotientView> {
    const doc = (await upload(t, caller, DocumentType.CafAttestation, PDF, 'attestation-caf.pdf').expect(201))
      .body.id;
    const res = await t.http
      .post('/api/household/quotients')
      .set('Authorization', caller.auth)
      .send({ method: QuotientMethod.Caf, cafNumber: '1234567', cafValue: value, documentId: doc })
      .expect(201);
    return res.body;
  }

  const decide = (caller: Caller, id: string, body: Record<string, unknown>) =>
    t.http.post(`/api/agent/quotients/${id}/decision`).set('Authorization', caller.auth).send(body);

  const household = async (caller: Caller) =>
    (await t.http.get('/api/household').set('Authorization', caller.auth).expect(200)).body;

  beforeAll(async () => {
    // Periods back to the start of the school year: the tolerance rule is tested on its own below.
    t = await createHouseholdsTestApp({ env: { QUOTIENT_BACKDATE_MONTHS: '6' } });
    family = resident(t);
    householdId = (await household(family)).id;
    billing = agent(t, AgentScope.Facturation);
  });
  afterAll(() => t.close());

  let declared: QuotientView;
  let caf: QuotientView;

  it('computes a declared QF: (36 000 € / 12 + 150 €) / 3 parts = 1 050 €', async () => {
    declared = await declareDeclared(family);
    expect(declared).toMatchObject({
      method: 'declared',
      status: 'pending',
      value: 1050,
      annualResourcesCents: 3_600_000,
      monthlyBenefitsCents: 15_000,
      parts: 3,
      effectiveFrom: null,
    });
    caf = await declareCaf(family, 720);
    expect(caf).toMatchObject({ method: 'caf', value: 720, cafNumber: '1234567', parts: null });
  });

  it('refuses a quotient whose document is of the wrong type, naming the field', async () => {
    const insurance = (await upload(t, family, DocumentType.Insurance, PDF).expect(201)).body.id;
    const res = await t.http
      .post('/api/household/quotients')
      .set('Authorization', family.auth)
      .send({ method: QuotientMethod.Caf, cafNumber: '1234567', cafValue: 500, documentId: insurance })
      .expect(400);
    expect(res.body.fields).toEqual([{ field: 'documentId', messages: ['Joignez votre attestation CAF.'] }]);
  });

  it('has no current QF until one is validated (billing then uses the highest bracket)', async () => {
    expect((await household(family)).currentQuotient).toBeNull();
    expect(await t.app.get(QuotientsService).quotientOn(householdId, '2027-01-14')).toBeNull();
  });

  it('lists pending quotients for a billing agent, with the household', async () => {
    const res = await t.http
      .get('/api/agent/quotients?status=pending')
      .set('Authorization', billing.auth)
      .expect(200);
    expect(res.body.map((q: { id: string }) => q.id).sort()).toEqual([declared.id, caf.id].sort());
    expect(res.body[0]).toMatchObject({ householdId, householdLabel: expect.any(String) });
  });

  it('refuses QF decisions to démarches and enfance agents', async () => {
    for (const scope of [AgentScope.Demarches, AgentScope.Enfance]) {
      const other = agent(t, scope);
      await t.http.get('/api/agent/quotients?status=pending').set('Authorization', other.auth).expect(403);
      await decide(other, declared.id, { decision: 'validate' }).expect(403);
    }
    await decide(family, declared.id, { decision: 'validate' }).expect(403);
  });

  it('validates with an effective date; the QF becomes current', async () => {
    const res = await decide(billing, declared.id, {
      decision: 'validate',
      effectiveFrom: '2026-09-01',
    }).expect(200);
    expect(res.body).toMatchObject({ status: 'validated', effectiveFrom: '2026-09-01', effectiveTo: null });
    expect((await household(family)).currentQuotient).toMatchObject({ id: declared.id, value: 1050 });
  });

  it('closes the previous period the day before the next one starts; the current QF follows the date', async () => {
    await decide(billing, caf.id, { decision: 'validate', effectiveFrom: '2027-02-01' }).expect(200);
    const quotients = (
      await t.http.get('/api/household/quotients').set('Authorization', family.auth).expect(200)
    ).body;
    expect(quotients.find((q: QuotientView) => q.id === declared.id)).toMatchObject({
      effectiveFrom: '2026-09-01',
      effectiveTo: '2027-01-31',
    });
    expect((await household(family)).currentQuotient.id).toBe(declared.id);
    t.clock.set('2027-02-01T00:05:00+01:00');
    expect((await household(family)).currentQuotient.id).toBe(caf.id);
    t.clock.set('2027-01-14T08:30:00+01:00');
    const service = t.app.get(QuotientsService);
    expect(await service.quotientOn(householdId, '2026-08-31')).toBeNull();
    expect((await service.quotientOn(householdId, '2027-01-31'))?.value).toBe(1050);
    expect((await service.quotientOn(householdId, '2027-02-01'))?.value).toBe(720);
  });

  it('refuses to decide twice, or to start before a validated period', async () => {
    await decide(billing, caf.id, { decision: 'reject', note: 'Doublon' }).expect(409);
    const late = await declareCaf(family, 600);
    const res = await decide(billing, late.id, { decision: 'validate', effectiveFrom: '2027-01-15' }).expect(
      409,
    );
    expect(res.body.message).toMatch(/déjà en vigueur/);
  });

  it('rejects with a note, and requires the note', async () => {
    const q = await declareDeclared(family, { parts: 2.5 });
    expect(q.value).toBe(1260);
    const missing = await decide(billing, q.id, { decision: 'reject' }).expect(400);
    expect(missing.body.fields.map((f: { field: string }) => f.field)).toEqual(['note']);
    const res = await decide(billing, q.id, { decision: 'reject', note: 'Avis illisible' }).expect(200);
    expect(res.body).toMatchObject({
      status: 'rejected',
      decisionNote: 'Avis illisible',
      effectiveFrom: null,
    });
  });

  it('never creates overlapping periods when agents validate concurrently', async () => {
    for (let round = 0; round < 3; round++) {
      const other = resident(t);
      const id = (await household(other)).id;
      const a = (await declareCaf(other, 400)).id;
      const b = (await declareCaf(other, 500)).id;
      const c = (await declareCaf(other, 600)).id;
      const agents = [billing, agent(t, AgentScope.Facturation), agent(t, AgentScope.Facturation)];
      const requested = [
        { id: a, effectiveFrom: '2027-03-01' },
        { id: b, effectiveFrom: '2027-03-01' },
        { id: c, effectiveFrom: '2027-02-01' },
        { id: a, effectiveFrom: '2027-04-01' },
      ];
      const results = await Promise.all(
        requested.map((r, i) =>
          decide(agents[i % 3], r.id, { decision: 'validate', effectiveFrom: r.effectiveFrom }),
        ),
      );
      // Each decision either took effect as asked or was refused with a reason; never anything else.
      const succeeded = requested.filter((_r, i) => results[i].status === 200);
      results.forEach((res, i) => {
        if (res.status === 200) {
          expect(res.body).toMatchObject({
            id: requested[i].id,
            status: 'validated',
            effectiveFrom: requested[i].effectiveFrom,
          });
        } else {
          expect({ status: res.status, message: res.body.message }).toEqual({
            status: 409,
            message: expect.stringMatching(/déjà/),
          });
        }
      });
      // The first decision, whichever it was, found nothing in force; a quotient is decided once.
      expect(succeeded.length).toBeGreaterThanOrEqual(1);
      expect(succeeded.filter((r) => r.id === a).length).toBeLessThanOrEqual(1);
      // The database holds exactly the successful decisions, as periods that follow each other
      // without overlap or gap (each closed the day before the next starts; the last one open).
      const rows: { id: string; starts: string; ends: string | null }[] = await t.dataSource.query(
        `SELECT id, effective_from::text AS starts, effective_to::text AS ends FROM quotients
          WHERE household_id = $1 AND status = 'validated' ORDER BY effective_from`,
        [id],
      );
      expect(rows.map((r) => [r.id, r.starts]).sort()).toEqual(
        succeeded.map((r) => [r.id, r.effectiveFrom]).sort(),
      );
      rows.forEach((row, i) => {
        const next = rows[i + 1];
        expect(row.ends).toBe(next ? addDays(next.starts, -1) : null);
      });
    }
  });

  it('refuses overlapping periods in the database itself', async () => {
    await expect(
      t.dataSource.query(
        `INSERT INTO quotients (household_id, method, status, value, effective_from, submitted_by)
         VALUES ($1, 'caf', 'validated', 100, '2026-10-01', $1)`,
        [householdId],
      ),
    ).rejects.toThrow(/overlap/);
  });
});

describe('quotient familial: how far back an effective date may go', () => {
  let t: HouseholdsTestApp;
  let family: Caller;
  let billing: Caller;

  async function declare(): Promise<QuotientView> {
    const doc = (await upload(t, family, DocumentType.CafAttestation, PDF, 'attestation-caf.pdf').expect(201))
      .body.id;
    return (
      await t.http
        .post('/api/household/quotients')
        .set('Authorization', family.auth)
        .send({ method: QuotientMethod.Caf, cafNumber: '1234567', cafValue: 700, documentId: doc })
        .expect(201)
    ).body;
  }
  const decide = (id: string, effectiveFrom: string) =>
    t.http
      .post(`/api/agent/quotients/${id}/decision`)
      .set('Authorization', billing.auth)
      .send({ decision: 'validate', effectiveFrom });

  beforeAll(async () => {
    // Declared on 14 January 2027, default tolerance of 2 months: from 1 November 2026 at the earliest.
    t = await createHouseholdsTestApp();
    family = resident(t);
    billing = agent(t, AgentScope.Facturation);
  });
  afterAll(() => t.close());

  it('refuses 01/01/2019 for a declaration made today, naming the field, in French', async () => {
    const quotient = await declare();
    const res = await decide(quotient.id, '2019-01-01').expect(400);
    expect(res.body.message).toMatch(/date d’effet ne peut pas être antérieure au 01\/11\/2026/);
    expect(res.body.fields).toEqual([
      expect.objectContaining({ field: 'effectiveFrom', messages: [expect.stringMatching(/01\/11\/2026/)] }),
    ]);
    const after = (await t.http.get('/api/household/quotients').set('Authorization', family.auth).expect(200))
      .body as QuotientView[];
    expect(after.find((q) => q.id === quotient.id)?.status).toBe('pending');
  });

  it('refuses the day before the tolerance and accepts its first day', async () => {
    const quotient = await declare();
    await decide(quotient.id, '2026-10-31').expect(400);
    const res = await decide(quotient.id, '2026-11-01').expect(200);
    expect(res.body).toMatchObject({ status: 'validated', effectiveFrom: '2026-11-01' });
  });

  it('never goes before the start of the school year, whatever the tolerance', async () => {
    await t.close();
    t = await createHouseholdsTestApp({ env: { QUOTIENT_BACKDATE_MONTHS: '12' } });
    family = resident(t);
    billing = agent(t, AgentScope.Facturation);
    const quotient = await declare();
    const res = await decide(quotient.id, '2026-08-31').expect(400);
    expect(res.body.message).toMatch(/01\/09\/2026/);
    await decide(quotient.id, '2026-09-01').expect(200);
  });
});

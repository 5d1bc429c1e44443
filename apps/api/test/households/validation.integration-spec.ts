import { AgentScope, DocumentType } from '@foyer/shared/contracts';
import {
  agent,
  Caller,
  childBody,
  contactBody,
  createHouseholdsTestApp,
  HouseholdsTestApp,
  PDF,
  resident,
  upload,
} from './support';

interface FieldError {
  field: string;
  messages: string[];
}

describe('households input validation names each field, in French', () => {
  let t: HouseholdsTestApp;
  let family: Caller;
  let billing: Caller;

  beforeAll(async () => {
    t = await createHouseholdsTestApp();
    family = resident(t);
    billing = agent(t, AgentScope.Facturation);
  });
  afterAll(() => t.close());

  /** The request fails with 400 and exactly these fields, each with a French message. */
  async function expectFields(
    res: { status: number; body: { fields?: FieldError[]; message: string } },
    fields: string[],
  ) {
    expect(res.status).toBe(400);
    expect((res.body.fields ?? []).map((f) => f.field).sort()).toEqual([...fields].sort());
    for (const f of res.body.fields ?? []) {
      for (const m of f.messages)
        expect(m).toMatch(/[àâçéèêëîïôûù]|^(doit|n'|est|ne |Le |La |Un |Ce |Cette |Joignez)/);
    }
  }

  const post = (path: string, body: object, caller = family) =>
    t.http.post(path).set('Authorization', caller.auth).send(body);
  const patch = (path: string, body: object, caller = family) =>
    t.http.patch(path).set('Authorization', caller.auth).send(body);

  it('address', async () => {
    await expectFields(
      await patch('/api/household/address', { line1: '', postalCode: '9414', city: 'Alfortville' }),
      ['line1', 'postalCode'],
    );
    await expectFields(await patch('/api/household/address', { line1: '1 rue X', postalCode: '94140' }), [
      'city',
    ]);
  });

  it('computes inCommune from the postal code and the city', async () => {
    const inside = await patch('/api/household/address', {
      line1: '1 rue des Tilleuls',
      postalCode: '94999',
      city: 'FOYER SUR MARNE',
    }).expect(200);
    expect(inside.body.address).toEqual({
      line1: '1 rue des Tilleuls',
      line2: null,
      postalCode: '94999',
      city: 'FOYER SUR MARNE',
      inCommune: true,
    });
    const outside = await patch('/api/household/address', {
      line1: '2 rue de Paris',
      postalCode: '94700',
      city: 'Maisons-Alfort',
    }).expect(200);
    expect(outside.body.address.inCommune).toBe(false);
  });

  it('invitation and acceptance', async () => {
    await expectFields(await post('/api/household/invitations', { email: 'pas-une-adresse' }), ['email']);
    await expectFields(await post('/api/household/invitations/accept', {}), ['token']);
    const res = await post('/api/household/invitations/accept', { token: 'inconnu' });
    await expectFields(res, ['token']);
  });

  it('contact', async () => {
    await expectFields(
      await post('/api/household/contacts', contactBody({ phone: '123', firstName: '', canPickUp: 'oui' })),
      ['phone', 'firstName', 'canPickUp'],
    );
  });

  it('child: formats', async () => {
    await expectFields(
      await post(
        '/api/household/children',
        childBody(t, {
          birthDate: '2019-02-30',
          sex: 'X',
          classLevel: '6e',
          diet: 'keto',
          schoolSiteId: 'abc',
        }),
      ),
      ['birthDate', 'sex', 'classLevel', 'diet', 'schoolSiteId'],
    );
    await expectFields(
      await post(
        '/api/household/children',
        childBody(t, { doctorPhone: 'inconnu', authorisedPickupContactIds: ['x'] }),
      ),
      ['doctorPhone', 'authorisedPickupContactIds'],
    );
  });

  it('updates refuse null for what may not be empty, instead of failing in the database', async () => {
    const child = await post('/api/household/children', childBody(t)).expect(201);
    await expectFields(
      await patch(`/api/household/children/${child.body.id}`, {
        firstName: null,
        birthDate: null,
        sex: null,
        diet: null,
        photoConsent: null,
      }),
      ['firstName', 'birthDate', 'sex', 'diet', 'photoConsent'],
    );
    const contact = await post('/api/household/contacts', contactBody()).expect(201);
    await expectFields(
      await patch(`/api/household/contacts/${contact.body.id}`, { phone: null, canPickUp: null }),
      ['phone', 'canPickUp'],
    );
    const unchanged = await t.http
      .get(`/api/household/children/${child.body.id}`)
      .set('Authorization', family.auth);
    expect(unchanged.body.firstName).toBe(child.body.firstName);
  });

  it('child: rules across fields', async () => {
    const future = await post('/api/household/children', childBody(t, { birthDate: '2027-06-01' }));
    await expectFields(future, ['birthDate']);
    expect(future.body.fields[0].messages).toEqual(['La date de naissance doit être dans le passé.']);
    const baby = await post('/api/household/children', childBody(t, { birthDate: '2025-06-01' }));
    await expectFields(baby, ['birthDate']);
    expect(baby.body.fields[0].messages).toEqual([
      'Le portail accueille les enfants de 2 à 12 ans : cet enfant a 1 an.',
    ]);
    await expectFields(await post('/api/household/children', childBody(t, { birthDate: '2013-01-14' })), [
      'birthDate',
    ]);
    await post('/api/household/children', childBody(t, { birthDate: '2014-01-15' })).expect(201);
    await post('/api/household/children', childBody(t, { birthDate: '2025-01-14' })).expect(201);
    const leisure = t.sites.find((s) => s.kind === 'leisure_centre')!;
    const notSchool = await post('/api/household/children', childBody(t, { schoolSiteId: leisure.id }));
    await expectFields(notSchool, ['schoolSiteId']);
    expect(notSchool.body.fields[0].messages).toEqual(['Ce site n’est pas une école.']);
    await expectFields(await post('/api/household/children', childBody(t, { diet: 'pai_basket' })), ['diet']);
    const insurance = (await upload(t, family, DocumentType.Insurance, PDF).expect(201)).body.id;
    await expectFields(
      await post('/api/household/children', childBody(t, { pai: true, paiDocumentId: insurance })),
      ['paiDocumentId'],
    );
    const pai = (await upload(t, family, DocumentType.Pai, PDF, 'pai.pdf').expect(201)).body.id;
    await expectFields(
      await post('/api/household/children', childBody(t, { pai: false, paiDocumentId: pai })),
      ['paiDocumentId'],
    );
    const ok = await post(
      '/api/household/children',
      childBody(t, { pai: true, paiDocumentId: pai, diet: 'pai_basket' }),
    ).expect(201);
    expect(ok.body).toMatchObject({
      pai: true,
      paiDocumentId: pai,
      diet: 'pai_basket',
      schoolName: 'École Jean-Jaurès',
    });
  });

  it('quotient declaration', async () => {
    const tax = (await upload(t, family, DocumentType.TaxNotice, PDF).expect(201)).body.id;
    await expectFields(
      await post('/api/household/quotients', { method: 'caf', cafNumber: '12345', documentId: tax }),
      ['cafNumber', 'cafValue'],
    );
    await expectFields(await post('/api/household/quotients', { method: 'declared', documentId: tax }), [
      'annualResourcesCents',
      'monthlyBenefitsCents',
      'parts',
    ]);
    await expectFields(
      await post('/api/household/quotients', {
        method: 'declared',
        annualResourcesCents: 10.5,
        monthlyBenefitsCents: -1,
        parts: 2.3,
        documentId: tax,
      }),
      ['annualResourcesCents', 'monthlyBenefitsCents'],
    );
    await expectFields(
      await post('/api/household/quotients', {
        method: 'declared',
        annualResourcesCents: 1000,
        monthlyBenefitsCents: 0,
        parts: 2.3,
        documentId: tax,
      }),
      ['parts'],
    );
    await expectFields(await post('/api/household/quotients', { method: 'other', documentId: 'x' }), [
      'method',
      'documentId',
    ]);
  });

  it('quotient decision', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    await expectFields(
      await post(
        `/api/agent/quotients/${id}/decision`,
        { decision: 'maybe', effectiveFrom: '01/09/2027' },
        billing,
      ),
      ['decision', 'effectiveFrom'],
    );
    await expectFields(
      await t.http.get('/api/agent/quotients?status=unknown').set('Authorization', billing.auth),
      ['status'],
    );
  });

  it('document fields', async () => {
    await expectFields(
      await upload(t, family, DocumentType.Insurance, PDF, 'a.pdf', {
        expiresOn: '2027-13-01',
        childId: 'abc',
      }),
      ['expiresOn', 'childId'],
    );
    await expectFields(
      await upload(t, family, DocumentType.Insurance, PDF, 'a.pdf', { expiresOn: '2026-12-31' }),
      ['expiresOn'],
    );
  });

  it('agent search', async () => {
    await expectFields(
      await t.http.get(`/api/agent/households?q=${'x'.repeat(101)}`).set('Authorization', billing.auth),
      ['q'],
    );
  });
});

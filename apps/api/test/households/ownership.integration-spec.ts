import { randomUUID } from 'node:crypto';
import { DocumentType, QuotientMethod } from '@foyer/shared/contracts';
import {
  Caller,
  childBody,
  contactBody,
  createHouseholdsTestApp,
  HouseholdsTestApp,
  PDF,
  resident,
  upload,
} from './support';

/** What a person sees of an error, without the per-request id. */
function errorOf(res: { status: number; body: Record<string, unknown> }) {
  const { requestId: _ignored, ...body } = res.body;
  return { status: res.status, body };
}

describe('a resident reaches only their own household', () => {
  let t: HouseholdsTestApp;
  let alice: Caller;
  let bob: Caller;
  const bobs = { childId: '', contactId: '', paiId: '', taxId: '', quotientId: '' };

  beforeAll(async () => {
    t = await createHouseholdsTestApp();
    alice = resident(t);
    bob = resident(t);
    await t.http.get('/api/household').set('Authorization', alice.auth).expect(200);
    bobs.contactId = (
      await t.http
        .post('/api/household/contacts')
        .set('Authorization', bob.auth)
        .send(contactBody())
        .expect(201)
    ).body.id;
    bobs.childId = (
      await t.http
        .post('/api/household/children')
        .set('Authorization', bob.auth)
        .send(childBody(t))
        .expect(201)
    ).body.id;
    bobs.paiId = (await upload(t, bob, DocumentType.Pai, PDF).expect(201)).body.id;
    bobs.taxId = (await upload(t, bob, DocumentType.TaxNotice, PDF).expect(201)).body.id;
    bobs.quotientId = (
      await t.http
        .post('/api/household/quotients')
        .set('Authorization', bob.auth)
        .send({
          method: QuotientMethod.Declared,
          annualResourcesCents: 3_600_000,
          monthlyBenefitsCents: 0,
          parts: 3,
          documentId: bobs.taxId,
        })
        .expect(201)
    ).body.id;
  });
  afterAll(() => t.close());

  /** Sends the same request with another household's id and with an unknown one: both must be the same 404. */
  async function expectSame404(
    send: (id: string) => Promise<{ status: number; body: Record<string, unknown> }>,
    id: string,
  ) {
    const foreign = errorOf(await send(id));
    const unknown = errorOf(await send(randomUUID()));
    expect(foreign.status).toBe(404);
    expect(foreign).toEqual(unknown);
  }

  it('GET /household/children/:childId', () =>
    expectSame404(
      (id) => t.http.get(`/api/household/children/${id}`).set('Authorization', alice.auth),
      bobs.childId,
    ));

  it('PATCH /household/children/:childId', () =>
    expectSame404(
      (id) =>
        t.http
          .patch(`/api/household/children/${id}`)
          .set('Authorization', alice.auth)
          .send({ allergies: 'Arachide' }),
      bobs.childId,
    ));

  it('PATCH /household/contacts/:contactId', () =>
    expectSame404(
      (id) =>
        t.http
          .patch(`/api/household/contacts/${id}`)
          .set('Authorization', alice.auth)
          .send({ phone: '0611223344' }),
      bobs.contactId,
    ));

  it('DELETE /household/contacts/:contactId', () =>
    expectSame404(
      (id) => t.http.delete(`/api/household/contacts/${id}`).set('Authorization', alice.auth),
      bobs.contactId,
    ));

  it('GET /household/documents/:documentId/content', () =>
    expectSame404(
      (id) => t.http.get(`/api/household/documents/${id}/content`).set('Authorization', alice.auth),
      bobs.paiId,
    ));

  it('POST /household/children with a pick-up contact of another household', () =>
    expectSame404(
      (id) =>
        t.http
          .post('/api/household/children')
          .set('Authorization', alice.auth)
          .send(childBody(t, { authorisedPickupContactIds: [id] })),
      bobs.contactId,
    ));

  it('POST /household/children with a PAI document of another household', () =>
    expectSame404(
      (id) =>
        t.http
          .post('/api/household/children')
          .set('Authorization', alice.auth)
          .send(childBody(t, { pai: true, paiDocumentId: id })),
      bobs.paiId,
    ));

  it('POST /household/quotients with a document of another household', () =>
    expectSame404(
      (id) =>
        t.http.post('/api/household/quotients').set('Authorization', alice.auth).send({
          method: QuotientMethod.Declared,
          annualResourcesCents: 1_000_000,
          monthlyBenefitsCents: 0,
          parts: 2,
          documentId: id,
        }),
      bobs.taxId,
    ));

  it('POST /household/documents for a child of another household, storing nothing', async () => {
    const before = t.storedFiles().length;
    await expectSame404(
      (id) => upload(t, alice, DocumentType.Vaccination, PDF, 'carnet.pdf', { childId: id }),
      bobs.childId,
    );
    expect(t.storedFiles().length).toBe(before);
  });

  it('lists only their own children, contacts, documents and quotients', async () => {
    const household = (await t.http.get('/api/household').set('Authorization', alice.auth).expect(200)).body;
    expect(household.children).toEqual([]);
    expect(household.contacts).toEqual([]);
    expect(household.quotients).toEqual([]);
    expect(
      (await t.http.get('/api/household/documents').set('Authorization', alice.auth).expect(200)).body,
    ).toEqual([]);
    expect(
      (await t.http.get('/api/household/quotients').set('Authorization', alice.auth).expect(200)).body,
    ).toEqual([]);
    const bobsView = (await t.http.get('/api/household').set('Authorization', bob.auth).expect(200)).body;
    expect(bobsView.id).not.toBe(household.id);
    expect(bobsView.children.map((c: { id: string }) => c.id)).toEqual([bobs.childId]);
  });

  it('still lets the owner reach the same ids', async () => {
    await t.http.get(`/api/household/children/${bobs.childId}`).set('Authorization', bob.auth).expect(200);
    const file = await t.http
      .get(`/api/household/documents/${bobs.paiId}/content`)
      .set('Authorization', bob.auth)
      .expect(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename="justificatif.pdf"/);
    expect(Buffer.from(file.body).equals(PDF)).toBe(true);
  });

  it('refuses agents on resident routes and residents on agent routes', async () => {
    await t.http.get('/api/household').expect(401);
    await t.http.get('/api/agent/households').set('Authorization', alice.auth).expect(403);
    await t.http.get(`/api/agent/quotients?status=pending`).set('Authorization', alice.auth).expect(403);
  });
});

import { ApiErrorView } from '@foyer/shared/contracts';
import { createTestApp, TestApp } from '../test-app';

function expectErrorShape(body: ApiErrorView, status: number): void {
  expect(body.statusCode).toBe(status);
  expect(typeof body.error).toBe('string');
  expect(typeof body.message).toBe('string');
  expect(JSON.stringify(body)).not.toMatch(/\bat .*\.(ts|js):\d+|stack|QueryFailedError|Exception/);
}

describe('the error format', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
  });
  afterAll(() => t.close());

  it('answers an unknown route with a French 404', async () => {
    const res = await t.http.get('/api/does-not-exist').expect(404);
    expectErrorShape(res.body, 404);
    expect(res.body.message).toBe("Aucune ressource à l'adresse GET /api/does-not-exist.");
  });

  it('names each invalid field of a query, in French', async () => {
    const res = await t.http.get('/api/school-years/2026-2027/days?from=2027-02-30&to=demain').expect(400);
    expectErrorShape(res.body, 400);
    expect(res.body.fields).toEqual([
      { field: 'from', messages: ['doit être une date valide au format AAAA-MM-JJ'] },
      { field: 'to', messages: ['doit être une date valide au format AAAA-MM-JJ'] },
    ]);
    expect(res.body.message).toContain('« from »');
  });

  it('refuses a field nobody asked for', async () => {
    const res = await t.http
      .get('/api/school-years/2026-2027/days?from=2027-01-04&to=2027-01-10&admin=true')
      .expect(400);
    expect(res.body.fields).toEqual([{ field: 'admin', messages: ["n'est pas un champ attendu"] }]);
  });

  it('reports a rule across fields on the field at fault', async () => {
    const res = await t.http
      .get('/api/school-years/2026-2027/days?from=2027-01-10&to=2027-01-04')
      .expect(400);
    expect(res.body.fields).toEqual([
      { field: 'to', messages: ['La date de fin doit suivre la date de début.'] },
    ]);
  });

  it('answers a malformed id with 400 and an unknown one with 404', async () => {
    const bad = await t.http.get('/api/sites/not-a-uuid').expect(400);
    expectErrorShape(bad.body, 400);
    expect(bad.body.fields).toEqual([
      { field: 'siteId', messages: ["L'identifiant dans l'adresse n'est pas valide."] },
    ]);
    const unknown = await t.http.get('/api/sites/00000000-0000-4000-8000-000000000000').expect(404);
    expect(unknown.body.message).toBe('Ce site est introuvable.');
  });

  it('answers a malformed JSON body with 400, not 500', async () => {
    const res = await t.http
      .post('/api/sites')
      .set('Content-Type', 'application/json')
      .send('{"name": ')
      .expect(400);
    expectErrorShape(res.body, 400);
    expect(res.body.message).toBe("Le corps de la requête n'est pas un JSON valide.");
  });

  it('refuses a body above the size limit with 413', async () => {
    const res = await t.http
      .post('/api/sites')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ blob: 'x'.repeat(1_200_000) }))
      .expect(413);
    expectErrorShape(res.body, 413);
  });
});

import { DEMO_ACCOUNTS } from '@foyer/api/accounts';
import { ApiErrorView, SeededRequestTypeCode } from '@foyer/shared/contracts';
import { login, nextIp } from '../accounts/support/accounts-helpers';
import { createTestApp, TestApp } from '../test-app';

jest.setTimeout(30_000);

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const BAD_DAYS = '/api/school-years/2026-2027/days?from=2027-02-30&to=demain';

describe('error messages follow Accept-Language', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    admin = `Bearer ${(await login(t, DEMO_ACCOUNTS.admin.email, DEMO_ACCOUNTS.admin.password)).accessToken}`;
  });
  afterAll(() => t.close());

  it('names each invalid field in English, with an English sentence', async () => {
    const res = await t.http.get(BAD_DAYS).set('Accept-Language', 'en').expect(400);
    const body = res.body as ApiErrorView;
    expect(body.fields).toEqual([
      { field: 'from', messages: ['must be a valid date in the format YYYY-MM-DD'] },
      { field: 'to', messages: ['must be a valid date in the format YYYY-MM-DD'] },
    ]);
    expect(body.message).toBe(
      'Some fields are invalid: "from" must be a valid date in the format YYYY-MM-DD; ' +
        '"to" must be a valid date in the format YYYY-MM-DD.',
    );
    expect(res.headers['content-language']).toBe('en');
    expect(res.headers['vary']).toMatch(/Accept-Language/i);
  });

  it('translates a rule across fields and a malformed id, keeping the field', async () => {
    const rule = await t.http
      .get('/api/school-years/2026-2027/days?from=2027-01-10&to=2027-01-04')
      .set('Accept-Language', 'en')
      .expect(400);
    expect(rule.body.fields).toEqual([
      { field: 'to', messages: ['The end date must come after the start date.'] },
    ]);
    const bad = await t.http.get('/api/sites/not-a-uuid').set('Accept-Language', 'en').expect(400);
    expect(bad.body.fields).toEqual([
      { field: 'siteId', messages: ['The identifier in the address is not valid.'] },
    ]);
  });

  it('answers a domain 404 and an unknown route in English', async () => {
    const unknown = await t.http.get(`/api/sites/${UNKNOWN_ID}`).set('Accept-Language', 'en').expect(404);
    expect(unknown.body.message).toBe('This site cannot be found.');
    const route = await t.http.get('/api/does-not-exist').set('Accept-Language', 'en').expect(404);
    expect(route.body.message).toBe('No resource at the address GET /api/does-not-exist.');
  });

  it('answers a 409 in English, the value it names kept as it is', async () => {
    const body = {
      code: 'centre-langues',
      kind: 'leisure_centre',
      name: 'Centre des langues',
      address: '1 rue',
    };
    await t.http.post('/api/admin/sites').set('Authorization', admin).send(body).expect(201);
    const again = await t.http
      .post('/api/admin/sites')
      .set('Authorization', admin)
      .set('Accept-Language', 'en')
      .send(body)
      .expect(409);
    expect(again.body.message).toBe('A site already has the code “centre-langues”.');
    expect(again.headers['content-language']).toBe('en');
  });

  it('refuses a wrong password with an English 401', async () => {
    const res = await t.http
      .post('/api/auth/login')
      .set('X-Forwarded-For', nextIp())
      .set('Accept-Language', 'en')
      .send({ email: DEMO_ACCOUNTS.admin.email, password: 'Pas-le-bon-mot-de-passe-1' })
      .expect(401);
    expect(res.body.message).toBe('Incorrect e-mail address or password.');
  });

  it('translates the input guard, the inner field sentence included', async () => {
    const res = await t.http
      .post('/api/auth/login')
      .set('X-Forwarded-For', nextIp())
      .set('Accept-Language', 'en')
      .send({ email: 'a\u0000b@exemple.fr', password: 'x' })
      .expect(400);
    expect(res.body.message).toBe('The field “email” must not contain a null character.');
  });

  it('negotiates: q-values and regional variants count, anything else is French', async () => {
    const english = ['en-GB,en;q=0.9', 'fr;q=0.4, en;q=0.8', 'de, en-US;q=0.5', 'EN'];
    for (const header of english) {
      const res = await t.http.get(`/api/sites/${UNKNOWN_ID}`).set('Accept-Language', header).expect(404);
      expect({ header, message: res.body.message, language: res.headers['content-language'] }).toEqual({
        header,
        message: 'This site cannot be found.',
        language: 'en',
      });
    }
    const french = ['de', 'fr', 'fr-FR,en;q=0.5', '*', '', 'en;q=0'];
    for (const header of french) {
      const res = await t.http.get(`/api/sites/${UNKNOWN_ID}`).set('Accept-Language', header).expect(404);
      expect({ header, message: res.body.message, language: res.headers['content-language'] }).toEqual({
        header,
        message: 'Ce site est introuvable.',
        language: 'fr',
      });
    }
    const none = await t.http.get(`/api/sites/${UNKNOWN_ID}`).expect(404);
    expect(none.body.message).toBe('Ce site est introuvable.');
    expect(none.headers['content-language']).toBe('fr');
  });

  it('answers errors raised before the routes (malformed JSON, 413) in English', async () => {
    const json = await t.http
      .post('/api/sites')
      .set('Accept-Language', 'en')
      .set('Content-Type', 'application/json')
      .send('{"name": ')
      .expect(400);
    expect(json.body.message).toBe('The request body is not valid JSON.');
    const large = await t.http
      .post('/api/sites')
      .set('Accept-Language', 'en')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ blob: 'x'.repeat(1_200_000) }))
      .expect(413);
    expect(large.body.message).toBe('The request is too large.');
  });

  it('answers a request Node refuses before Express (a 20 KB address) in the asked language', async () => {
    const long = `/api/sites/${'x'.repeat(20_000)}`;
    const english = await t.http.get(long).set('Accept-Language', 'en').expect(431);
    expect(english.body.message).toBe('The address or the headers of the request are too long.');
    expect(english.headers['content-language']).toBe('en');
    const french = await t.http.get(long).expect(431);
    expect(french.body.message).toBe("L'adresse ou les en-têtes de la requête sont trop longs.");
  });

  it('answers the upload filter’s own refusals in English', async () => {
    const parent = await login(t, DEMO_ACCOUNTS.parent.email, DEMO_ACCOUNTS.parent.password);
    const res = await t.http
      .post('/api/household/documents')
      .set('Authorization', `Bearer ${parent.accessToken}`)
      .set('Accept-Language', 'en')
      .field('type', 'insurance')
      .attach('document', Buffer.from('%PDF-1.4\n'), 'a.pdf')
      .expect(400);
    const sentence = 'Send a single PDF, JPEG or PNG file, in the field “file”.';
    expect(res.body).toMatchObject({ message: sentence, fields: [{ field: 'file', messages: [sentence] }] });
    expect(res.headers['content-language']).toBe('en');
  });

  it('names the wrong answers of a request form in English (ajv and the portal’s own rules)', async () => {
    const parent = await login(t, DEMO_ACCOUNTS.parent.email, DEMO_ACCOUNTS.parent.password);
    const res = await t.http
      .post('/api/requests')
      .set('Authorization', `Bearer ${parent.accessToken}`)
      .set('Accept-Language', 'en')
      .send({
        typeCode: SeededRequestTypeCode.CrechePlace,
        data: { wishes: 'lutins', desiredStartOn: '31/02/2027', daysPerWeek: 9, pets: 'chat' },
        submit: true,
      })
      .expect(400);
    const fields = Object.fromEntries(
      (res.body.fields as { field: string; messages: string[] }[]).map((f) => [f.field, f.messages]),
    );
    expect(fields).toEqual({
      'data.childId': ['is required'],
      'data.pets': ['is not a field of this form'],
      'data.daysPerWeek': ['must be <= 5'],
      'data.wishes': ['must be of type array'],
      'data.desiredStartOn': ['must be a date in the format YYYY-MM-DD'],
    });
    expect(res.body.message).toMatch(/^Some fields are invalid: /);
  });

  it('says an acknowledgement sentence in English too', async () => {
    const res = await t.http
      .post('/api/auth/forgot-password')
      .set('X-Forwarded-For', nextIp())
      .set('Accept-Language', 'en')
      .send({ email: 'personne@exemple.fr' })
      .expect(202);
    expect(res.body).toEqual({
      message:
        'If an account exists for this address, an e-mail with a link to choose a new password has just been sent to it.',
    });
    expect(res.headers['content-language']).toBe('en');
  });
});

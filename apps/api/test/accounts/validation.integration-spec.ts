import { generateVAPIDKeys } from 'web-push';
import { DEMO_ACCOUNTS } from '@foyer/api/accounts';
import { ApiErrorView } from '@foyer/shared/contracts';
import { createTestApp, TestApp } from '../test-app';
import { login, nextIp, registration, uniqueEmail } from './support/accounts-helpers';

jest.setTimeout(30_000);

/** The fields an error names, with their French messages. */
function fieldsOf(body: ApiErrorView): Record<string, string[]> {
  expect(body.statusCode).toBe(400);
  expect(body.message).toMatch(/^Certains champs sont invalides/);
  return Object.fromEntries((body.fields ?? []).map((f) => [f.field, f.messages]));
}

describe('input validation of the account routes', () => {
  let t: TestApp;
  let admin: string;
  let parent: string;

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    admin = `Bearer ${(await login(t, DEMO_ACCOUNTS.admin.email, DEMO_ACCOUNTS.admin.password)).accessToken}`;
    parent = `Bearer ${(await login(t, DEMO_ACCOUNTS.parent.email, DEMO_ACCOUNTS.parent.password)).accessToken}`;
  });
  afterAll(() => t.close());

  const post = (path: string, body: unknown, auth?: string) => {
    const req = t.http.post(path).set('X-Forwarded-For', nextIp());
    return (auth ? req.set('Authorization', auth) : req).send(body as object);
  };

  it('sign-up: names every invalid field in French', async () => {
    const res = await post('/api/auth/register', {
      email: 'pas-une-adresse',
      password: 'court',
      firstName: '',
      phone: '12',
      admin: true,
    }).expect(400);
    const fields = fieldsOf(res.body);
    expect(fields['email']).toEqual(['doit être une adresse e-mail valide']);
    expect(fields['password']).toEqual(['doit contenir au moins 12 caractères']);
    expect(fields['firstName']).toEqual(['est obligatoire']);
    expect(fields['lastName']).toContain('doit être un texte');
    expect(fields['phone']).toEqual([
      'doit être un numéro de téléphone français, par exemple 06 12 34 56 78',
    ]);
    expect(fields['admin']).toEqual(["n'est pas un champ attendu"]);
  });

  it('sign-up: refuses a long but guessable password with French advice (zxcvbn-ts)', async () => {
    const res = await post(
      '/api/auth/register',
      registration(uniqueEmail(), { password: 'password1234' }),
    ).expect(400);
    expect(fieldsOf(res.body)['password']).toEqual([
      expect.stringMatching(/^est trop facile à deviner : .*(mot de passe|mots)/),
    ]);
    // A passphrase of unrelated words goes through.
    await post(
      '/api/auth/register',
      registration(uniqueEmail(), { password: 'girafe tulipe orage velours' }),
    ).expect(202);
  });

  it('sign-up: refuses one of the 10,000 most common passwords', async () => {
    const res = await post(
      '/api/auth/register',
      registration(uniqueEmail(), { password: '1qaz2wsx3edc' }),
    ).expect(400);
    expect(fieldsOf(res.body)).toEqual({
      password: ['est trop courant : choisissez un mot de passe moins prévisible'],
    });
  });

  it('sign-in: validates the body before Passport checks it', async () => {
    const res = await post('/api/auth/login', { email: 'nope' }).expect(400);
    expect(fieldsOf(res.body)).toEqual({
      email: ['doit être une adresse e-mail valide'],
      password: expect.arrayContaining(['est obligatoire']),
    });
    await post('/api/auth/login', [1, 2]).expect(400);
    await t.http
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email":')
      .expect(400);
  });

  it('verification, resend, forgotten password and reset: name their fields', async () => {
    expect(fieldsOf((await post('/api/auth/verify-email', {}).expect(400)).body)).toHaveProperty('token');
    expect(fieldsOf((await post('/api/auth/resend-verification', { email: 'x' }).expect(400)).body)).toEqual({
      email: ['doit être une adresse e-mail valide'],
    });
    expect(
      fieldsOf((await post('/api/auth/forgot-password', { email: 42 }).expect(400)).body),
    ).toHaveProperty('email');
    const reset = fieldsOf(
      (await post('/api/auth/reset-password', { token: 'abc', password: 'court' }).expect(400)).body,
    );
    expect(reset).toEqual({ password: ['doit contenir au moins 12 caractères'] });
    const unknownToken = await post('/api/auth/reset-password', {
      token: 'abc',
      password: 'Un-mot-de-passe-solide',
    }).expect(400);
    expect(unknownToken.body.fields).toEqual([
      { field: 'token', messages: [expect.stringMatching(/invalide/)] },
    ]);
  });

  it('my account: names the fields of a change of e-mail or password', async () => {
    const email = fieldsOf(
      (await post('/api/me/email', { newEmail: 'ailleurs', password: 'x' }, parent).expect(400)).body,
    );
    expect(email).toEqual({ newEmail: ['doit être une adresse e-mail valide'] });
    const password = fieldsOf(
      (
        await post(
          '/api/me/password',
          { currentPassword: DEMO_ACCOUNTS.parent.password, newPassword: 'court' },
          parent,
        ).expect(400)
      ).body,
    );
    expect(password).toEqual({ newPassword: ['doit contenir au moins 12 caractères'] });
  });

  it('admin: names the fields of an agent and of the audit query', async () => {
    const created = fieldsOf(
      (
        await post(
          '/api/admin/agents',
          { email: uniqueEmail('a'), firstName: 'A', lastName: 'B', scopes: ['cantine'] },
          admin,
        ).expect(400)
      ).body,
    );
    expect(created).toEqual({
      scopes: ['ne contient que des périmètres parmi enfance, facturation, demarches'],
    });
    const updated = await t.http
      .patch('/api/admin/agents/00000000-0000-4000-8000-000000000000')
      .set('Authorization', admin)
      .send({ active: 'oui' })
      .expect(400);
    expect(fieldsOf(updated.body)).toEqual({ active: ['doit valoir vrai ou faux'] });
    await t.http
      .patch('/api/admin/agents/pas-un-uuid')
      .set('Authorization', admin)
      .send({ active: true })
      .expect(400);
    const audit = await t.http.get('/api/admin/audit?limit=0').set('Authorization', admin).expect(400);
    expect(fieldsOf(audit.body)).toEqual({ limit: ['doit être supérieur ou égal à 1'] });
  });

  it('sends the browser back to the French sign-in page when FranceConnect is not configured', async () => {
    const res = await t.http.get('/api/auth/franceconnect').expect(302);
    expect(new URL(res.headers['location']).pathname).toBe('/connexion');
    expect(new URL(res.headers['location']).searchParams.get('franceconnect')).toBe('indisponible');
  });

  it('serves the development mailbox outside production only', async () => {
    const res = await t.http.get('/api/dev/mailbox').expect(200);
    expect(Array.isArray(res.body)).toBe(true);
  });
});

describe('outside production, listening beyond loopback', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ env: { HOST: '0.0.0.0' } });
  });
  afterAll(() => t.close());

  it('hides the development mailbox (it holds password-reset links) unless DEV_MAILBOX=true', async () => {
    const res = await t.http.get('/api/dev/mailbox').expect(404);
    expect(res.body.message).toBe("Cette boîte de développement n'est pas disponible sur ce serveur.");
  });
});

describe('in production', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({
      seed: true,
      env: {
        NODE_ENV: 'production',
        PUBLIC_URL: 'https://portail.exemple.fr',
        TRUST_PROXY: 'loopback',
        // Required in production; nothing is mailed here.
        SMTP_URL: 'smtp://127.0.0.1:1',
        // Required in production (Web Push): a pair made for this run.
        ...vapidEnv(),
      },
    });
  });
  afterAll(() => t.close());

  it('hides the development mailbox', async () => {
    await t.http.get('/api/dev/mailbox').expect(404);
  });

  it('marks the refresh cookie Secure behind https', async () => {
    const res = await t.http
      .post('/api/auth/login')
      .set('X-Forwarded-For', nextIp())
      .send({ email: DEMO_ACCOUNTS.parent.email, password: DEMO_ACCOUNTS.parent.password })
      .expect(200);
    const cookie = ([] as string[])
      .concat(res.headers['set-cookie'] ?? [])
      .find((c) => c.startsWith('foyer_refresh='));
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
  });
});

function vapidEnv(): { VAPID_PUBLIC_KEY: string; VAPID_PRIVATE_KEY: string } {
  const keys = generateVAPIDKeys();
  return { VAPID_PUBLIC_KEY: keys.publicKey, VAPID_PRIVATE_KEY: keys.privateKey };
}

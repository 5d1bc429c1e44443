import * as argon2 from 'argon2';
import { createTestApp, TestApp } from '../test-app';
import {
  nextIp,
  registerVerified,
  registration,
  STRONG_PASSWORD,
  uniqueEmail,
} from './support/accounts-helpers';

jest.setTimeout(30_000);

// The real argon2, with its verifications counted: which hash each sign-in attempt checked.
jest.mock('argon2', () => {
  const actual = jest.requireActual('argon2');
  return { ...actual, verify: jest.fn(actual.verify) };
});
const verify = argon2.verify as jest.MockedFunction<typeof argon2.verify>;

describe('throttling and enumeration', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const attempt = (email: string, password: string, ip = nextIp()) =>
    t.http.post('/api/auth/login').set('X-Forwarded-For', ip).send({ email, password });

  it('answers an unknown e-mail exactly like a known one with a wrong password', async () => {
    const known = await registerVerified(t);
    const wrong = await attempt(known, 'pas-le-bon-mot-de-passe');
    const unknown = await attempt(uniqueEmail('inconnu'), 'pas-le-bon-mot-de-passe');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const { requestId: _a, ...wrongBody } = wrong.body;
    const { requestId: _b, ...unknownBody } = unknown.body;
    expect(unknownBody).toEqual(wrongBody);
    expect(wrongBody.message).toBe('Adresse e-mail ou mot de passe incorrect.');
  });

  it('does the same argon2 work for an unknown e-mail as for a wrong password (a dummy hash is checked)', async () => {
    const known = await registerVerified(t);
    const [stored] = await t.dataSource.query('SELECT password_hash FROM users WHERE email = $1', [known]);
    /** The hashes one failed sign-in verified the password against. */
    const hashesChecked = async (email: string): Promise<string[]> => {
      verify.mockClear();
      await attempt(email, 'mauvais-mot-de-passe').expect(401);
      return verify.mock.calls.map(([hash]) => hash);
    };
    const cost = (hash: string) => hash.split('$').slice(1, 4).join('$'); // algorithm, version, m/t/p

    expect(await hashesChecked(known)).toEqual([stored.password_hash]);
    const dummy = await hashesChecked(uniqueEmail('inconnu'));
    // Exactly one verification, against a hash of no account, at the same cost as a real one.
    expect(dummy).toHaveLength(1);
    expect(dummy[0]).not.toBe(stored.password_hash);
    expect(cost(dummy[0])).toBe(cost(stored.password_hash));
    expect(cost(dummy[0])).toBe('argon2id$v=19$m=19456,p=1,t=2');
  });

  it('locks an account after 5 failures with a growing Retry-After, even for the right password', async () => {
    const email = await registerVerified(t);
    for (let i = 0; i < 5; i++) await attempt(email, `mauvais-mot-de-passe-${i}`).expect(401);
    const locked = await attempt(email, STRONG_PASSWORD).expect(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(50);
    expect(Number(locked.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(locked.body.message).toMatch(/^Trop de tentatives\. Réessayez dans/);

    // Locks run on real time: end this one by hand instead of waiting a minute.
    await t.dataSource.query(`UPDATE login_locks SET locked_until = now() - interval '1 second'`);
    await attempt(email, 'encore-un-mauvais-essai').expect(401);
    const longer = await attempt(email, STRONG_PASSWORD).expect(429);
    expect(Number(longer.headers['retry-after'])).toBeGreaterThan(110);
    expect(Number(longer.headers['retry-after'])).toBeLessThanOrEqual(120);

    await t.dataSource.query(`UPDATE login_locks SET locked_until = now() - interval '1 second'`);
    // The right password, once the lock is over, signs in and forgets the failures.
    await attempt(email, STRONG_PASSWORD).expect(200);
    await attempt(email, 'un-mauvais-essai-de-plus').expect(401);
  });

  it('checks at most 5 passwords for one account out of 40 sent at once from 40 addresses', async () => {
    const email = await registerVerified(t);
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => attempt(email, `essai-parallele-${i}`, `203.0.113.${100 + i}`)),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    // Still locked for the right password.
    await attempt(email, STRONG_PASSWORD).expect(429);
  });

  it('does not count successful sign-ins against the address', async () => {
    const ip = '192.0.2.66';
    const email = await registerVerified(t);
    for (let i = 0; i < 25; i++) await attempt(email, STRONG_PASSWORD, ip).expect(200);
    await attempt(uniqueEmail('inconnu'), 'mauvais-mot-de-passe', ip).expect(401);
  });

  it('locks an unknown e-mail the same way, so a 429 tells nothing about existence', async () => {
    const email = uniqueEmail('fantome');
    for (let i = 0; i < 5; i++) await attempt(email, `mauvais-mot-de-passe-${i}`).expect(401);
    const locked = await attempt(email, 'nimporte-quel-mot-de-passe').expect(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(50);
  });

  it('locks an address after 20 failures whatever the e-mails', async () => {
    const ip = '192.0.2.77';
    for (let i = 0; i < 20; i++)
      await attempt(uniqueEmail('balayage'), 'mauvais-mot-de-passe', ip).expect(401);
    const locked = await attempt(uniqueEmail('balayage'), 'mauvais-mot-de-passe', ip).expect(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    // Another address is not affected.
    await attempt(uniqueEmail('balayage'), 'mauvais-mot-de-passe').expect(401);
  });

  it('limits sign-ups and forgotten-password requests per address', async () => {
    const ip = '192.0.2.88';
    for (let i = 0; i < 10; i++) {
      await t.http
        .post('/api/auth/register')
        .set('X-Forwarded-For', ip)
        .send(registration(uniqueEmail('lot')))
        .expect(202);
    }
    const refused = await t.http
      .post('/api/auth/register')
      .set('X-Forwarded-For', ip)
      .send(registration(uniqueEmail('lot')))
      .expect(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);

    const other = '192.0.2.99';
    for (let i = 0; i < 10; i++) {
      await t.http
        .post('/api/auth/forgot-password')
        .set('X-Forwarded-For', other)
        .send({ email: uniqueEmail() })
        .expect(202);
    }
    await t.http
      .post('/api/auth/forgot-password')
      .set('X-Forwarded-For', other)
      .send({ email: uniqueEmail() })
      .expect(429);
  });
});

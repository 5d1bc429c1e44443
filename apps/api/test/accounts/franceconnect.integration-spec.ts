import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { FRANCECONNECT_COOKIE, SessionView } from '@foyer/shared/contracts';
import { createTestApp, TestApp } from '../test-app';
import {
  nextIp,
  refreshCookieHeader,
  refreshCookieOf,
  registerVerified,
  STRONG_PASSWORD,
} from './support/accounts-helpers';

jest.setTimeout(30_000);

const REDIRECT_URI = 'http://localhost:3000/api/auth/franceconnect/callback';
const CLIENT = { id: 'foyer-test', secret: 'foyer-test-secret-0123456789abcdef' };
/** A second client whose userinfo comes back as plain JSON (FranceConnect v1 style). */
const JSON_CLIENT = { id: 'foyer-json', secret: 'foyer-json-secret-0123456789abcdef' };
const ACCOUNTS = {
  'fc-alice': {
    given_name: 'Alice Marie',
    family_name: 'Moreau',
    birthdate: '1988-04-12',
    email: 'alice.moreau@exemple.fr',
  },
  'fc-bruno': {
    given_name: 'Bruno',
    family_name: 'Petit',
    birthdate: '1979-11-30',
    email: 'bruno.petit@exemple.fr',
  },
  // Two FranceConnect identities claiming the same e-mail address.
  'fc-denis': {
    given_name: 'Denis',
    family_name: 'Lefèvre',
    birthdate: '1985-06-15',
    email: 'denis.lefevre@exemple.fr',
  },
  'fc-denis-autre': {
    given_name: 'Denis',
    family_name: 'Usurpateur',
    birthdate: '1990-01-01',
    email: 'denis.lefevre@exemple.fr',
  },
  'fc-chloe': {
    given_name: 'Chloé',
    family_name: 'Garnier',
    birthdate: '1992-02-29',
    email: 'chloe.garnier@exemple.fr',
  },
};

/** Starts the OpenID provider in a child process (oidc-provider is ESM-only) and reads its issuer. */
async function startProvider(): Promise<{ issuer: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [join(__dirname, 'support', 'oidc-provider.mjs')], {
    env: {
      ...process.env,
      OIDC_CLIENTS: JSON.stringify([
        {
          client_id: CLIENT.id,
          client_secret: CLIENT.secret,
          redirect_uris: [REDIRECT_URI],
          response_types: ['code'],
          grant_types: ['authorization_code'],
          token_endpoint_auth_method: 'client_secret_post',
          userinfo_signed_response_alg: 'RS256',
        },
        {
          client_id: JSON_CLIENT.id,
          client_secret: JSON_CLIENT.secret,
          redirect_uris: [REDIRECT_URI],
          response_types: ['code'],
          grant_types: ['authorization_code'],
          token_endpoint_auth_method: 'client_secret_post',
        },
      ]),
      OIDC_ACCOUNTS: JSON.stringify(ACCOUNTS),
    },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`OpenID provider exited with ${code}`)));
    createInterface({ input: child.stdout! }).once('line', resolve);
  });
  child.removeAllListeners('exit');
  return { issuer: (JSON.parse(line) as { issuer: string }).issuer, child };
}

/** A browser without a screen: follows the provider's redirects, keeps its cookies, fills its forms. */
async function signInAtProvider(authorizationUrl: string, login: string): Promise<URL> {
  const jar = new Map<string, string>();
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const remember = (res: Response) => {
    for (const cookie of res.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const index = pair.indexOf('=');
      jar.set(pair.slice(0, index), pair.slice(index + 1));
    }
  };
  let url = new URL(authorizationUrl);
  let init: RequestInit = { method: 'GET' };
  for (let step = 0; step < 12; step++) {
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers ?? {}), cookie: cookieHeader() },
    });
    remember(res);
    if (res.status >= 300 && res.status < 400) {
      const next = new URL(res.headers.get('location')!, url);
      if (next.href.startsWith(REDIRECT_URI)) return next;
      url = next;
      init = { method: 'GET' };
      continue;
    }
    const html = await res.text();
    if (res.status !== 200) throw new Error(`provider answered ${res.status}: ${html.slice(0, 300)}`);
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="([a-z]+)"/.exec(html)?.[1];
    if (!action || !prompt) throw new Error(`unexpected provider page: ${html.slice(0, 300)}`);
    const form = new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'any' } : { prompt });
    url = new URL(action, url);
    init = {
      method: 'POST',
      body: form.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    };
  }
  throw new Error('too many steps at the provider');
}

function flowCookieOf(res: { headers: Record<string, unknown> }): string {
  const header = ([] as string[])
    .concat((res.headers['set-cookie'] as string[] | undefined) ?? [])
    .find((h) => h.startsWith(`${FRANCECONNECT_COOKIE.name}=`));
  if (!header) throw new Error('no FranceConnect cookie');
  return header.split(';')[0];
}

async function start(t: TestApp): Promise<{ location: URL; cookie: string; header: string }> {
  const res = await t.http.get('/api/auth/franceconnect').expect(302);
  const header = ([] as string[]).concat(res.headers['set-cookie'] ?? []).join('\n');
  return { location: new URL(res.headers['location']), cookie: flowCookieOf(res), header };
}

let provider: { issuer: string; child: ChildProcess };

beforeAll(async () => {
  provider = await startProvider();
});
afterAll(() => {
  provider?.child.kill('SIGTERM');
});

describe('FranceConnect (against a real OpenID provider, userinfo as a signed JWT)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({
      env: {
        FRANCECONNECT_ISSUER: provider.issuer,
        FRANCECONNECT_CLIENT_ID: CLIENT.id,
        FRANCECONNECT_CLIENT_SECRET: CLIENT.secret,
      },
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('says FranceConnect is offered, without signing in', async () => {
    const res = await t.http.get('/api/auth/franceconnect/status').expect(200);
    expect(res.body).toEqual({ enabled: true });
  });

  it('redirects to the provider with PKCE, state, nonce, eIDAS level and the FranceConnect scopes', async () => {
    const { location, header } = await start(t);
    const params = location.searchParams;
    expect(params.get('client_id')).toBe(CLIENT.id);
    expect(params.get('redirect_uri')).toBe(REDIRECT_URI);
    expect(params.get('response_type')).toBe('code');
    expect(params.get('scope')).toBe('openid given_name family_name birthdate email');
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(params.get('acr_values')).toBe('eidas1');
    expect(params.get('nonce')!.length).toBeGreaterThanOrEqual(22);
    expect(params.get('state')!.length).toBeGreaterThanOrEqual(22);
    expect(header).toMatch(/HttpOnly/);
    expect(header).toMatch(/Path=\/api\/auth\/franceconnect/);
  });

  it('creates a verified account from the FranceConnect identity and opens a session', async () => {
    const { location, cookie } = await start(t);
    const callback = await signInAtProvider(location.href, 'fc-alice');
    const res = await t.http.get(`${callback.pathname}${callback.search}`).set('Cookie', cookie).expect(302);
    expect(res.headers['location']).toBe('http://localhost:3000/');
    const refresh = refreshCookieOf(res);
    expect(refresh).toBeDefined();

    // The web app then asks for an access token with the refresh cookie.
    const session = (
      await t.http.post('/api/auth/refresh').set('Cookie', refreshCookieHeader(refresh!.value)).expect(200)
    ).body as SessionView;
    expect(session.user).toMatchObject({
      email: 'alice.moreau@exemple.fr',
      firstName: 'Alice',
      lastName: 'Moreau',
      role: 'resident',
      emailVerified: true,
      franceConnectLinked: true,
    });
    const [row] = await t.dataSource.query(
      `SELECT birth_date, franceconnect_sub, password_hash FROM users WHERE email = $1`,
      ['alice.moreau@exemple.fr'],
    );
    expect(row).toEqual({ birth_date: '1988-04-12', franceconnect_sub: 'fc-alice', password_hash: null });

    // Signing in again finds the same account by its FranceConnect subject.
    const again = await start(t);
    const second = await signInAtProvider(again.location.href, 'fc-alice');
    await t.http.get(`${second.pathname}${second.search}`).set('Cookie', again.cookie).expect(302);
    const count = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM users WHERE franceconnect_sub = 'fc-alice'`,
    );
    expect(count[0].n).toBe(1);
  });

  it('links the account that has the same verified e-mail', async () => {
    await registerVerified(t, 'bruno.petit@exemple.fr');
    const [before] = await t.dataSource.query(`SELECT id FROM users WHERE email = 'bruno.petit@exemple.fr'`);
    const { location, cookie } = await start(t);
    const callback = await signInAtProvider(location.href, 'fc-bruno');
    const res = await t.http.get(`${callback.pathname}${callback.search}`).set('Cookie', cookie).expect(302);
    expect(res.headers['location']).toBe('http://localhost:3000/');
    const session = (
      await t.http
        .post('/api/auth/refresh')
        .set('Cookie', refreshCookieHeader(refreshCookieOf(res)!.value))
        .expect(200)
    ).body as SessionView;
    expect(session.user.id).toBe(before.id);
    expect(session.user.franceConnectLinked).toBe(true);
    const [row] = await t.dataSource.query(`SELECT birth_date, franceconnect_sub FROM users WHERE id = $1`, [
      before.id,
    ]);
    expect(row).toEqual({ birth_date: '1979-11-30', franceconnect_sub: 'fc-bruno' });
    // The password still works for this (verified) account.
    await t.http
      .post('/api/auth/login')
      .set('X-Forwarded-For', nextIp())
      .send({ email: 'bruno.petit@exemple.fr', password: STRONG_PASSWORD })
      .expect(200);
  });

  it('refuses another FranceConnect identity with the e-mail of an account already linked', async () => {
    const first = await start(t);
    const linked = await signInAtProvider(first.location.href, 'fc-denis');
    await t.http.get(`${linked.pathname}${linked.search}`).set('Cookie', first.cookie).expect(302);
    const [before] = await t.dataSource.query(
      `SELECT id, franceconnect_sub FROM users WHERE email = 'denis.lefevre@exemple.fr'`,
    );
    expect(before.franceconnect_sub).toBe('fc-denis');

    const other = await start(t);
    const callback = await signInAtProvider(other.location.href, 'fc-denis-autre');
    const refused = await t.http
      .get(`${callback.pathname}${callback.search}`)
      .set('Cookie', other.cookie)
      .expect(302);
    expect(refused.headers['location']).toBe('http://localhost:3000/connexion?franceconnect=echec');
    expect(refreshCookieOf(refused)).toBeUndefined();
    const rows = await t.dataSource.query(
      `SELECT id, franceconnect_sub, last_name FROM users WHERE lower(email) = 'denis.lefevre@exemple.fr'`,
    );
    expect(rows).toEqual([{ id: before.id, franceconnect_sub: 'fc-denis', last_name: 'Lefèvre' }]);

    // The original identity still signs in to the same account.
    const again = await start(t);
    const back = await signInAtProvider(again.location.href, 'fc-denis');
    const res = await t.http.get(`${back.pathname}${back.search}`).set('Cookie', again.cookie).expect(302);
    expect(res.headers['location']).toBe('http://localhost:3000/');
  });

  it('refuses a callback whose state does not match, and one without the flow cookie', async () => {
    const { location, cookie } = await start(t);
    const callback = await signInAtProvider(location.href, 'fc-alice');
    const forged = new URLSearchParams(callback.search);
    forged.set('state', 'forged-state-value-0123456789');
    const refused = await t.http.get(`${callback.pathname}?${forged}`).set('Cookie', cookie).expect(302);
    expect(refused.headers['location']).toBe('http://localhost:3000/connexion?franceconnect=echec');
    expect(refreshCookieOf(refused)).toBeUndefined();

    const other = await start(t);
    const second = await signInAtProvider(other.location.href, 'fc-alice');
    const noCookie = await t.http.get(`${second.pathname}${second.search}`).expect(302);
    expect(noCookie.headers['location']).toBe('http://localhost:3000/connexion?franceconnect=echec');
    expect(refreshCookieOf(noCookie)).toBeUndefined();
  });
});

describe('FranceConnect with userinfo as plain JSON', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({
      env: {
        FRANCECONNECT_ISSUER: provider.issuer,
        FRANCECONNECT_CLIENT_ID: JSON_CLIENT.id,
        FRANCECONNECT_CLIENT_SECRET: JSON_CLIENT.secret,
      },
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('reads the claims from a JSON userinfo answer too', async () => {
    const { location, cookie } = await start(t);
    const callback = await signInAtProvider(location.href, 'fc-chloe');
    const res = await t.http.get(`${callback.pathname}${callback.search}`).set('Cookie', cookie).expect(302);
    expect(res.headers['location']).toBe('http://localhost:3000/');
    const [row] = await t.dataSource.query(
      `SELECT first_name, last_name, birth_date, franceconnect_sub, email_verified_at IS NOT NULL AS verified FROM users`,
    );
    expect(row).toEqual({
      first_name: 'Chloé',
      last_name: 'Garnier',
      birth_date: '1992-02-29',
      franceconnect_sub: 'fc-chloe',
      verified: true,
    });
  });
});

describe('FranceConnect not configured', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('says FranceConnect is not offered, so the web hides the button', async () => {
    const res = await t.http.get('/api/auth/franceconnect/status').expect(200);
    expect(res.body).toEqual({ enabled: false });
  });

  it('sends a browser that starts the flow anyway to the French sign-in page, not to a JSON body', async () => {
    const res = await t.http.get('/api/auth/franceconnect').expect(302);
    expect(res.headers['location']).toBe('http://localhost:3000/connexion?franceconnect=indisponible');
  });

  it('sends a stray callback to the French sign-in page too', async () => {
    const res = await t.http.get('/api/auth/franceconnect/callback?code=x&state=y').expect(302);
    expect(res.headers['location']).toBe('http://localhost:3000/connexion?franceconnect=echec');
  });
});

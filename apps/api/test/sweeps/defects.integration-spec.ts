import { getMetadataStorage } from 'class-validator';
import { DEMO_ACCOUNTS } from '@foyer/api/accounts';
import {
  flattenValidationErrors,
  listRouteDtos,
  TRANSLATED_CONSTRAINTS,
  validationRulesOf,
} from '@foyer/api/core';
import { DocumentType } from '@foyer/shared/contracts';
import { login, nextIp, registration, uniqueEmail } from '../accounts/support/accounts-helpers';
import {
  agent,
  createHouseholdsTestApp,
  HouseholdsTestApp,
  PDF,
  signUpResident,
  upload,
} from '../households/support';

jest.setTimeout(60_000);

/** The French a constraint answers with, for an English default carrying the number 12. */
function translationOf(constraint: string): string {
  const [field] = flattenValidationErrors([
    { property: 'x', constraints: { [constraint]: 'x must be 12' }, children: [] } as never,
  ]);
  return field.messages[0];
}

/**
 * One regression test per defect the issue listed (each a 500 or worse when found), and the ones the
 * sweeps found. The sweeps cover each class with generated input; these pin the exact case.
 */
describe('defects found by sending bad input as a stranger would', () => {
  let t: HouseholdsTestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createHouseholdsTestApp();
    admin = `Bearer ${(await login(t, DEMO_ACCOUNTS.admin.email, DEMO_ACCOUNTS.admin.password)).accessToken}`;
  });
  afterAll(() => t.close());

  const expectRefused = (
    res: { status: number; body: Record<string, unknown>; headers: Record<string, string> },
    status: number,
  ) => {
    expect(res.status).toBe(status);
    expect(res.body['statusCode']).toBe(status);
    expect(typeof res.body['message']).toBe('string');
    expect(res.body['requestId']).toEqual(res.headers['x-request-id']);
    expect(typeof res.body['requestId']).toBe('string');
  };
  const fieldsOf = (body: Record<string, unknown>) =>
    ((body['fields'] ?? []) as { field: string }[]).map((f) => f.field);

  describe('a NUL character never reaches PostgreSQL', () => {
    it('in a body field, signed out', async () => {
      const res = await t.http
        .post('/api/auth/register')
        .set('X-Forwarded-For', nextIp())
        .send(registration(uniqueEmail(), { firstName: 'Lé\u0000a' }));
      expectRefused(res, 400);
      expect(fieldsOf(res.body)).toEqual(['firstName']);
      expect(res.body['message']).toBe('Le champ « firstName » ne doit pas contenir de caractère nul.');
    });

    it('in the schoolYear path parameter', async () => {
      const res = await t.http.get('/api/school-years/2026-2027%00');
      expectRefused(res, 400);
      expect(fieldsOf(res.body)).toEqual(['schoolYear']);
    });

    it('in the q search, and in a sign-in e-mail read by Passport', async () => {
      const search = await t.http
        .get('/api/agent/households?q=Dupont%00')
        .set('Authorization', agent(t).auth);
      expectRefused(search, 400);
      expect(fieldsOf(search.body)).toEqual(['q']);
      const signIn = await t.http
        .post('/api/auth/login')
        .send({ email: 'a\u0000@example.fr', password: 'x' });
      expectRefused(signIn, 400);
      expect(fieldsOf(signIn.body)).toEqual(['email']);
    });
  });

  it('refuses a JSON body nested 20,000 levels deep at parse time, on sign-in too', async () => {
    const deep = `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`;
    const res = await t.http.post('/api/auth/login').set('Content-Type', 'application/json').send(deep);
    expectRefused(res, 400);
    expect(res.body['message']).toBe('Le corps de la requête est imbriqué trop profondément.');
  });

  it('refuses a lone surrogate in an e-mail field with a 400 naming it', async () => {
    const res = await t.http
      .post('/api/auth/forgot-password')
      .set('Content-Type', 'application/json')
      .send('{"email": "l\\ud800a@example.fr"}');
    expectRefused(res, 400);
    expect(fieldsOf(res.body)).toEqual(['email']);
  });

  it('bounds date ranges: 9999-12-01 to 9999-12-31 is a 400, not a RangeError', async () => {
    const res = await t.http.get('/api/school-years/2026-2027/days?from=9999-12-01&to=9999-12-31');
    expectRefused(res, 400);
    expect(fieldsOf(res.body)).toEqual(['from', 'to']);
  });

  describe('error amplification', () => {
    it('refuses an array of 150,000 elements with a short answer', async () => {
      const res = await t.http
        .post('/api/auth/login')
        .send({ email: new Array(150_000).fill('a'), password: 'x' });
      expectRefused(res, 400);
      expect(fieldsOf(res.body)).toEqual(['email']);
      expect(JSON.stringify(res.body).length).toBeLessThan(1_000);
    });

    it('reports at most 20 fields however many are wrong', async () => {
      const res = await t.http
        .post('/api/admin/agents')
        .set('Authorization', admin)
        .send({
          email: 'x',
          firstName: 'A',
          lastName: 'B',
          scopes: Array.from({ length: 900 }, (_, i) => `s${i}`),
        });
      expectRefused(res, 400);
      expect((res.body['fields'] as unknown[]).length).toBeLessThanOrEqual(20);
      expect(JSON.stringify(res.body).length).toBeLessThan(5_000);
    });
  });

  describe('uploaded file names', () => {
    it('keeps a UTF-8 name as the resident wrote it', async () => {
      const parent = await signUpResident(t);
      const res = await upload(t, parent, DocumentType.ProofOfAddress, PDF, 'quittance-février.pdf').expect(
        201,
      );
      expect(res.body.fileName).toBe('quittance-février.pdf');
    });

    it('strips C1 controls and bidi overrides', async () => {
      const parent = await signUpResident(t);
      const res = await upload(
        t,
        parent,
        DocumentType.ProofOfAddress,
        PDF,
        'facture\u202Egpj\u0085\u2066.pdf',
      ).expect(201);
      expect(res.body.fileName).toBe('facturegpj.pdf');
    });
  });

  describe('French everywhere in the error format', () => {
    it('translates "All scopes\'s elements must be unique"', async () => {
      const res = await t.http
        .post('/api/admin/agents')
        .set('Authorization', admin)
        .send({ email: uniqueEmail('agent'), firstName: 'A', lastName: 'B', scopes: ['enfance', 'enfance'] });
      expectRefused(res, 400);
      expect(res.body['fields']).toEqual([
        { field: 'scopes', messages: ['ne doit pas contenir deux fois le même élément'] },
      ]);
    });

    it('every constraint the DTOs use has a French message (the list below)', () => {
      const seen = new Map<string, string>();
      const visit = (target: new (...args: unknown[]) => unknown, done: Set<unknown>) => {
        if (done.has(target)) return;
        done.add(target);
        for (const metas of validationRulesOf(target).values()) {
          for (const meta of metas) {
            const name = meta.name ?? meta.type;
            if (['conditionalValidation', 'isOptional', 'validateIf', 'nestedValidation'].includes(name))
              continue;
            const own = typeof meta.message === 'string' ? meta.message : undefined;
            seen.set(
              name,
              own && !TRANSLATED_CONSTRAINTS.has(name) ? `(own) ${own}` : (seen.get(name) ?? 'translated'),
            );
          }
        }
      };
      const done = new Set<unknown>();
      for (const route of listRouteDtos(t.app)) {
        for (const dto of [route.body, route.query]) if (dto) visit(dto, done);
      }
      // Nested classes (children of a body) are registered too.
      for (const meta of (
        getMetadataStorage() as unknown as { validationMetadatas: Map<unknown, unknown> }
      ).validationMetadatas.keys()) {
        if (typeof meta === 'function' && /Dto$/.test(meta.name)) visit(meta as never, done);
      }
      process.stdout.write(
        `\nConstraints the DTOs use, and their French message:\n${[...seen]
          .sort()
          .map(([name, how]) => `  ${name.padEnd(22)} ${how === 'translated' ? translationOf(name) : how}`)
          .join('\n')}\n`,
      );
      const untranslated = [...seen].filter(
        ([name, how]) => how === 'translated' && !TRANSLATED_CONSTRAINTS.has(name),
      );
      expect(untranslated).toEqual([]);
      expect(seen.size).toBeGreaterThan(15);
    });
  });

  describe("errors raised before the app's middleware carry a request id", () => {
    it.each([
      ['malformed JSON', 'application/json', '{"email": ', 400],
      ['a body above the limit', 'application/json', JSON.stringify({ x: 'x'.repeat(1_200_000) }), 413],
      ['an unsupported charset', 'application/json; charset=latin1', '{"email": "a"}', 415],
      ['a body type the API does not read', 'text/plain', 'email=a', 415],
    ])('%s', async (_what, type, body, status) => {
      const res = await t.http.post('/api/auth/forgot-password').set('Content-Type', type).send(body);
      expectRefused(res, status);
    });

    it('bad URL encoding', async () => {
      const res = await t.http.get('/api/sites/%E0%A4%A');
      expectRefused(res, 400);
      expect(res.body['message']).toBe("L'adresse demandée est mal formée.");
    });
  });

  it('numeric query parameters accept decimal digits only (0x10 is not 16)', async () => {
    for (const limit of ['0x10', ' 16', '1e1', '16.0']) {
      const res = await t.http
        .get(`/api/admin/audit?limit=${encodeURIComponent(limit)}`)
        .set('Authorization', admin);
      expectRefused(res, 400);
      expect(fieldsOf(res.body)).toEqual(['limit']);
    }
    await t.http.get('/api/admin/audit?limit=16').set('Authorization', admin).expect(200);
  });

  it('refuses the field names class-transformer would silently skip', async () => {
    const res = await t.http
      .post('/api/auth/forgot-password')
      .set('Content-Type', 'application/json')
      .send('{"email": "a@example.fr", "constructor": {"x": 1}}');
    expectRefused(res, 400);
    expect(fieldsOf(res.body)).toEqual(['constructor']);
  });
});

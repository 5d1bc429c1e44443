import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JwtService } from '@nestjs/jwt';
import { AgentScope, DocumentType, Role, SiteView } from '@foyer/shared/contracts';
import { Mailer, OutgoingMail } from '@foyer/api/core';
import { login, registerVerified, STRONG_PASSWORD, uniqueEmail } from '../accounts/support/accounts-helpers';
import { createTestApp, TestApp, TestAppOptions } from '../test-app';

/** A real (if tiny) file of each kind, recognisable by its first bytes. */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n');
export const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(32, 1),
]);
export const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(32, 2)]);

export interface HouseholdsTestApp extends TestApp {
  documentsDir: string;
  /** Files in the documents folder. */
  storedFiles(): string[];
  sites: SiteView[];
}

export async function createHouseholdsTestApp(options: TestAppOptions = {}): Promise<HouseholdsTestApp> {
  const documentsDir = mkdtempSync(join(tmpdir(), 'foyer-documents-'));
  const t = await createTestApp({
    seed: true,
    ...options,
    env: { DOCUMENTS_DIR: documentsDir, ...options.env },
  });
  const sites = (await t.http.get('/api/sites').expect(200)).body as SiteView[];
  await fillAccountPool(t);
  return {
    ...t,
    documentsDir,
    sites,
    storedFiles: () => readdirSync(documentsDir),
    close: async () => {
      await t.close();
      rmSync(documentsDir, { recursive: true, force: true });
    },
  };
}

export interface Caller {
  id: string;
  auth: string;
}

/**
 * Accounts created up front, so that signIn stays synchronous while every id it hands out is a real
 * users row (the households tables hold foreign keys to users).
 */
const accountPools = new WeakMap<object, string[]>();

async function fillAccountPool(t: TestApp, size = 300): Promise<void> {
  const rows = (await t.dataSource.query(
    `INSERT INTO users (email, first_name, last_name, email_verified_at)
     SELECT 'compte-' || g || '-' || gen_random_uuid() || '@exemple.fr', 'Prénom' || g, 'Nom' || g, now()
       FROM generate_series(1, $1) g
     RETURNING id`,
    [size],
  )) as { id: string }[];
  accountPools.set(
    t.app,
    rows.map((r) => r.id),
  );
}

function pooledId(t: TestApp): string {
  const pool = accountPools.get(t.app);
  return pool?.shift() ?? randomUUID();
}

/** A signed-in person, with the production token format (accounts issues the same on sign-in). */
export function signIn(t: TestApp, role: Role, scopes: AgentScope[] = [], id: string = pooledId(t)): Caller {
  const token = t.app.get(JwtService).sign({ sub: id, role, scopes });
  return { id, auth: `Bearer ${token}` };
}

export const resident = (t: TestApp) => signIn(t, Role.Resident);
export const agent = (t: TestApp, ...scopes: AgentScope[]) => signIn(t, Role.Agent, scopes);

/** Captures the mails the app sends instead of queueing them. */
export function captureMails(t: TestApp): OutgoingMail[] {
  const sent: OutgoingMail[] = [];
  const fake = async (mail: OutgoingMail) => {
    sent.push(mail);
  };
  jest.spyOn(t.app.get(Mailer, { strict: false }), 'send').mockImplementation(fake);
  return sent;
}

export function upload(
  t: TestApp,
  caller: Caller,
  type: DocumentType,
  content: Buffer,
  fileName = 'justificatif.pdf',
  fields: Record<string, string> = {},
) {
  let req = t.http.post('/api/household/documents').set('Authorization', caller.auth).field('type', type);
  for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
  return req.attach('file', content, { filename: fileName, contentType: 'application/pdf' });
}

export function schoolId(t: HouseholdsTestApp, code: string): string {
  const site = t.sites.find((s) => s.code === code);
  if (!site) throw new Error(`no site ${code}`);
  return site.id;
}

export const childBody = (t: HouseholdsTestApp, overrides: Record<string, unknown> = {}) => ({
  firstName: 'Léa',
  lastName: 'Martin',
  birthDate: '2019-03-12',
  sex: 'F',
  schoolSiteId: schoolId(t, 'ecole-jean-jaures'),
  classLevel: 'CE1',
  diet: 'none',
  photoConsent: true,
  ...overrides,
});

export const contactBody = (overrides: Record<string, unknown> = {}) => ({
  firstName: 'Monique',
  lastName: 'Durand',
  phone: '06 12 34 56 78',
  relationship: 'Grand-mère',
  canPickUp: true,
  ...overrides,
});

/** A resident who really signed up, verified the address and signed in (accounts domain). */
export async function signUpResident(t: TestApp, email?: string): Promise<Caller & { email: string }> {
  const address = await registerVerified(t, email ?? uniqueEmail('famille'));
  const session = await login(t, address, STRONG_PASSWORD);
  const auth = `Bearer ${session.accessToken}`;
  const me = await t.http.get('/api/me').set('Authorization', auth).expect(200);
  return { id: me.body.id as string, auth, email: address };
}

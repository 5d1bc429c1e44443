import type { Response } from 'supertest';
import { DevMailView, REFRESH_COOKIE, RegisterRequest } from '@foyer/shared/contracts';
import type { TestApp } from '../../test-app';

let ipCounter = 0;
/** A fresh client address per call, so that per-IP limits of one test do not spill into another. */
export function nextIp(): string {
  ipCounter += 1;
  return `198.51.100.${ipCounter % 250}`;
}

let emailCounter = 0;
export function uniqueEmail(prefix = 'parent'): string {
  emailCounter += 1;
  return `${prefix}.${process.pid}.${emailCounter}.${Date.now()}@exemple.fr`;
}

export const STRONG_PASSWORD = 'Cerf-volant-bleu-42';

export function registration(email: string, overrides: Partial<RegisterRequest> = {}): RegisterRequest {
  return {
    email,
    password: STRONG_PASSWORD,
    firstName: 'Léa',
    lastName: 'Dupont',
    phone: '06 12 34 56 78',
    ...overrides,
  };
}

/**
 * Waits for a mail to `to` (matching the subject if given) to reach the outbox, polling
 * GET /api/dev/mailbox for up to `timeoutMs`: mails go through the job queue, so they arrive
 * shortly after the request that sent them.
 */
export async function waitForMail(
  t: TestApp,
  to: string,
  options: { subject?: RegExp; after?: string[]; timeoutMs?: number } = {},
): Promise<DevMailView> {
  const deadline = Date.now() + (options.timeoutMs ?? 5_000);
  for (;;) {
    const res = await t.http.get('/api/dev/mailbox').expect(200);
    const mail = (res.body as DevMailView[]).find(
      (m) =>
        m.to === to.toLowerCase() &&
        (!options.subject || options.subject.test(m.subject)) &&
        !(options.after ?? []).includes(m.id),
    );
    if (mail) return mail;
    if (Date.now() > deadline) throw new Error(`no mail to ${to} within ${options.timeoutMs ?? 5_000} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Every mail to this address now in the outbox. */
export async function mailsTo(t: TestApp, to: string): Promise<DevMailView[]> {
  const res = await t.http.get('/api/dev/mailbox').expect(200);
  return (res.body as DevMailView[]).filter((m) => m.to === to.toLowerCase());
}

export function tokenFrom(link: string): string {
  const token = new URL(link).searchParams.get('token');
  if (!token) throw new Error(`no token in ${link}`);
  return token;
}

/** The value of the refresh cookie a response set, with its attributes. */
export function refreshCookieOf(res: Response): { value: string; header: string } | undefined {
  const headers = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const header = headers.find((h) => h.startsWith(`${REFRESH_COOKIE.name}=`));
  if (!header) return undefined;
  return { value: header.slice(REFRESH_COOKIE.name.length + 1).split(';')[0], header };
}

export function refreshCookieHeader(value: string): string {
  return `${REFRESH_COOKIE.name}=${value}`;
}

/** Signs up, opens the verification link from the mail, and returns the address. */
export async function registerVerified(
  t: TestApp,
  email = uniqueEmail(),
  password = STRONG_PASSWORD,
): Promise<string> {
  await t.http
    .post('/api/auth/register')
    .set('X-Forwarded-For', nextIp())
    .send(registration(email, { password }))
    .expect(202);
  const mail = await waitForMail(t, email, { subject: /Confirmez/ });
  await t.http
    .post('/api/auth/verify-email')
    .send({ token: tokenFrom(mail.links[0]) })
    .expect(200);
  return email;
}

export async function login(
  t: TestApp,
  email: string,
  password: string,
): Promise<{ accessToken: string; refresh: string }> {
  const res = await t.http
    .post('/api/auth/login')
    .set('X-Forwarded-For', nextIp())
    .send({ email, password })
    .expect(200);
  const cookie = refreshCookieOf(res);
  if (!cookie) throw new Error('no refresh cookie');
  return { accessToken: res.body.accessToken as string, refresh: cookie.value };
}

import { randomUUID } from 'node:crypto';
import { DEMO_ACCOUNTS } from '@foyer/api/accounts';
import {
  KioskPollView,
  KioskSessionView,
  KioskSignInRequestView,
  KioskSignInStatus,
  KioskTerminalView,
  Role,
} from '@foyer/shared/contracts';
import { Caller, createHouseholdsTestApp, HouseholdsTestApp, resident, signIn } from '../households/support';

const codeOf = (request: KioskSignInRequestView) =>
  new URL(request.approveUrl).searchParams.get('code') as string;

describe('kiosk: enrolled terminals, QR sign-in from a phone, short kiosk sessions', () => {
  let t: HouseholdsTestApp;
  let admin: Caller;
  /** The demo parent signed in for real (a token with a session version), as on a phone. */
  let phone: string;
  /** The Cookie header of an enrolled terminal. */
  let terminalCookie: string;

  beforeAll(async () => {
    t = await createHouseholdsTestApp();
    admin = signIn(t, Role.Admin);
    const login = await t.http
      .post('/api/auth/login')
      .send({ email: DEMO_ACCOUNTS.parent.email, password: DEMO_ACCOUNTS.parent.password })
      .expect(200);
    phone = `Bearer ${login.body.accessToken as string}`;
    const terminal = (
      await t.http
        .post('/api/admin/kiosk/terminals')
        .set('Authorization', admin.auth)
        .send({ name: 'Mairie — hall RER' })
        .expect(201)
    ).body as KioskTerminalView;
    const token = new URL(terminal.activationUrl).searchParams.get('jeton');
    const activated = await t.http.post('/api/kiosk/terminal').send({ token }).expect(200);
    expect(activated.body).toEqual({ kiosk: true, terminalName: 'Mairie — hall RER' });
    const cookie = ([] as string[])
      .concat(activated.headers['set-cookie'] ?? [])
      .find((c) => c.startsWith('foyer_kiosk='));
    expect(cookie).toMatch(/HttpOnly/);
    terminalCookie = (cookie as string).split(';')[0];
    // The activation link works once.
    await t.http.post('/api/kiosk/terminal').send({ token }).expect(404);
  });

  afterAll(async () => {
    await t?.close();
  });

  const ask = async (): Promise<KioskSignInRequestView> =>
    (await t.http.post('/api/kiosk/sign-in-requests').set('Cookie', terminalCookie).expect(201)).body;

  const poll = (request: KioskSignInRequestView, pollSecret = request.pollSecret) =>
    t.http.post(`/api/kiosk/sign-in-requests/${request.id}/poll`).send({ pollSecret });

  const approve = (request: KioskSignInRequestView, auth = phone) =>
    t.http
      .post('/api/kiosk/sign-in-requests/approve')
      .set('Authorization', auth)
      .send({ code: codeOf(request), confirmation: request.confirmation });

  it('says which browsers are kiosks', async () => {
    expect((await t.http.get('/api/kiosk/status').expect(200)).body).toEqual({
      kiosk: false,
      terminalName: null,
    });
    expect((await t.http.get('/api/kiosk/status').set('Cookie', terminalCookie).expect(200)).body).toEqual({
      kiosk: true,
      terminalName: 'Mairie — hall RER',
    });
    // A forged cookie is no terminal.
    const forged = terminalCookie.replace(/\.[^.]+$/, '.AAAA');
    expect((await t.http.get('/api/kiosk/status').set('Cookie', forged).expect(200)).body.kiosk).toBe(false);
  });

  it('refuses a QR sign-in request from a browser that is not a kiosk', async () => {
    const res = await t.http.post('/api/kiosk/sign-in-requests').expect(403);
    expect(res.body.message).toMatch(/borne/);
  });

  it('only administrators enrol terminals', async () => {
    await t.http
      .post('/api/admin/kiosk/terminals')
      .set('Authorization', resident(t).auth)
      .send({ name: 'X' })
      .expect(403);
    await t.http.post('/api/admin/kiosk/terminals').send({ name: 'X' }).expect(401);
  });

  it('opens a short session for the approving parent, once, and the phone can end it', async () => {
    const request = await ask();
    expect(request.approveUrl).toMatch(/^http:\/\/localhost:3000\/borne\/approuver\?code=/);
    expect((await poll(request).expect(200)).body).toEqual({ status: KioskSignInStatus.Pending });

    const lookup = await t.http
      .post('/api/kiosk/sign-in-requests/lookup')
      .set('Authorization', phone)
      .send({ code: codeOf(request) })
      .expect(200);
    expect(lookup.body.terminalName).toBe('Mairie — hall RER');

    const opened = (await approve(request).expect(200)).body as KioskSessionView;
    expect(opened.terminalName).toBe('Mairie — hall RER');
    // Single use: a second approval (another phone, or the same) is refused.
    const again = await approve(request).expect(409);
    expect(again.body.message).toMatch(/déjà été utilisé/);

    const answer = (await poll(request).expect(200)).body as KioskPollView;
    expect(answer.status).toBe(KioskSignInStatus.Approved);
    expect(answer.session?.user.email).toBe(DEMO_ACCOUNTS.parent.email);
    expect(answer.session?.expiresIn).toBeLessThanOrEqual(15 * 60);
    const kiosk = `Bearer ${answer.session?.accessToken}`;
    // The session is handed out once.
    await poll(request).expect(404);

    // The kiosk sees that household only: the parent's own.
    const household = await t.http.get('/api/household').set('Authorization', kiosk).expect(200);
    expect(household.body.id).toBeDefined();

    const mine = (await t.http.get('/api/kiosk/sessions').set('Authorization', phone).expect(200))
      .body as KioskSessionView[];
    expect(mine.map((s) => s.id)).toContain(opened.id);

    // Another resident cannot end it.
    await t.http
      .post(`/api/kiosk/sessions/${opened.id}/end`)
      .set('Authorization', resident(t).auth)
      .expect(404);
    await t.http.post(`/api/kiosk/sessions/${opened.id}/end`).set('Authorization', phone).expect(204);
    await t.http.get('/api/household').set('Authorization', kiosk).expect(401);
    // The public news route reads a token too: an ended kiosk session's is refused there as well.
    await t.http.get('/api/announcements').set('Authorization', kiosk).expect(401);
    // The phone's own session goes on.
    await t.http.get('/api/household').set('Authorization', phone).expect(200);
    expect((await t.http.get('/api/kiosk/sessions').set('Authorization', phone).expect(200)).body).toEqual(
      [],
    );
  });

  it('refuses account-level changes from a kiosk session (403 in French)', async () => {
    const request = await ask();
    await approve(request).expect(200);
    const kiosk = `Bearer ${((await poll(request).expect(200)).body as KioskPollView).session?.accessToken}`;
    const password = await t.http
      .post('/api/me/password')
      .set('Authorization', kiosk)
      .send({ currentPassword: DEMO_ACCOUNTS.parent.password, newPassword: 'Un-autre-mot-de-passe-2027!' })
      .expect(403);
    expect(password.body.message).toMatch(/borne/);
    await t.http
      .post('/api/me/email')
      .set('Authorization', kiosk)
      .send({ newEmail: 'x@exemple.fr', password: 'x' })
      .expect(403);
    await t.http.post('/api/household/closure-request').set('Authorization', kiosk).expect(403);
    await t.http.post('/api/auth/logout-everywhere').set('Authorization', kiosk).expect(403);
    // Nor anything that would outlive the kiosk session: a co-guardian invited, a private calendar
    // link, the household's data exported to the terminal, a push subscription, a SEPA mandate.
    await t.http
      .post('/api/household/invitations')
      .set('Authorization', kiosk)
      .send({ email: 'intrus@exemple.fr' })
      .expect(403);
    await t.http.get('/api/household/export').set('Authorization', kiosk).expect(403);
    await t.http.post(`/api/children/${randomUUID()}/calendar-feed`).set('Authorization', kiosk).expect(403);
    await t.http
      .post('/api/account/push-subscriptions')
      .set('Authorization', kiosk)
      .send({ endpoint: 'https://push.example.com/x', keys: { p256dh: 'x', auth: 'y' } })
      .expect(403);
    await t.http.post('/api/household/mandate').set('Authorization', kiosk).send({}).expect(403);
    await t.http.delete('/api/household/mandate').set('Authorization', kiosk).expect(403);
    // Reading and everyday actions stay open.
    await t.http.get('/api/me').set('Authorization', kiosk).expect(200);
    await t.http.post('/api/kiosk/session/end').set('Authorization', kiosk).expect(204);
  });

  it('ends the session from the kiosk itself (« Terminer »)', async () => {
    const request = await ask();
    await approve(request).expect(200);
    const kiosk = `Bearer ${((await poll(request).expect(200)).body as KioskPollView).session?.accessToken}`;
    await t.http.post('/api/kiosk/session/end').set('Authorization', kiosk).expect(204);
    await t.http.get('/api/household').set('Authorization', kiosk).expect(401);
    // The phone's token is no kiosk session.
    await t.http.post('/api/kiosk/session/end').set('Authorization', phone).expect(404);
  });

  it('needs the number the kiosk shows; a wrong one spends the code (no guessing by trying)', async () => {
    const request = await ask();
    expect(request.confirmation).toBeGreaterThanOrEqual(10);
    expect(request.confirmation).toBeLessThanOrEqual(99);
    const wrong = request.confirmation === 99 ? 10 : request.confirmation + 1;
    const refused = await t.http
      .post('/api/kiosk/sign-in-requests/approve')
      .set('Authorization', phone)
      .send({ code: codeOf(request), confirmation: wrong })
      .expect(400);
    expect(refused.body.fields?.[0]?.field ?? refused.body.field).toBe('confirmation');
    expect(refused.body.message).toMatch(/ne correspond pas/);
    // The right number afterwards finds the code spent, and the kiosk gets no session.
    await approve(request).expect(409);
    expect(((await poll(request).expect(200)).body as KioskPollView).session).toBeUndefined();
    await t.http
      .post('/api/kiosk/sign-in-requests/approve')
      .set('Authorization', phone)
      .send({ code: codeOf(request) })
      .expect(400);
  });

  it('lets a code expire after 2 minutes on the clock', async () => {
    const request = await ask();
    t.clock.advance(121_000);
    const res = await approve(request).expect(400);
    expect(res.body.message).toMatch(/expiré/);
    expect((await poll(request).expect(200)).body).toEqual({ status: KioskSignInStatus.Expired });
  });

  it('answers 404 to a poll with the wrong secret, and for an unknown code', async () => {
    const request = await ask();
    await poll(request, 'x'.repeat(43)).expect(404);
    await t.http
      .post('/api/kiosk/sign-in-requests/approve')
      .set('Authorization', phone)
      .send({ code: 'y'.repeat(43), confirmation: 42 })
      .expect(404);
  });

  it('needs a signed-in parent with a household to approve', async () => {
    const request = await ask();
    await t.http
      .post('/api/kiosk/sign-in-requests/approve')
      .send({ code: codeOf(request) })
      .expect(401);
    const noHousehold = await approve(request, resident(t).auth).expect(403);
    expect(noHousehold.body.message).toMatch(/foyer/);
    await approve(request, signIn(t, Role.Agent).auth).expect(403);
    // Still usable by the parent: the refusals did not consume it.
    await approve(request).expect(200);
  });

  it('ends kiosk sessions when the parent signs out everywhere', async () => {
    const login = await t.http
      .post('/api/auth/login')
      .send({ email: DEMO_ACCOUNTS.parent.email, password: DEMO_ACCOUNTS.parent.password })
      .expect(200);
    const other = `Bearer ${login.body.accessToken as string}`;
    const request = await ask();
    await approve(request, other).expect(200);
    const kiosk = `Bearer ${((await poll(request).expect(200)).body as KioskPollView).session?.accessToken}`;
    await t.http.get('/api/household').set('Authorization', kiosk).expect(200);
    await t.http.post('/api/auth/logout-everywhere').set('Authorization', other).expect(204);
    await t.http.get('/api/household').set('Authorization', kiosk).expect(401);
  });

  it('refuses bad input in French, naming the field', async () => {
    const res = await t.http
      .post('/api/kiosk/sign-in-requests/approve')
      .set('Authorization', resident(t).auth)
      .send({ code: 12 })
      .expect(400);
    expect(JSON.stringify(res.body)).toMatch(/code/);
  });
});

describe('kiosk: KIOSK_MODE makes every browser of the deployment a terminal', () => {
  let t: HouseholdsTestApp;

  beforeAll(async () => {
    t = await createHouseholdsTestApp({ env: { KIOSK_MODE: 'true' } });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('answers kiosk to any browser, which may then ask for a QR sign-in', async () => {
    expect((await t.http.get('/api/kiosk/status').expect(200)).body).toEqual({
      kiosk: true,
      terminalName: 'Borne de Foyer-sur-Marne',
    });
    const request = (await t.http.post('/api/kiosk/sign-in-requests').expect(201))
      .body as KioskSignInRequestView;
    expect(request.pollSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(request.expiresAt) - t.clock.now().getTime()).toBe(120_000);
  });
});

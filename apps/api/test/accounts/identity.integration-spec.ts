import { MeView, Permission, REFRESH_COOKIE, SessionView } from '@foyer/shared/contracts';
import { createTestApp, TestApp } from '../test-app';
import {
  login,
  mailsTo,
  nextIp,
  refreshCookieHeader,
  refreshCookieOf,
  registerVerified,
  registration,
  STRONG_PASSWORD,
  tokenFrom,
  uniqueEmail,
  waitForMail,
} from './support/accounts-helpers';

// Booting the app (migrations, job queue) can take a few seconds on a cold embedded database.
jest.setTimeout(30_000);

describe('identity: sign-up, verification, sessions', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('runs the whole path: sign-up, mail, verify, sign in, me, refresh, logout', async () => {
    const email = uniqueEmail();
    const signUp = await t.http
      .post('/api/auth/register')
      .set('X-Forwarded-For', nextIp())
      .send(registration(email))
      .expect(202);
    expect(signUp.body.message).toMatch(/e-mail/);

    const mail = await waitForMail(t, email, { subject: /Confirmez/ });
    expect(mail.links).toHaveLength(1);
    expect(mail.links[0]).toMatch(/^http:\/\/localhost:3000\/verification-email\?token=[A-Za-z0-9_-]{43}$/);
    const stored = await t.dataSource.query(`SELECT token_hash FROM user_tokens`);
    expect(JSON.stringify(stored)).not.toContain(tokenFrom(mail.links[0]));

    await t.http
      .post('/api/auth/verify-email')
      .send({ token: tokenFrom(mail.links[0]) })
      .expect(200);

    const signIn = await t.http
      .post('/api/auth/login')
      .send({ email: email.toUpperCase(), password: STRONG_PASSWORD })
      .expect(200);
    const session = signIn.body as SessionView;
    expect(session.expiresIn).toBe(900);
    expect(session.user).toMatchObject({
      email,
      firstName: 'Léa',
      role: 'resident',
      emailVerified: true,
      phone: '0612345678',
    });
    const cookie = refreshCookieOf(signIn);
    expect(cookie?.header).toMatch(/HttpOnly/);
    expect(cookie?.header).toMatch(/SameSite=Strict/);
    expect(cookie?.header).toMatch(/Path=\/api\/auth/);
    expect(cookie?.header).not.toMatch(/Secure/);

    const me = (await t.http.get('/api/me').set('Authorization', `Bearer ${session.accessToken}`).expect(200))
      .body as MeView;
    expect(me.permissions).toEqual(expect.arrayContaining([Permission.Self, Permission.HouseholdOwn]));
    expect(me.franceConnectLinked).toBe(false);

    const refreshed = await t.http
      .post('/api/auth/refresh')
      .set('Cookie', refreshCookieHeader(cookie!.value))
      .expect(200);
    const rotated = refreshCookieOf(refreshed);
    expect(rotated?.value).toBeDefined();
    expect(rotated?.value).not.toBe(cookie!.value);
    expect((refreshed.body as SessionView).user.id).toBe(me.id);

    const logout = await t.http
      .post('/api/auth/logout')
      .set('Cookie', refreshCookieHeader(rotated!.value))
      .expect(204);
    expect(String(logout.headers['set-cookie'])).toMatch(new RegExp(`${REFRESH_COOKIE.name}=;`));
    const after = await t.http
      .post('/api/auth/refresh')
      .set('Cookie', refreshCookieHeader(rotated!.value))
      .expect(401);
    expect(after.body.message).toBe('Votre session a expiré. Veuillez vous reconnecter.');
  });

  it('answers a refresh without any cookie with 204: a visitor not signed in is not an error', async () => {
    const res = await t.http.post('/api/auth/refresh').expect(204);
    expect(res.body).toEqual({});
    await t.http.post('/api/auth/refresh').set('Cookie', refreshCookieHeader('forged-token')).expect(401);
  });

  it('refuses sign-in before verification and offers to resend the link', async () => {
    const email = uniqueEmail();
    await t.http
      .post('/api/auth/register')
      .set('X-Forwarded-For', nextIp())
      .send(registration(email))
      .expect(202);
    const first = await waitForMail(t, email, { subject: /Confirmez/ });

    const refused = await t.http
      .post('/api/auth/login')
      .send({ email, password: STRONG_PASSWORD })
      .expect(403);
    expect(refused.body.message).toMatch(/pas encore confirmée/);
    expect(refused.body.message).toMatch(/« Renvoyer le lien »/);
    expect(refused.body.code).toBe('email_not_verified');

    const resend = await t.http
      .post('/api/auth/resend-verification')
      .set('X-Forwarded-For', nextIp())
      .send({ email })
      .expect(202);
    const unknown = await t.http
      .post('/api/auth/resend-verification')
      .set('X-Forwarded-For', nextIp())
      .send({ email: uniqueEmail('nobody') })
      .expect(202);
    expect(unknown.body).toEqual(resend.body);

    const second = await waitForMail(t, email, { subject: /Confirmez/, after: [first.id] });
    // The first link was replaced by the second.
    await t.http
      .post('/api/auth/verify-email')
      .send({ token: tokenFrom(first.links[0]) })
      .expect(400);
    await t.http
      .post('/api/auth/verify-email')
      .send({ token: tokenFrom(second.links[0]) })
      .expect(200);
    await t.http.post('/api/auth/login').send({ email, password: STRONG_PASSWORD }).expect(200);
  });

  it('refuses a verification link used twice or expired', async () => {
    const email = uniqueEmail();
    await t.http
      .post('/api/auth/register')
      .set('X-Forwarded-For', nextIp())
      .send(registration(email))
      .expect(202);
    const mail = await waitForMail(t, email, { subject: /Confirmez/ });
    const token = tokenFrom(mail.links[0]);
    await t.http.post('/api/auth/verify-email').send({ token }).expect(200);
    const reused = await t.http.post('/api/auth/verify-email').send({ token }).expect(400);
    expect(reused.body.fields).toEqual([
      { field: 'token', messages: [expect.stringMatching(/a déjà servi ou a expiré/)] },
    ]);

    const other = uniqueEmail();
    await t.http
      .post('/api/auth/register')
      .set('X-Forwarded-For', nextIp())
      .send(registration(other))
      .expect(202);
    const otherMail = await waitForMail(t, other, { subject: /Confirmez/ });
    // Token lifetimes run on real time: age the row instead of waiting 24 hours.
    await t.dataSource.query(
      `UPDATE user_tokens SET expires_at = now() - interval '1 second'
       WHERE user_id = (SELECT id FROM users WHERE email = $1)`,
      [other],
    );
    await t.http
      .post('/api/auth/verify-email')
      .send({ token: tokenFrom(otherMail.links[0]) })
      .expect(400);
    await t.http.post('/api/auth/login').send({ email: other, password: STRONG_PASSWORD }).expect(403);
  });

  it('answers a sign-up with a known e-mail the same way, and warns its owner with a reset link', async () => {
    const email = await registerVerified(t);
    const again = await t.http
      .post('/api/auth/register')
      .set('X-Forwarded-For', nextIp())
      .send(registration(email.toUpperCase(), { password: 'Un-autre-mot-de-passe-9' }))
      .expect(202);
    const fresh = await t.http
      .post('/api/auth/register')
      .set('X-Forwarded-For', nextIp())
      .send(registration(uniqueEmail()))
      .expect(202);
    expect(again.body).toEqual(fresh.body);
    const warning = await waitForMail(t, email, { subject: /Tentative/ });
    expect(warning.links[0]).toMatch(/\/reinitialisation\?token=/);
    // The original password still works: nothing was overwritten.
    await login(t, email, STRONG_PASSWORD);
  });

  it('gives an unverified account to whoever signs up last: the first password and link stop working', async () => {
    const email = uniqueEmail('convoitee');
    const attackerPassword = 'Mot-de-passe-du-squatteur-1';
    const ownerPassword = 'Mot-de-passe-du-titulaire-2';
    // Someone registers the address first and never confirms it.
    await t.http
      .post('/api/auth/register')
      .set('X-Forwarded-For', nextIp())
      .send(registration(email, { password: attackerPassword, firstName: 'Intrus', phone: '0700000000' }))
      .expect(202);
    const first = await waitForMail(t, email, { subject: /Confirmez/ });
    // The owner of the mailbox signs up with their own password and names.
    await t.http
      .post('/api/auth/register')
      .set('X-Forwarded-For', nextIp())
      .send(registration(email, { password: ownerPassword, firstName: 'Camille', lastName: 'Roux' }))
      .expect(202);
    const second = await waitForMail(t, email, { subject: /Confirmez/, after: [first.id] });

    await t.http
      .post('/api/auth/verify-email')
      .send({ token: tokenFrom(first.links[0]) })
      .expect(400);
    await t.http
      .post('/api/auth/verify-email')
      .send({ token: tokenFrom(second.links[0]) })
      .expect(200);
    await t.http.post('/api/auth/login').send({ email, password: attackerPassword }).expect(401);
    const { accessToken } = await login(t, email, ownerPassword);
    const me = (await t.http.get('/api/me').set('Authorization', `Bearer ${accessToken}`).expect(200))
      .body as MeView;
    expect(me).toMatchObject({ firstName: 'Camille', lastName: 'Roux', phone: '0612345678' });
  });

  it('does not let a sign-up set a password on an agent invited but not yet active', async () => {
    const [agent] = await t.dataSource.query(
      `INSERT INTO users (email, first_name, last_name, role) VALUES ($1, 'Agnès', 'Martin', 'agent')
       RETURNING id`,
      [uniqueEmail('agent-invite')],
    );
    const [{ email }] = await t.dataSource.query(`SELECT email FROM users WHERE id = $1`, [agent.id]);
    await t.http
      .post('/api/auth/register')
      .set('X-Forwarded-For', nextIp())
      .send(registration(email, { password: 'Mot-de-passe-du-squatteur-3' }))
      .expect(202);
    const [row] = await t.dataSource.query(`SELECT password_hash, first_name FROM users WHERE id = $1`, [
      agent.id,
    ]);
    expect(row).toEqual({ password_hash: null, first_name: 'Agnès' });
  });

  it('gives parallel refreshes of one token the same successor (two tabs), without signing out', async () => {
    const email = await registerVerified(t);
    const { refresh: first } = await login(t, email, STRONG_PASSWORD);
    // Widens the race: reading accounts waits until this transaction ends, so the refreshes pile up
    // behind the first rotation. (The embedded database runs one transaction at a time.)
    const blocker = t.dataSource.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    await blocker.query('LOCK TABLE users IN ACCESS EXCLUSIVE MODE');
    const answers = Array.from({ length: 2 }, () =>
      t.http
        .post('/api/auth/refresh')
        .set('Cookie', refreshCookieHeader(first))
        .then((res) => res),
    );
    const settled = Promise.all(answers.map((a) => a.then(() => undefined)));
    await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, 500))]);
    await blocker.commitTransaction();
    await blocker.release();
    const responses = await Promise.all(answers);
    expect(responses.map((r) => r.status)).toEqual([200, 200]);
    const issued = responses.map((r) => refreshCookieOf(r)?.value);
    expect(issued[0]).toBeDefined();
    expect(issued[1]).toBe(issued[0]);
    // One live successor, and the session goes on.
    const [row] = await t.dataSource.query(
      `SELECT count(*)::int AS live FROM refresh_tokens
       WHERE user_id = (SELECT id FROM users WHERE email = $1) AND revoked_at IS NULL AND used_at IS NULL`,
      [email],
    );
    expect(row.live).toBe(1);
    await t.http
      .post('/api/auth/refresh')
      .set('Cookie', refreshCookieHeader(issued[0] as string))
      .expect(200);
  });

  it('revokes the family when a rotated token is replayed after the grace window', async () => {
    const email = await registerVerified(t);
    const { refresh: first } = await login(t, email, STRONG_PASSWORD);
    const second = refreshCookieOf(
      await t.http.post('/api/auth/refresh').set('Cookie', refreshCookieHeader(first)).expect(200),
    )!.value;
    // The rotation happened a minute ago (token lifetimes use real time: the row is aged instead).
    await t.dataSource.query(
      `UPDATE refresh_tokens SET used_at = used_at - interval '1 minute'
       WHERE user_id = (SELECT id FROM users WHERE email = $1) AND used_at IS NOT NULL`,
      [email],
    );
    await t.http.post('/api/auth/refresh').set('Cookie', refreshCookieHeader(first)).expect(401);
    await t.http.post('/api/auth/refresh').set('Cookie', refreshCookieHeader(second)).expect(401);
  });

  it('rotates refresh tokens and revokes the whole family when an old one is reused', async () => {
    const email = await registerVerified(t);
    const { refresh: first } = await login(t, email, STRONG_PASSWORD);
    const second = refreshCookieOf(
      await t.http.post('/api/auth/refresh').set('Cookie', refreshCookieHeader(first)).expect(200),
    )!.value;
    const third = refreshCookieOf(
      await t.http.post('/api/auth/refresh').set('Cookie', refreshCookieHeader(second)).expect(200),
    )!.value;

    // A thief replays the first token: refused, and the family is revoked.
    await t.http.post('/api/auth/refresh').set('Cookie', refreshCookieHeader(first)).expect(401);
    // The legitimate newest token stops working too.
    await t.http.post('/api/auth/refresh').set('Cookie', refreshCookieHeader(third)).expect(401);

    // Another sign-in (another family) is unaffected by that revocation.
    const { refresh: other } = await login(t, email, STRONG_PASSWORD);
    await t.http.post('/api/auth/refresh').set('Cookie', refreshCookieHeader(other)).expect(200);
  });

  it('signs out every device', async () => {
    const email = await registerVerified(t);
    const phone = await login(t, email, STRONG_PASSWORD);
    const laptop = await login(t, email, STRONG_PASSWORD);
    await t.http
      .post('/api/auth/logout-everywhere')
      .set('Authorization', `Bearer ${laptop.accessToken}`)
      .expect(204);
    await t.http.post('/api/auth/refresh').set('Cookie', refreshCookieHeader(phone.refresh)).expect(401);
    await t.http.post('/api/auth/refresh').set('Cookie', refreshCookieHeader(laptop.refresh)).expect(401);
    await t.http.post('/api/auth/logout-everywhere').expect(401);
    // Both access tokens end on their next request (session version), not when they expire.
    for (const device of [phone, laptop]) {
      await t.http.get('/api/me').set('Authorization', `Bearer ${device.accessToken}`).expect(401);
    }
  });

  it('resets a forgotten password with a single-use link and ends every session', async () => {
    const email = await registerVerified(t);
    const before = await login(t, email, STRONG_PASSWORD);
    const known = await t.http
      .post('/api/auth/forgot-password')
      .set('X-Forwarded-For', nextIp())
      .send({ email })
      .expect(202);
    const unknown = await t.http
      .post('/api/auth/forgot-password')
      .set('X-Forwarded-For', nextIp())
      .send({ email: uniqueEmail('nobody') })
      .expect(202);
    expect(unknown.body).toEqual(known.body);

    const mail = await waitForMail(t, email, { subject: /Réinitialisation/ });
    expect(mail.links[0]).toMatch(/^http:\/\/localhost:3000\/reinitialisation\?token=/);
    const token = tokenFrom(mail.links[0]);
    const weak = await t.http
      .post('/api/auth/reset-password')
      .send({ token, password: 'Qwerty123456' })
      .expect(400);
    expect(weak.body.fields).toEqual([
      { field: 'password', messages: [expect.stringMatching(/trop courant/)] },
    ]);

    await t.http
      .post('/api/auth/reset-password')
      .send({ token, password: 'Nouveau-mot-de-passe-7' })
      .expect(200);
    await t.http
      .post('/api/auth/reset-password')
      .send({ token, password: 'Encore-un-autre-mot-8' })
      .expect(400);
    await t.http.post('/api/auth/refresh').set('Cookie', refreshCookieHeader(before.refresh)).expect(401);
    await t.http.post('/api/auth/login').send({ email, password: STRONG_PASSWORD }).expect(401);
    await login(t, email, 'Nouveau-mot-de-passe-7');
  });

  it('changes the password, keeping only the current session', async () => {
    const email = await registerVerified(t);
    const other = await login(t, email, STRONG_PASSWORD);
    const current = await login(t, email, STRONG_PASSWORD);
    const auth = `Bearer ${current.accessToken}`;
    const wrong = await t.http
      .post('/api/me/password')
      .set('Authorization', auth)
      .send({ currentPassword: 'pas-le-bon-mot-de-passe', newPassword: 'Changement-reussi-2027' })
      .expect(400);
    expect(wrong.body.fields).toEqual([
      { field: 'currentPassword', messages: ['Le mot de passe est incorrect.'] },
    ]);
    await t.http
      .post('/api/me/password')
      .set('Authorization', auth)
      .send({ currentPassword: STRONG_PASSWORD, newPassword: 'Changement-reussi-2027' })
      .expect(200);
    await t.http.post('/api/auth/refresh').set('Cookie', refreshCookieHeader(other.refresh)).expect(401);
    // The other device's access token stops working on its next request, not 15 minutes later.
    await t.http.get('/api/me').set('Authorization', `Bearer ${other.accessToken}`).expect(401);
    // This device refreshes (its refresh token was kept) and goes on with the new session version.
    const renewed = await t.http
      .post('/api/auth/refresh')
      .set('Cookie', refreshCookieHeader(current.refresh))
      .expect(200);
    await t.http.get('/api/me').set('Authorization', `Bearer ${renewed.body.accessToken}`).expect(200);
    await login(t, email, 'Changement-reussi-2027');
  });

  it('changes the e-mail only once the new address is confirmed', async () => {
    const email = await registerVerified(t);
    const { accessToken } = await login(t, email, STRONG_PASSWORD);
    const auth = `Bearer ${accessToken}`;
    const newEmail = uniqueEmail('nouvelle');
    await t.http
      .post('/api/me/email')
      .set('Authorization', auth)
      .send({ newEmail, password: STRONG_PASSWORD })
      .expect(202);
    const mail = await waitForMail(t, newEmail, { subject: /nouvelle adresse/ });
    expect(mail.links[0]).toMatch(/\/verification-email\?token=/);
    await waitForMail(t, email, { subject: /Changement d’adresse/ });
    expect((await t.http.get('/api/me').set('Authorization', auth).expect(200)).body.email).toBe(email);

    await t.http
      .post('/api/auth/verify-email')
      .send({ token: tokenFrom(mail.links[0]) })
      .expect(200);
    expect((await t.http.get('/api/me').set('Authorization', auth).expect(200)).body.email).toBe(newEmail);
    await login(t, newEmail, STRONG_PASSWORD);
    await t.http.post('/api/auth/login').send({ email, password: STRONG_PASSWORD }).expect(401);
    expect(await mailsTo(t, newEmail)).toHaveLength(1);
  });

  it('issues a link only with its mail: when the mail cannot be queued, no link exists', async () => {
    const email = await registerVerified(t);
    const { accessToken } = await login(t, email, STRONG_PASSWORD);
    const newEmail = uniqueEmail('refusee');
    const [{ id }] = await t.dataSource.query(`SELECT id FROM users WHERE email = $1`, [email]);
    // The mail to the new address fails to be written (a check violation, as a full disk would not be).
    await t.dataSource.query(`
      CREATE FUNCTION refuse_mail() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.address = '${newEmail}' THEN RAISE EXCEPTION 'refused' USING ERRCODE = '23514'; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER refuse_mail BEFORE INSERT ON notification_messages
        FOR EACH ROW EXECUTE FUNCTION refuse_mail();`);
    try {
      await t.http
        .post('/api/me/email')
        .set('Authorization', `Bearer ${accessToken}`)
        .send({ newEmail, password: STRONG_PASSWORD })
        .expect(400);
    } finally {
      await t.dataSource.query(
        `DROP TRIGGER refuse_mail ON notification_messages; DROP FUNCTION refuse_mail();`,
      );
    }
    const tokens = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM user_tokens WHERE user_id = $1 AND purpose = 'change_email'`,
      [id],
    );
    expect(tokens[0].n).toBe(0);
    expect(await mailsTo(t, newEmail)).toHaveLength(0);
  });

  it('creates exactly one account from 20 concurrent sign-ups with the same e-mail', async () => {
    const email = uniqueEmail('concurrent');
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.http
          .post('/api/auth/register')
          .set('X-Forwarded-For', `203.0.113.${i + 1}`)
          .send(registration(i % 2 ? email.toUpperCase() : email)),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(202));
    expect(new Set(answers.map((a) => a.body.message)).size).toBe(1);
    const rows = await t.dataSource.query(`SELECT count(*)::int AS n FROM users WHERE lower(email) = $1`, [
      email,
    ]);
    expect(rows[0].n).toBe(1);
  });
});

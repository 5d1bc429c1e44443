import { AccountsService, DEMO_ACCOUNTS, seedAccounts } from '@foyer/api/accounts';
import { AgentScope, AgentView, AuditEntryView, MeView, Permission } from '@foyer/shared/contracts';
import { createTestApp, TestApp } from '../test-app';
import {
  login,
  nextIp,
  refreshCookieHeader,
  tokenFrom,
  uniqueEmail,
  waitForMail,
} from './support/accounts-helpers';

jest.setTimeout(30_000);

describe('roles, agents and permissions', () => {
  let t: TestApp;
  let admin: string;
  let agent: string;
  let parent: string;

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    admin = `Bearer ${(await login(t, DEMO_ACCOUNTS.admin.email, DEMO_ACCOUNTS.admin.password)).accessToken}`;
    agent = `Bearer ${(await login(t, DEMO_ACCOUNTS.agent.email, DEMO_ACCOUNTS.agent.password)).accessToken}`;
    parent = `Bearer ${(await login(t, DEMO_ACCOUNTS.parent.email, DEMO_ACCOUNTS.parent.password)).accessToken}`;
  });
  afterAll(() => t.close());

  it('seeds the demo accounts with their roles and scopes', async () => {
    const me = (await t.http.get('/api/me').set('Authorization', agent).expect(200)).body as MeView;
    expect(me).toMatchObject({
      role: 'agent',
      scopes: ['enfance', 'facturation', 'demarches'],
      emailVerified: true,
    });
    expect(me.permissions).toContain(Permission.QuotientValidate);
    expect(me.permissions).not.toContain(Permission.AgentsManage);
    const adminMe = (await t.http.get('/api/me').set('Authorization', admin).expect(200)).body as MeView;
    expect(adminMe.permissions).toEqual(
      expect.arrayContaining([Permission.AgentsManage, Permission.AuditRead]),
    );
  });

  it('seeds idempotently: a second run changes nothing, not even the password hashes', async () => {
    const snapshot = () =>
      t.dataSource.query(
        `SELECT id, email, password_hash, role, scopes, updated_at FROM users ORDER BY email`,
      );
    const before = await snapshot();
    await seedAccounts(t.dataSource);
    expect(await snapshot()).toEqual(before);
  });

  it('answers 401 without a token or with a bad one, 403 to residents and agents on admin routes', async () => {
    const none = await t.http.get('/api/admin/agents').expect(401);
    expect(none.body.message).toBe('Veuillez vous connecter.');
    const bad = await t.http.get('/api/admin/agents').set('Authorization', 'Bearer abc.def.ghi').expect(401);
    expect(bad.body.message).toBe('Votre session a expiré. Veuillez vous reconnecter.');
    await t.http.get('/api/me').expect(401);

    for (const who of [agent, parent]) {
      await t.http.get('/api/admin/agents').set('Authorization', who).expect(403);
      await t.http
        .post('/api/admin/agents')
        .set('Authorization', who)
        .send({ email: uniqueEmail('x'), firstName: 'X', lastName: 'Y', scopes: [] })
        .expect(403);
      await t.http
        .patch('/api/admin/agents/00000000-0000-4000-8000-000000000000')
        .set('Authorization', who)
        .send({ active: false })
        .expect(403);
      await t.http.get('/api/admin/audit').set('Authorization', who).expect(403);
    }
  });

  it('creates an agent who sets a password from the invitation and signs in', async () => {
    const email = uniqueEmail('agent');
    const created = await t.http
      .post('/api/admin/agents')
      .set('Authorization', admin)
      .send({ email, firstName: 'Nadia', lastName: 'Roux', scopes: [AgentScope.Enfance] })
      .expect(201);
    expect(created.body).toMatchObject({ email, role: 'agent', scopes: ['enfance'], active: true });
    await t.http
      .post('/api/admin/agents')
      .set('Authorization', admin)
      .send({ email: email.toUpperCase(), firstName: 'Nadia', lastName: 'Roux', scopes: [] })
      .expect(409);

    const invitation = await waitForMail(t, email, { subject: /accès agent/ });
    expect(invitation.links[0]).toMatch(/\/reinitialisation\?token=/);
    const [token] = await t.dataSource.query(
      `SELECT expires_at - created_at > interval '6 days 23 hours' AS week FROM user_tokens WHERE user_id = $1`,
      [created.body.id],
    );
    expect(token.week).toBe(true);
    await t.http
      .post('/api/auth/reset-password')
      .send({ token: tokenFrom(invitation.links[0]), password: 'Agent-Nadia-2027!' })
      .expect(200);
    const session = await login(t, email, 'Agent-Nadia-2027!');
    const me = (await t.http.get('/api/me').set('Authorization', `Bearer ${session.accessToken}`).expect(200))
      .body as MeView;
    expect(me.permissions).toContain(Permission.HouseholdsEdit);
    expect(me.permissions).not.toContain(Permission.QuotientValidate);

    const agents = (await t.http.get('/api/admin/agents').set('Authorization', admin).expect(200))
      .body as AgentView[];
    expect(agents.map((a) => a.email)).toEqual(
      expect.arrayContaining([email, DEMO_ACCOUNTS.agent.email, DEMO_ACCOUNTS.admin.email]),
    );
    expect(agents.map((a) => a.email)).not.toContain(DEMO_ACCOUNTS.parent.email);
  });

  it('changes scopes and deactivates an agent, recording each change in the audit log', async () => {
    const email = uniqueEmail('agent');
    const created = (
      await t.http
        .post('/api/admin/agents')
        .set('Authorization', admin)
        .send({ email, firstName: 'Paul', lastName: 'Lemoine', scopes: [AgentScope.Demarches] })
        .expect(201)
    ).body as AgentView;
    const invitation = await waitForMail(t, email, { subject: /accès agent/ });
    await t.http
      .post('/api/auth/reset-password')
      .send({ token: tokenFrom(invitation.links[0]), password: 'Agent-Paul-2027!!' })
      .expect(200);
    const session = await login(t, email, 'Agent-Paul-2027!!');

    const scoped = await t.http
      .patch(`/api/admin/agents/${created.id}`)
      .set('Authorization', admin)
      .send({ scopes: [AgentScope.Facturation, AgentScope.Demarches] })
      .expect(200);
    expect(scoped.body.scopes).toEqual(['facturation', 'demarches']);
    // The token that carried the old scopes ends on its next request (its sessions were ended):
    // signing in again brings the new scopes.
    await t.http.get('/api/me').set('Authorization', `Bearer ${session.accessToken}`).expect(401);
    const again = await login(t, email, 'Agent-Paul-2027!!');
    const agentAuth = `Bearer ${again.accessToken}`;
    await t.http.get('/api/agent/quotients').set('Authorization', agentAuth).expect(200);

    await t.http
      .patch(`/api/admin/agents/${created.id}`)
      .set('Authorization', admin)
      .send({ active: false })
      .expect(200);
    // The deactivated agent's access token is refused on the very next request.
    await t.http.get('/api/me').set('Authorization', agentAuth).expect(401);
    const refused = await t.http
      .post('/api/auth/login')
      .set('X-Forwarded-For', nextIp())
      .send({ email, password: 'Agent-Paul-2027!!' })
      .expect(403);
    expect(refused.body.message).toMatch(/désactivé/);
    await t.http.post('/api/auth/refresh').set('Cookie', refreshCookieHeader(session.refresh)).expect(401);

    const audit = (await t.http.get('/api/admin/audit?limit=50').set('Authorization', admin).expect(200))
      .body as AuditEntryView[];
    const mine = audit.filter((e) => e.entityId === created.id);
    expect(mine.map((e) => e.action)).toEqual(['agent.status.update', 'agent.scopes.update', 'agent.create']);
    expect(mine[1].details).toEqual({
      scopes: { before: ['demarches'], after: ['facturation', 'demarches'] },
    });
    expect(mine[0].details).toEqual({ active: { before: true, after: false } });

    await t.http
      .patch(
        `/api/admin/agents/${(await t.app.get(AccountsService).findByEmail(DEMO_ACCOUNTS.parent.email))!.id}`,
      )
      .set('Authorization', admin)
      .send({ active: false })
      .expect(404);
  });

  it('lets other domains look accounts up and close one (RGPD)', async () => {
    const accounts = t.app.get(AccountsService);
    const demoParent = await accounts.findByEmail(DEMO_ACCOUNTS.parent.email.toUpperCase());
    expect(demoParent).toMatchObject({
      email: DEMO_ACCOUNTS.parent.email,
      firstName: 'Camille',
      role: 'resident',
    });
    expect(Object.keys(demoParent!).sort()).toEqual([
      'email',
      'firstName',
      'id',
      'lastName',
      'phone',
      'role',
    ]);
    expect(await accounts.findById(demoParent!.id)).toEqual(demoParent);
    expect((await accounts.findByIds([demoParent!.id, demoParent!.id])).map((a) => a.id)).toEqual([
      demoParent!.id,
    ]);

    const email = uniqueEmail('rgpd');
    await t.http
      .post('/api/admin/agents')
      .set('Authorization', admin)
      .send({ email, firstName: 'Zoé', lastName: 'Blanc', scopes: [] })
      .expect(201);
    const invitation = await waitForMail(t, email, { subject: /accès agent/ });
    await t.http
      .post('/api/auth/reset-password')
      .send({ token: tokenFrom(invitation.links[0]), password: 'Zoe-Blanc-2027!!' })
      .expect(200);
    const session = await login(t, email, 'Zoe-Blanc-2027!!');
    const closing = (await accounts.findByEmail(email))!;

    await accounts.anonymise(closing.id);
    const after = await accounts.findById(closing.id);
    expect(after).toMatchObject({ firstName: 'Anonyme', lastName: '', phone: null });
    expect(after!.email).not.toBe(email);
    expect(await accounts.findByEmail(email)).toBeNull();
    await t.http.post('/api/auth/refresh').set('Cookie', refreshCookieHeader(session.refresh)).expect(401);
    await t.http
      .post('/api/auth/login')
      .set('X-Forwarded-For', nextIp())
      .send({ email, password: 'Zoe-Blanc-2027!!' })
      .expect(401);
  });
});

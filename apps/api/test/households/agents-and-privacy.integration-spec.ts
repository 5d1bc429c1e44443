import { AgentScope, AuditEntryView, DocumentType, HouseholdView } from '@foyer/shared/contracts';
import { DEMO_ACCOUNTS } from '@foyer/api/accounts';
import { login, waitForMail } from '../accounts/support/accounts-helpers';
import { seedDemo } from '../../src/seed';
import {
  agent,
  Caller,
  childBody,
  contactBody,
  createHouseholdsTestApp,
  HouseholdsTestApp,
  PDF,
  schoolId,
  signUpResident,
  upload,
} from './support';

describe('households: demo seed, second guardian, agents, audit, RGPD', () => {
  let t: HouseholdsTestApp;
  let demoAgent: Caller;

  const view = async (caller: Caller): Promise<HouseholdView> =>
    (await t.http.get('/api/household').set('Authorization', caller.auth).expect(200)).body;

  beforeAll(async () => {
    t = await createHouseholdsTestApp();
    const session = await login(t, DEMO_ACCOUNTS.agent.email, DEMO_ACCOUNTS.agent.password);
    const me = await t.http.get('/api/me').set('Authorization', `Bearer ${session.accessToken}`).expect(200);
    demoAgent = { id: me.body.id, auth: `Bearer ${session.accessToken}` };
  });
  afterAll(() => t.close());

  describe('the demo family', () => {
    let parent: Caller;

    beforeAll(async () => {
      const session = await login(t, DEMO_ACCOUNTS.parent.email, DEMO_ACCOUNTS.parent.password);
      parent = { id: '', auth: `Bearer ${session.accessToken}` };
    });

    it('lives in the demo commune with two children in two schools, a contact and a validated QF', async () => {
      const household = await view(parent);
      expect(household.address).toMatchObject({
        postalCode: '94999',
        city: 'Foyer-sur-Marne',
        inCommune: true,
      });
      expect(household.guardians).toEqual([
        expect.objectContaining({
          email: DEMO_ACCOUNTS.parent.email,
          firstName: DEMO_ACCOUNTS.parent.firstName,
          rank: 1,
        }),
      ]);
      expect(household.children.map((c) => c.schoolSiteId).sort()).toEqual(
        [schoolId(t, 'ecole-jean-jaures'), schoolId(t, 'ecole-victor-hugo')].sort(),
      );
      expect(household.contacts).toHaveLength(1);
      expect(household.currentQuotient).toMatchObject({
        value: 850,
        status: 'validated',
        effectiveFrom: '2026-09-01',
      });
    });

    it('is seeded once however often the seed runs', async () => {
      await seedDemo(t.dataSource);
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM children`);
      expect(n).toBe(2);
    });

    it('is found by agents by child name without accents or case, and by e-mail', async () => {
      const household = await view(parent);
      for (const q of ['lea', 'LÉA DUR', 'durand hugo', DEMO_ACCOUNTS.parent.email]) {
        const res = await t.http
          .get(`/api/agent/households?q=${encodeURIComponent(q)}`)
          .set('Authorization', demoAgent.auth)
          .expect(200);
        expect(res.body.map((s: { id: string }) => s.id)).toContain(household.id);
      }
      const res = await t.http
        .get('/api/agent/households?q=lea')
        .set('Authorization', demoAgent.auth)
        .expect(200);
      expect(res.body.find((s: { id: string }) => s.id === household.id)).toMatchObject({
        emails: [DEMO_ACCOUNTS.parent.email],
        childNames: expect.arrayContaining(['Léa Durand', 'Hugo Durand']),
      });
      const none = await t.http
        .get('/api/agent/households?q=zzzz')
        .set('Authorization', demoAgent.auth)
        .expect(200);
      expect(none.body).toEqual([]);
    });
  });

  describe('a second guardian', () => {
    let first: Caller & { email: string };
    let second: Caller & { email: string };

    it('is invited by e-mail and joins the same household', async () => {
      first = await signUpResident(t);
      const child = (
        await t.http
          .post('/api/household/children')
          .set('Authorization', first.auth)
          .send(childBody(t))
          .expect(201)
      ).body;
      const invitedEmail = `second.${Date.now()}@exemple.fr`;
      const invited = await t.http
        .post('/api/household/invitations')
        .set('Authorization', first.auth)
        .send({ email: invitedEmail })
        .expect(201);
      expect(invited.body.pendingInvitationEmail).toBe(invitedEmail);
      const mail = await waitForMail(t, invitedEmail, { subject: /Invitation/ });
      const link = mail.links.find((l) => l.includes('/famille/rejoindre?token='));
      expect(link).toBeDefined();
      const token = new URL(link as string).searchParams.get('token') as string;

      second = await signUpResident(t, invitedEmail);
      // Their first visit created an empty household: joining replaces it.
      await view(second);
      const joined = await t.http
        .post('/api/household/invitations/accept')
        .set('Authorization', second.auth)
        .send({ token })
        .expect(200);
      const firstView = await view(first);
      expect(joined.body.id).toBe(firstView.id);
      expect(firstView.guardians.map((g) => [g.rank, g.userId])).toEqual([
        [1, first.id],
        [2, second.id],
      ]);
      expect(firstView.pendingInvitationEmail).toBeNull();
      // Both act on the same household.
      await t.http
        .patch(`/api/household/children/${child.id}`)
        .set('Authorization', second.auth)
        .send({ allergies: 'Kiwi' })
        .expect(200);
      expect((await view(first)).children[0].allergies).toBe('Kiwi');
      // The token is spent.
      await t.http
        .post('/api/household/invitations/accept')
        .set('Authorization', second.auth)
        .send({ token })
        .expect(400);
    });

    it('cannot be followed by a third', async () => {
      const res = await t.http
        .post('/api/household/invitations')
        .set('Authorization', first.auth)
        .send({ email: 'troisieme@exemple.fr' })
        .expect(409);
      expect(res.body.message).toBe('Ce foyer a déjà deux responsables légaux.');
    });
  });

  describe('agents acting for a family', () => {
    let family: Caller & { email: string };
    let household: HouseholdView;

    beforeAll(async () => {
      family = await signUpResident(t);
      await t.http
        .post('/api/household/children')
        .set('Authorization', family.auth)
        .send(childBody(t, { firstName: 'Éloïse' }))
        .expect(201);
      household = await view(family);
    });

    it('records the agent as the author of a change to a child, with before and after', async () => {
      const enfance = agent(t, AgentScope.Enfance);
      const childId = household.children[0].id;
      const res = await t.http
        .patch(`/api/agent/households/${household.id}/children/${childId}`)
        .set('Authorization', enfance.auth)
        .send({ classLevel: 'CM1', allergies: 'Arachide' })
        .expect(200);
      expect(res.body).toMatchObject({ classLevel: 'CM1', allergies: 'Arachide' });
      const audit: AuditEntryView[] = (
        await t.http
          .get(`/api/agent/households/${household.id}/audit`)
          .set('Authorization', agent(t, AgentScope.Demarches).auth)
          .expect(200)
      ).body;
      const entry = audit.find((e) => e.action === 'child.update');
      expect(entry).toMatchObject({
        actorId: enfance.id,
        actorLabel: 'agent',
        entity: 'child',
        entityId: childId,
        householdId: household.id,
        details: {
          classLevel: { before: 'CE1', after: 'CM1' },
          allergies: { before: null, after: 'Arachide' },
        },
      });
      expect(audit.find((e) => e.action === 'child.create')).toMatchObject({
        actorId: family.id,
        actorLabel: 'resident',
      });
    });

    it('lets enfance agents edit the address and contacts, and nobody without the permission', async () => {
      const enfance = agent(t, AgentScope.Enfance);
      await t.http
        .patch(`/api/agent/households/${household.id}/address`)
        .set('Authorization', enfance.auth)
        .send({ line1: '3 quai Blanqui', postalCode: '94140', city: 'Alfortville' })
        .expect(200);
      const contact = await t.http
        .post(`/api/agent/households/${household.id}/contacts`)
        .set('Authorization', enfance.auth)
        .send(contactBody())
        .expect(201);
      await t.http
        .delete(`/api/agent/households/${household.id}/contacts/${contact.body.id}`)
        .set('Authorization', enfance.auth)
        .expect(204);
      const demarches = agent(t, AgentScope.Demarches);
      await t.http
        .patch(`/api/agent/households/${household.id}/children/${household.children[0].id}`)
        .set('Authorization', demarches.auth)
        .send({ allergies: null })
        .expect(403);
      const audit: AuditEntryView[] = (
        await t.http
          .get(`/api/agent/households/${household.id}/audit`)
          .set('Authorization', enfance.auth)
          .expect(200)
      ).body;
      expect(
        audit
          .filter((e) => e.actorId === enfance.id)
          .map((e) => e.action)
          .sort(),
      ).toEqual(['contact.create', 'contact.delete', 'household.address.update']);
    });

    it('answers 404 for a child of another household, even to an agent', async () => {
      const other = (
        await t.http.get('/api/agent/households?q=').set('Authorization', demoAgent.auth).expect(200)
      ).body.find((s: { id: string }) => s.id !== household.id);
      await t.http
        .patch(`/api/agent/households/${other.id}/children/${household.children[0].id}`)
        .set('Authorization', agent(t, AgentScope.Enfance).auth)
        .send({ allergies: null })
        .expect(404);
    });
  });

  describe('RGPD', () => {
    let family: Caller & { email: string };
    let householdId: string;

    beforeAll(async () => {
      family = await signUpResident(t);
      await t.http
        .post('/api/household/contacts')
        .set('Authorization', family.auth)
        .send(contactBody())
        .expect(201);
      await t.http
        .post('/api/household/children')
        .set('Authorization', family.auth)
        .send(childBody(t, { firstName: 'Noé', allergies: 'Œuf' }))
        .expect(201);
      await t.http
        .patch('/api/household/address')
        .set('Authorization', family.auth)
        .send({ line1: '7 rue Louis Blanc', postalCode: '94140', city: 'Alfortville' })
        .expect(200);
      await upload(t, family, DocumentType.Insurance, PDF, 'assurance.pdf').expect(201);
      householdId = (await view(family)).id;
    });

    it('exports all the household data as a JSON attachment, children included', async () => {
      const res = await t.http.get('/api/household/export').set('Authorization', family.auth).expect(200);
      expect(res.headers['content-disposition']).toMatch(
        /^attachment; filename="foyer-export-2027-01-14\.json"/,
      );
      expect(res.headers['content-type']).toMatch(/application\/json/);
      expect(res.body.household.children).toEqual([
        expect.objectContaining({ firstName: 'Noé', allergies: 'Œuf' }),
      ]);
      expect(res.body.household.contacts).toHaveLength(1);
      expect(res.body.documents).toEqual([expect.objectContaining({ fileName: 'assurance.pdf' })]);
      expect(res.body.audit.map((e: AuditEntryView) => e.action)).toContain('child.create');
    });

    it('closes the account on request: an agent executes it and the family is anonymised', async () => {
      const request = await t.http
        .post('/api/household/closure-request')
        .set('Authorization', family.auth)
        .expect(201);
      await t.http.post('/api/household/closure-request').set('Authorization', family.auth).expect(409);
      await t.http
        .get('/api/agent/closure-requests')
        .set('Authorization', agent(t, AgentScope.Facturation).auth)
        .expect(403);
      const enfance = agent(t, AgentScope.Enfance);
      const list = (
        await t.http.get('/api/agent/closure-requests').set('Authorization', enfance.auth).expect(200)
      ).body;
      expect(list).toContainEqual(
        expect.objectContaining({ id: request.body.id, householdId, executedAt: null }),
      );
      const filesBefore = t.storedFiles().length;

      const done = await t.http
        .post(`/api/agent/closure-requests/${request.body.id}/execute`)
        .set('Authorization', enfance.auth)
        .expect(200);
      expect(done.body.executedAt).not.toBeNull();
      await t.http
        .post(`/api/agent/closure-requests/${request.body.id}/execute`)
        .set('Authorization', enfance.auth)
        .expect(409);

      const after: HouseholdView = (
        await t.http
          .get(`/api/agent/households/${householdId}`)
          .set('Authorization', enfance.auth)
          .expect(200)
      ).body;
      expect(after.address).toBeNull();
      expect(after.contacts).toEqual([]);
      expect(after.children).toEqual([
        expect.objectContaining({
          firstName: 'Enfant',
          lastName: 'anonymisé',
          allergies: null,
          birthDate: '2019-01-01',
        }),
      ]);
      expect(after.guardians[0]).toMatchObject({ firstName: 'Anonyme', phone: null });
      expect(after.guardians[0].email).not.toBe(family.email);
      const [{ n }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM household_documents WHERE household_id = $1`,
        [householdId],
      );
      expect(n).toBe(0);
      expect(t.storedFiles().length).toBe(filesBefore - 1);
      const audit: AuditEntryView[] = (
        await t.http
          .get(`/api/agent/households/${householdId}/audit`)
          .set('Authorization', enfance.auth)
          .expect(200)
      ).body;
      expect(JSON.stringify(audit)).not.toMatch(/Noé|Œuf|Louis Blanc/);
      expect(audit[0]).toMatchObject({ action: 'household.close', actorId: enfance.id });
      // The account can no longer sign in.
      await t.http
        .post('/api/auth/login')
        .send({ email: family.email, password: 'Cerf-volant-bleu-42' })
        .expect(401);
    });
  });
});

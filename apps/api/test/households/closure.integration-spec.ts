import { randomUUID } from 'node:crypto';
import {
  AgentScope,
  ClosureRequestView,
  DocumentType,
  HouseholdView,
  NotificationTopic,
  Role,
} from '@foyer/shared/contracts';
import { NotificationsService } from '@foyer/api/notifications';
import {
  agent,
  Caller,
  childBody,
  createHouseholdsTestApp,
  HouseholdsTestApp,
  PDF,
  resident,
  signIn,
  signUpResident,
  upload,
} from './support';

/** RGPD closure: requests an agent can always find, executed all at once or not at all. */
describe('households: closure requests', () => {
  let t: HouseholdsTestApp;
  let closer: Caller;

  beforeAll(async () => {
    t = await createHouseholdsTestApp();
    closer = agent(t, AgentScope.Enfance);
  });
  afterAll(() => t.close());

  const householdOf = async (caller: Caller): Promise<string> =>
    (await t.http.get('/api/household').set('Authorization', caller.auth).expect(200)).body.id;
  const listRequests = async (): Promise<ClosureRequestView[]> =>
    (await t.http.get('/api/agent/closure-requests').set('Authorization', closer.auth).expect(200)).body;
  const execute = (requestId: string) =>
    t.http.post(`/api/agent/closure-requests/${requestId}/execute`).set('Authorization', closer.auth);

  describe('after 500 requests', () => {
    beforeAll(async () => {
      // Five hundred families closed long ago.
      const old = resident(t);
      const householdId = await householdOf(old);
      await t.dataSource.query(
        `INSERT INTO closure_requests (household_id, requested_by, requested_at, executed_by, executed_at)
         SELECT $1, $2, now() - interval '30 days' - n * interval '1 minute', $3, now() - interval '29 days'
           FROM generate_series(1, 500) AS n`,
        [householdId, old.id, closer.id],
      );
    });

    it('answers a new request with itself, lists it first, and executes it', async () => {
      // A real account: executing the closure anonymises it.
      const family = await signUpResident(t);
      const householdId = await householdOf(family);
      const requested = await t.http
        .post('/api/household/closure-request')
        .set('Authorization', family.auth)
        .expect(201);
      expect(requested.body).toMatchObject({ householdId, executedAt: null });
      expect(requested.body.id).toEqual(expect.any(String));

      const second = resident(t);
      const secondRequest = (
        await t.http.post('/api/household/closure-request').set('Authorization', second.auth).expect(201)
      ).body as ClosureRequestView;
      // Pending first, the newest first.
      expect((await listRequests()).slice(0, 2).map((r) => r.id)).toEqual([
        secondRequest.id,
        requested.body.id,
      ]);

      const done = await execute(requested.body.id).expect(200);
      expect(done.body).toMatchObject({ id: requested.body.id, householdId });
      expect(done.body.executedAt).toEqual(expect.any(String));
      const list = await listRequests();
      expect(list).toHaveLength(500);
      expect(list.slice(0, 2).map((r) => [r.id, r.executedAt === null])).toEqual([
        [secondRequest.id, true],
        [requested.body.id, false],
      ]);
    });
  });

  describe('when a guardian account cannot be anonymised', () => {
    it('leaves the request pending and the family untouched, and a retry completes it', async () => {
      const family = await signUpResident(t);
      await t.http
        .post('/api/household/children')
        .set('Authorization', family.auth)
        .send(childBody(t))
        .expect(201);
      const householdId = await householdOf(family);
      // A second guardian whose account cannot be written (a trigger refuses it): anonymising fails.
      const ghost = randomUUID();
      await t.dataSource.query(
        `INSERT INTO users (id, email, first_name, last_name) VALUES ($1, $2, 'Second', 'Parent')`,
        [ghost, `second-${ghost}@exemple.fr`],
      );
      await t.dataSource.query(
        `INSERT INTO household_guardians (household_id, user_id, rank) VALUES ($1, $2, 2)`,
        [householdId, ghost],
      );
      await t.dataSource.query(`CREATE FUNCTION refuse_ghost() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'this account cannot be written'; END $$`);
      await t.dataSource.query(`CREATE TRIGGER refuse_ghost BEFORE UPDATE ON users FOR EACH ROW
        WHEN (OLD.id = '${ghost}') EXECUTE FUNCTION refuse_ghost()`);
      const request = (
        await t.http.post('/api/household/closure-request').set('Authorization', family.auth).expect(201)
      ).body as ClosureRequestView;

      const failed = await execute(request.id);
      expect(failed.status).not.toBe(200);
      expect((await listRequests()).find((r) => r.id === request.id)).toMatchObject({ executedAt: null });
      const [household] = await t.dataSource.query(`SELECT closed_at FROM households WHERE id = $1`, [
        householdId,
      ]);
      expect(household.closed_at).toBeNull();
      const untouched: HouseholdView = (
        await t.http.get(`/api/agent/households/${householdId}`).set('Authorization', closer.auth).expect(200)
      ).body;
      expect(untouched.children).toEqual([expect.objectContaining({ firstName: 'Léa' })]);

      // The data is mended; the agent tries again.
      await t.dataSource.query(`DROP TRIGGER refuse_ghost ON users`);
      await t.dataSource.query(`DROP FUNCTION refuse_ghost()`);
      const done = await execute(request.id).expect(200);
      expect(done.body.executedAt).toEqual(expect.any(String));
      const closed: HouseholdView = (
        await t.http.get(`/api/agent/households/${householdId}`).set('Authorization', closer.auth).expect(200)
      ).body;
      expect(closed.children).toEqual([
        expect.objectContaining({ firstName: 'Enfant', lastName: 'anonymisé' }),
      ]);
      expect(closed.guardians).toEqual([
        expect.objectContaining({ userId: family.id, firstName: 'Anonyme' }),
        expect.objectContaining({ userId: ghost, firstName: 'Anonyme' }),
      ]);
      await execute(request.id).expect(409);
    });
  });

  describe('a closed household', () => {
    it('refuses every change with 409, even to a token still valid', async () => {
      const family = await signUpResident(t);
      const householdId = await householdOf(family);
      const request = (
        await t.http.post('/api/household/closure-request').set('Authorization', family.auth).expect(201)
      ).body as ClosureRequestView;
      await execute(request.id).expect(200);

      // The account's own tokens end at once (session check)…
      await t.http.get('/api/household').set('Authorization', family.auth).expect(401);
      // …and the household itself refuses every change, whatever token reaches it.
      const stillSigned = signIn(t, Role.Resident, [], family.id);
      const res = await t.http
        .post('/api/household/children')
        .set('Authorization', stillSigned.auth)
        .send(childBody(t))
        .expect(409);
      expect(res.body.message).toBe('Ce compte famille est clôturé.');
      const files = t.storedFiles().length;
      await upload(t, stillSigned, DocumentType.Insurance, PDF).expect(409);
      expect(t.storedFiles()).toHaveLength(files);
      await t.http
        .patch('/api/household/address')
        .set('Authorization', stillSigned.auth)
        .send({ line1: '7 rue Louis Blanc', postalCode: '94140', city: 'Alfortville' })
        .expect(409);
      await t.http.post('/api/household/closure-request').set('Authorization', stillSigned.auth).expect(409);
      // Nor can an agent write in it.
      await t.http
        .post(`/api/agent/households/${householdId}/contacts`)
        .set('Authorization', closer.auth)
        .send({
          firstName: 'Monique',
          lastName: 'Durand',
          phone: '06 12 34 56 78',
          relationship: 'Grand-mère',
          canPickUp: true,
        })
        .expect(409);
      const [{ n }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM children WHERE household_id = $1`,
        [householdId],
      );
      expect(n).toBe(0);
    });
  });

  describe('the notifications of a closed household', () => {
    it("are erased: messages, account mails to the guardians' addresses, preferences, failures, reminder keys", async () => {
      const family = await signUpResident(t);
      const householdId = await householdOf(family);
      // A family message (inbox + e-mail), a choice, a flagged address, a reminder key.
      await t.dataSource.transaction((m) =>
        t.app.get(NotificationsService).notify(
          [{ userId: family.id, email: family.email, householdId }],
          NotificationTopic.DocumentExpiring,
          {
            documentLabel: 'Attestation d’assurance',
            documentType: DocumentType.Insurance,
            expiresOn: '2027-02-01',
          },
          m,
        ),
      );
      await t.http
        .put('/api/account/notification-preferences')
        .set('Authorization', family.auth)
        .send({ preferences: [{ topic: NotificationTopic.DocumentExpiring, channel: 'sms', enabled: true }] })
        .expect(200);
      await t.dataSource.query(
        `INSERT INTO email_address_failures (address, reason, failed_at) VALUES ($1, '550 User unknown', now())`,
        [family.email.toUpperCase()],
      );
      await t.dataSource.query(
        `INSERT INTO reminder_sends (rule, household_id, object_key, sent_on) VALUES ('documents.expiring', $1, 'x', '2026-12-01')`,
        [householdId],
      );
      const count = async (sql: string, params: unknown[]) =>
        (await t.dataSource.query(`SELECT count(*)::int AS n FROM ${sql}`, params))[0].n as number;
      const traces = async () => ({
        messages: await count(
          `notification_messages WHERE household_id = $1 OR user_id = $2 OR lower(address) = lower($3)
             OR body LIKE '%' || $3 || '%'`,
          [householdId, family.id, family.email],
        ),
        preferences: await count(`notification_preferences WHERE user_id = $1`, [family.id]),
        failures: await count(`email_address_failures WHERE lower(address) = lower($1)`, [family.email]),
        reminders: await count(`reminder_sends WHERE household_id = $1`, [householdId]),
      });
      const before = await traces();
      // Inbox, e-mail and the sign-up verification mail (no user, the real address).
      expect(before.messages).toBeGreaterThanOrEqual(3);
      expect(before).toMatchObject({ preferences: 1, failures: 1, reminders: 1 });
      const [accountMail] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM notification_messages WHERE user_id IS NULL AND lower(address) = lower($1)`,
        [family.email],
      );
      expect(accountMail.n).toBeGreaterThanOrEqual(1);

      const request = (
        await t.http.post('/api/household/closure-request').set('Authorization', family.auth).expect(201)
      ).body as ClosureRequestView;
      await execute(request.id).expect(200);

      expect(await traces()).toEqual({ messages: 0, preferences: 0, failures: 0, reminders: 0 });
      const seen = await t.http
        .get(`/api/agent/households/${householdId}/messages`)
        .set('Authorization', closer.auth)
        .expect(200);
      expect(seen.body).toEqual([]);
    });
  });
});

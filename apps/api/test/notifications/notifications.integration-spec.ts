import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  AgentScope,
  HouseholdMessageView,
  NotificationPageView,
  NotificationTopic,
  Role,
  topicInfo,
} from '@foyer/shared/contracts';
import { loadConfig } from '@foyer/api/core';
import { NotificationsService, ReminderScheduler } from '@foyer/api/notifications';
import { createApp } from '../../src/create-app';
import { signIn } from '../households/support';
import { createTestApp, TEST_JWT_SECRET, TestApp } from '../test-app';
import { demoParent, DemoParent } from './support';

describe('notifications: transactions, daily reminders, inbox, preferences', () => {
  let t: TestApp;
  let parent: DemoParent;

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    parent = await demoParent(t);
  });

  afterAll(async () => {
    await t?.close();
  });

  const count = async (sql: string, params: unknown[] = []) =>
    Number((await t.dataSource.query(sql, params))[0].count);

  it('leaves no notification and no job when the change that notified rolls back', async () => {
    const messages = () => count(`SELECT count(*) FROM notification_messages`);
    const jobs = () => count(`SELECT count(*) FROM pgboss.job WHERE name = 'notifications.email'`);
    const before = { messages: await messages(), jobs: await jobs() };
    await expect(
      t.dataSource.transaction(async (m) => {
        await t.app
          .get(NotificationsService)
          .notify(
            [{ userId: parent.userId, email: parent.email, householdId: parent.householdId }],
            NotificationTopic.CityAnnouncement,
            { title: 'Annulé', text: 'Ce message ne doit jamais partir.' },
            m,
          );
        // The job was written on this transaction: visible inside it…
        const [{ count: inside }] = await m.query(
          `SELECT count(*) FROM pgboss.job WHERE name = 'notifications.email'`,
        );
        expect(Number(inside)).toBe(before.jobs + 1);
        throw new Error('the change fails after notifying');
      }),
    ).rejects.toThrow('the change fails after notifying');
    // …and gone with it.
    expect({ messages: await messages(), jobs: await jobs() }).toEqual(before);
  });

  it('writes a batch as one notify per item: each topic by its own preferences, one job per e-mail', async () => {
    // The parent turned city news e-mails off; invoice e-mails are required by law and stay on.
    await t.dataSource.query(
      `INSERT INTO notification_preferences (user_id, topic, channel, enabled) VALUES ($1, $2, 'email', false)
       ON CONFLICT (user_id, topic, channel) DO UPDATE SET enabled = false`,
      [parent.userId, NotificationTopic.CityAnnouncement],
    );
    const recipient = { userId: parent.userId, email: parent.email, householdId: parent.householdId };
    const since = new Date(Date.now() - 1000);
    const jobsBefore = await count(`SELECT count(*) FROM pgboss.job WHERE name = 'notifications.email'`);
    await t.dataSource.transaction((m) =>
      t.app.get(NotificationsService).notifyMany(
        [
          {
            recipients: [recipient],
            topic: NotificationTopic.InvoiceIssued,
            data: {
              invoiceNumber: 'F-BATCH-1',
              periodLabel: 'janvier 2027',
              amountCents: 12345,
              dueDate: '2027-02-15',
            },
          },
          {
            recipients: [],
            topic: NotificationTopic.CityAnnouncement,
            data: { title: 'Personne', text: '.' },
          },
          {
            recipients: [recipient],
            topic: NotificationTopic.CityAnnouncement,
            data: { title: 'Lot de test', text: 'Une actualité.' },
          },
        ],
        m,
      ),
    );
    const rows: { id: string; topic: string; channel: string; subject: string }[] = await t.dataSource.query(
      `SELECT id, topic, channel, subject FROM notification_messages
        WHERE user_id = $1 AND created_at >= $2 AND (subject LIKE '%F-BATCH-1%' OR subject LIKE '%Lot de test%')
        ORDER BY topic, channel`,
      [parent.userId, since],
    );
    expect(rows.map((r) => `${r.topic}/${r.channel}`)).toEqual([
      `${NotificationTopic.CityAnnouncement}/inbox`,
      `${NotificationTopic.InvoiceIssued}/email`,
      `${NotificationTopic.InvoiceIssued}/inbox`,
    ]);
    expect(rows.find((r) => r.channel === 'email')?.subject).toMatch(
      /^Nouvelle facture F-BATCH-1\s:\s123,45\s€$/,
    );
    // One delivery job, for that e-mail, committed with it.
    const jobs: { data: { messageId: string } }[] = await t.dataSource.query(
      `SELECT data FROM pgboss.job WHERE name = 'notifications.email' ORDER BY created_on DESC LIMIT 1`,
    );
    expect(await count(`SELECT count(*) FROM pgboss.job WHERE name = 'notifications.email'`)).toBe(
      jobsBefore + 1,
    );
    expect(jobs[0].data.messageId).toBe(rows.find((r) => r.channel === 'email')?.id);
  });

  it('sends one reminder per family and document when two API processes run the daily job', async () => {
    await t.dataSource.query(
      `INSERT INTO household_documents (household_id, type, storage_key, file_name, mime_type, size_bytes, expires_on, uploaded_by)
       VALUES ($1, 'insurance', 'reminder-test-key', 'assurance.pdf', 'application/pdf', 100, '2027-02-01', $2),
              ($1, 'caf_attestation', 'reminder-test-far', 'caf.pdf', 'application/pdf', 100, '2027-06-01', $2)`,
      [parent.householdId, parent.userId],
    );
    const config = loadConfig(
      {
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        JWT_SECRET: TEST_JWT_SECRET,
        WEB_DIST_DIR: '/nonexistent',
        PUBLIC_URL: 'http://localhost:3000',
      },
      () => TEST_JWT_SECRET,
    );
    const second = await createApp({
      config,
      databaseUrl: t.database.url,
      databaseKind: t.database.kind,
      clock: t.clock,
    });
    await second.init();
    try {
      expect(second.get<DataSource>(getDataSourceToken())).not.toBe(t.dataSource);
      // Both processes asked for the next daily run: one job, at 08:00 in Paris.
      const daily = await t.dataSource.query(
        `SELECT start_after FROM pgboss.job WHERE name = 'reminders.daily' AND state = 'created'`,
      );
      expect(daily).toHaveLength(1);
      expect(daily[0].start_after.toLocaleTimeString('fr-FR', { timeZone: 'Europe/Paris' })).toBe('08:00:00');
      const sendsBefore = await count(`SELECT count(*) FROM reminder_sends`);
      const runs = await Promise.all([
        t.app.get(ReminderScheduler).runDaily(),
        second.get(ReminderScheduler).runDaily(),
        t.app.get(ReminderScheduler).runDaily(),
      ]);
      // Other rules (bookings deadlines, invoices due) may remind the demo families too: whatever
      // they send, the three runs together send each reminder once, and this document's once.
      const claimed = (await count(`SELECT count(*) FROM reminder_sends`)) - sendsBefore;
      expect(runs.reduce((a, b) => a + b, 0)).toBe(claimed);
      expect(
        await count(
          `SELECT count(*) FROM reminder_sends WHERE rule = 'documents.expiring' AND household_id = $1`,
          [parent.householdId],
        ),
      ).toBe(1);
      expect(await second.get(ReminderScheduler).runDaily()).toBe(0);
    } finally {
      await second.close();
    }
    const reminders = await t.dataSource.query(
      `SELECT channel, subject FROM notification_messages WHERE topic = 'document-expiring' AND household_id = $1
        AND subject LIKE '%assurance%' AND created_at > now() - interval '10 minutes' ORDER BY channel`,
      [parent.householdId],
    );
    expect(reminders).toEqual([
      { channel: 'email', subject: 'Justificatif bientôt expiré : Attestation d’assurance' },
      { channel: 'inbox', subject: 'Justificatif bientôt expiré : Attestation d’assurance' },
    ]);
    expect(
      await count(
        `SELECT count(*) FROM reminder_sends WHERE rule = 'documents.expiring' AND household_id = $1`,
        [parent.householdId],
      ),
    ).toBe(1);
  });

  describe('the inbox', () => {
    it('counts unread messages, reads one, reads all; newest first with an unread filter', async () => {
      const me = signIn(t, Role.Resident, [], parent.userId);
      const unread = async () =>
        (await t.http.get('/api/notifications/unread-count').set('Authorization', me.auth).expect(200)).body
          .unread as number;
      const start = await unread();
      expect(start).toBeGreaterThanOrEqual(2);

      const page = (
        await t.http.get('/api/notifications?unread=true').set('Authorization', me.auth).expect(200)
      ).body as NotificationPageView;
      expect(page.items).toHaveLength(start);
      expect(page.items.every((m) => m.readAt === null)).toBe(true);
      const dates = page.items.map((m) => m.createdAt);
      expect([...dates].sort().reverse()).toEqual(dates);

      const read = await t.http
        .post(`/api/notifications/${page.items[0].id}/read`)
        .set('Authorization', me.auth)
        .expect(200);
      expect(read.body.readAt).toEqual(expect.any(String));
      expect(await unread()).toBe(start - 1);

      await t.http.post('/api/notifications/read-all').set('Authorization', me.auth).expect(204);
      expect(await unread()).toBe(0);
      const all = (
        await t.http.get('/api/notifications?page=1&pageSize=2').set('Authorization', me.auth).expect(200)
      ).body as NotificationPageView;
      expect(all.items).toHaveLength(2);
      expect(all.total).toBeGreaterThan(2);
    });

    it("answers 404 for another person's message, and for an e-mail record", async () => {
      const [message] = await t.dataSource.query(
        `SELECT id FROM notification_messages WHERE user_id = $1 AND channel = 'inbox' LIMIT 1`,
        [parent.userId],
      );
      const [email] = await t.dataSource.query(
        `SELECT id FROM notification_messages WHERE user_id = $1 AND channel = 'email' LIMIT 1`,
        [parent.userId],
      );
      const stranger = signIn(t, Role.Resident);
      const foreign = await t.http
        .post(`/api/notifications/${message.id}/read`)
        .set('Authorization', stranger.auth)
        .expect(404);
      const unknown = await t.http
        .post(`/api/notifications/00000000-0000-4000-8000-000000000000/read`)
        .set('Authorization', stranger.auth)
        .expect(404);
      expect(foreign.body.message).toBe(unknown.body.message);
      await t.http
        .post(`/api/notifications/${email.id}/read`)
        .set('Authorization', signIn(t, Role.Resident, [], parent.userId).auth)
        .expect(404);
      await t.http.post('/api/notifications/pas-un-id/read').set('Authorization', stranger.auth).expect(400);
    });
  });

  it('hides from agents who may not read a PAI which document a reminder names (health data)', async () => {
    await t.dataSource.query(
      `INSERT INTO household_documents (household_id, type, storage_key, file_name, mime_type, size_bytes, expires_on, uploaded_by)
       VALUES ($1, 'pai', 'reminder-test-pai', 'pai.pdf', 'application/pdf', 100, '2027-02-01', $2)`,
      [parent.householdId, parent.userId],
    );
    expect(await t.app.get(ReminderScheduler).runDaily()).toBe(1);
    const paiSubject = 'Justificatif bientôt expiré : Projet d’accueil individualisé (PAI)';
    const reminders = async (scope: AgentScope) => {
      const res = await t.http
        .get(`/api/agent/households/${parent.householdId}/messages`)
        .set('Authorization', signIn(t, Role.Agent, [scope]).auth)
        .expect(200);
      return (res.body as HouseholdMessageView[]).filter(
        (m) => m.topic === NotificationTopic.DocumentExpiring,
      );
    };

    // Enfance reads PAIs: it sees the subject, on the inbox entry and the e-mail.
    const enfance = await reminders(AgentScope.Enfance);
    expect(
      enfance
        .filter((m) => m.subject === paiSubject)
        .map((m) => m.channel)
        .sort(),
    ).toEqual(['email', 'inbox']);

    // Démarches reads no document: the same two messages say only their topic; other reminders too.
    const demarches = await reminders(AgentScope.Demarches);
    expect(demarches.map((m) => m.id).sort()).toEqual(enfance.map((m) => m.id).sort());
    expect(JSON.stringify(demarches)).not.toContain('PAI');
    const topic = topicInfo(NotificationTopic.DocumentExpiring).label;
    for (const id of enfance.filter((m) => m.subject === paiSubject).map((m) => m.id)) {
      expect(demarches.find((m) => m.id === id)?.subject).toBe(topic);
    }
    // Facturation reads CAF attestations, tax notices and proofs of address: not PAIs.
    const facturation = await reminders(AgentScope.Facturation);
    expect(facturation.some((m) => m.subject === paiSubject)).toBe(false);
  });

  it("shows agents a family's messages; an unknown family is a 404 and residents get a 403", async () => {
    const agent = signIn(t, Role.Agent);
    const res = await t.http
      .get(`/api/agent/households/${parent.householdId}/messages`)
      .set('Authorization', agent.auth)
      .expect(200);
    expect(res.body.length).toBeGreaterThan(0);
    expect(res.body[0]).toEqual(
      expect.objectContaining({
        channel: expect.any(String),
        status: expect.any(String),
        subject: expect.any(String),
      }),
    );
    await t.http
      .get('/api/agent/households/00000000-0000-4000-8000-000000000000/messages')
      .set('Authorization', agent.auth)
      .expect(404);
    await t.http
      .get(`/api/agent/households/${parent.householdId}/messages`)
      .set('Authorization', signIn(t, Role.Resident, [], parent.userId).auth)
      .expect(403);
  });

  describe('preferences', () => {
    it('starts from the household switches, saves a change, and keeps law-required topics on', async () => {
      const me = signIn(t, Role.Resident, [], parent.userId);
      const res = await t.http
        .get('/api/account/notification-preferences')
        .set('Authorization', me.auth)
        .expect(200);
      const invoice = res.body.preferences.find(
        (p: { topic: string; channel: string }) => p.topic === 'invoice-issued' && p.channel === 'email',
      );
      expect(invoice).toEqual({ topic: 'invoice-issued', channel: 'email', enabled: true, locked: true });

      const saved = await t.http
        .put('/api/account/notification-preferences')
        .set('Authorization', me.auth)
        .send({ preferences: [{ topic: 'city-announcement', channel: 'email', enabled: false }] })
        .expect(200);
      expect(saved.body.preferences).toContainEqual({
        topic: 'city-announcement',
        channel: 'email',
        enabled: false,
        locked: false,
      });

      // Switched off: the next announcement reaches the inbox only.
      await t.dataSource.transaction((m) =>
        t.app
          .get(NotificationsService)
          .notify(
            [{ userId: parent.userId, email: parent.email, householdId: parent.householdId }],
            NotificationTopic.CityAnnouncement,
            { title: 'Fête de l’école', text: 'Samedi 20 juin.' },
            m,
          ),
      );
      const rows = await t.dataSource.query(
        `SELECT channel FROM notification_messages WHERE subject = 'Fête de l’école' ORDER BY channel`,
      );
      expect(rows).toEqual([{ channel: 'inbox' }]);
    });

    it.each([
      [{ topic: 'inconnu', channel: 'email', enabled: true }, 'preferences.1.topic'],
      [{ topic: 'waiting-list', channel: 'inbox', enabled: false }, 'preferences.1.channel'],
      [{ topic: 'invoice-issued', channel: 'email', enabled: false }, 'preferences.1.enabled'],
    ])('refuses %o with a 400 naming the field, and changes nothing', async (bad, field) => {
      const me = signIn(t, Role.Resident, [], parent.userId);
      const before = await t.http.get('/api/account/notification-preferences').set('Authorization', me.auth);
      const res = await t.http
        .put('/api/account/notification-preferences')
        .set('Authorization', me.auth)
        .send({ preferences: [{ topic: 'waiting-list', channel: 'sms', enabled: true }, bad] })
        .expect(400);
      expect(JSON.stringify(res.body)).toContain(field);
      const after = await t.http.get('/api/account/notification-preferences').set('Authorization', me.auth);
      expect(after.body).toEqual(before.body);
    });
  });
});

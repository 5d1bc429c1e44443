import {
  DeliveryStatus,
  DocumentType,
  FailedJobView,
  HouseholdMessageView,
  NotificationTopic,
  Role,
} from '@foyer/shared/contracts';
import { NotificationsService } from '@foyer/api/notifications';
import { nextIp, tokenFrom } from '../accounts/support/accounts-helpers';
import { signIn } from '../households/support';
import { createTestApp, TestApp } from '../test-app';
import { demoParent, DemoParent, eventually, messageStatus, TestSmtpServer } from './support';

const GREYLISTED = 'greylist@exemple.fr';
const ALWAYS_LATER = 'toujours-plus-tard@exemple.fr';

describe('e-mail delivery through a real SMTP server', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let parent: DemoParent;
  let acceptEverything = false;

  beforeAll(async () => {
    smtp = new TestSmtpServer((recipient, attempt) => {
      if (acceptEverything) return undefined;
      if (recipient === GREYLISTED && attempt === 1) return 451;
      if (recipient === ALWAYS_LATER) return 451;
      if (recipient === 'parent@demo.test') return 550;
      return undefined;
    });
    await smtp.start();
    t = await createTestApp({
      seed: true,
      env: { SMTP_URL: smtp.url, MAIL_RETRY_DELAY_SECONDS: '1', MAIL_RETRY_LIMIT: '1' },
    });
    parent = await demoParent(t);
  });

  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  async function notifyDocument(email: string): Promise<string> {
    await t.dataSource.transaction((m) =>
      t.app.get(NotificationsService).notify(
        [{ userId: parent.userId, email, householdId: parent.householdId }],
        NotificationTopic.DocumentExpiring,
        {
          documentLabel: 'Attestation d’assurance',
          documentType: DocumentType.Insurance,
          expiresOn: '2027-02-01',
        },
        m,
      ),
    );
    const [row] = await t.dataSource.query(
      `SELECT id FROM notification_messages WHERE channel = 'email' AND address = $1 ORDER BY created_at DESC LIMIT 1`,
      [email],
    );
    return row.id;
  }

  it('retries after a 451 and ends delivered; the mail as received has its headers, UTF-8 subject, text and HTML', async () => {
    const id = await notifyDocument(GREYLISTED);
    await eventually(
      async () => (await messageStatus(t.dataSource, id)) === DeliveryStatus.Delivered,
      'delivery',
    );

    expect(smtp.attempts.get(GREYLISTED)).toBe(2);
    const mails = smtp.received.filter((m) => m.to.includes(GREYLISTED));
    expect(mails).toHaveLength(1);
    const mail = mails[0].parsed;
    expect(mail.subject).toBe('Justificatif bientôt expiré : Attestation d’assurance');
    // The subject travels encoded (RFC 2047), not as raw 8-bit bytes.
    expect(mails[0].raw).toMatch(/^Subject: =\?UTF-8\?/im);
    expect(mail.from?.value[0].address).toBe('no-reply@localhost');
    expect((Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0].address).toBe(GREYLISTED);
    expect(mail.headers.get('x-foyer-message')).toBe(id);
    expect(mail.text).toContain(
      'Votre justificatif « Attestation d’assurance » expire le lundi 1 février 2027.',
    );
    expect(mail.text).toContain('http://localhost:3000/famille');
    expect(mail.html).toContain(
      '<a href="http://localhost:3000/famille">Mettre à jour mes justificatifs</a>',
    );

    const [row] = await t.dataSource.query(
      `SELECT attempts, status_detail FROM notification_messages WHERE id = $1`,
      [id],
    );
    expect(row).toEqual({ attempts: 2, status_detail: null });
  });

  it('marks a 550 as permanent-failure, does not retry it, and flags the address on the account', async () => {
    const id = await notifyDocument(parent.email);
    await eventually(
      async () => (await messageStatus(t.dataSource, id)) === DeliveryStatus.PermanentFailure,
      'permanent failure',
    );
    // Longer than the retry delay: a retry would have come by now.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(smtp.attempts.get(parent.email)).toBe(1);
    expect(await messageStatus(t.dataSource, id)).toBe(DeliveryStatus.PermanentFailure);

    const caller = signIn(t, Role.Resident, [], parent.userId);
    const res = await t.http
      .get('/api/account/notification-preferences')
      .set('Authorization', caller.auth)
      .expect(200);
    expect(res.body.emailFailure).toMatchObject({
      address: parent.email,
      reason: expect.stringContaining('550'),
    });

    // Agents see it in the family file, with its status.
    const agent = signIn(t, Role.Agent);
    const messages = await t.http
      .get(`/api/agent/households/${parent.householdId}/messages`)
      .set('Authorization', agent.auth)
      .expect(200);
    expect(messages.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id, channel: 'email', status: 'permanent-failure', address: parent.email }),
      ]),
    );
  });

  it('lists a mail that failed every attempt for the administrators, and retries it on request', async () => {
    const id = await notifyDocument(ALWAYS_LATER);
    const admin = signIn(t, Role.Admin);
    const failed = await eventually(async () => {
      const res = await t.http
        .get('/api/admin/jobs?state=failed')
        .set('Authorization', admin.auth)
        .expect(200);
      return (res.body as FailedJobView[]).find((job) => job.queue === 'notifications.email');
    }, 'the failed job');
    expect(failed.error).toContain('451');
    expect(smtp.attempts.get(ALWAYS_LATER)).toBe(2);
    expect(await messageStatus(t.dataSource, id)).toBe(DeliveryStatus.TemporaryFailure);
    // No retry is coming: the status stays (GOV.UK Notify's final temporary-failure), the detail
    // does not promise one.
    const agent = signIn(t, Role.Agent);
    const listed = await t.http
      .get(`/api/agent/households/${parent.householdId}/messages`)
      .set('Authorization', agent.auth)
      .expect(200);
    const given = (listed.body as HouseholdMessageView[]).find((m) => m.id === id);
    expect(given).toMatchObject({ status: DeliveryStatus.TemporaryFailure, retryPlanned: false });
    expect(given?.statusDetail).toMatch(
      /^Échec temporaire : abandon après 2 essais, aucun nouvel essai prévu \(.*451/,
    );
    expect(given?.statusDetail).not.toMatch(/nouvel essai prévu\)/);

    // Residents and agents do not see the queue.
    await t.http
      .get('/api/admin/jobs?state=failed')
      .set('Authorization', signIn(t, Role.Agent).auth)
      .expect(403);
    await t.http.get('/api/admin/jobs?state=done').set('Authorization', admin.auth).expect(400);

    acceptEverything = true;
    await t.http.post(`/api/admin/jobs/${failed.id}/retry`).set('Authorization', admin.auth).expect(204);
    const audit = await t.dataSource.query(
      `SELECT actor_id, details FROM audit_log WHERE action = 'job.retry'`,
    );
    expect(audit).toEqual([{ actor_id: admin.id, details: { queue: 'notifications.email' } }]);
    await eventually(
      async () => (await messageStatus(t.dataSource, id)) === DeliveryStatus.Delivered,
      'delivery',
    );
    const after = await t.http
      .get('/api/admin/jobs?state=failed')
      .set('Authorization', admin.auth)
      .expect(200);
    expect((after.body as FailedJobView[]).map((job) => job.id)).not.toContain(failed.id);
    // Retried once: a second retry of the same job is unknown.
    await t.http.post(`/api/admin/jobs/${failed.id}/retry`).set('Authorization', admin.auth).expect(404);
  });

  it('keeps no one-time link of an account mail once it is delivered or refused for good', async () => {
    acceptEverything = false;
    const email = 'reinitialisation@exemple.fr';
    const linkIn = async (subject: RegExp): Promise<string> => {
      const mail = await eventually(
        async () => smtp.received.find((m) => m.to.includes(email) && subject.test(m.parsed.subject ?? '')),
        'the mail',
      );
      const link = /https?:\/\/\S+token=[^\s"<]+/.exec(mail.parsed.text ?? '')?.[0];
      if (!link) throw new Error('no link in the mail');
      return tokenFrom(link);
    };
    const stored = async (token: string): Promise<number> =>
      (
        await t.dataSource.query(
          `SELECT count(*)::int AS n FROM notification_messages
            WHERE strpos(body, $1) > 0 OR strpos(coalesce(html, ''), $1) > 0 OR strpos(subject, $1) > 0`,
          [token],
        )
      )[0].n;
    const settled = (subject: RegExp) =>
      eventually(async () => {
        const rows: { status: string; body: string; html: string | null }[] = await t.dataSource.query(
          `SELECT status, body, html FROM notification_messages WHERE address = $1 AND subject ~ $2`,
          [email, subject.source],
        );
        return rows.length === 1 && rows[0].status === DeliveryStatus.Delivered ? rows[0] : undefined;
      }, 'the delivered account mail');

    await t.http
      .post('/api/auth/register')
      .set('X-Forwarded-For', nextIp())
      .send({
        email,
        password: 'Cerf-volant-bleu-42',
        firstName: 'Léa',
        lastName: 'Dupont',
        phone: '06 12 34 56 78',
      })
      .expect(202);
    const verification = await linkIn(/Confirmez/);
    await t.http.post('/api/auth/verify-email').send({ token: verification }).expect(200);
    await t.http
      .post('/api/auth/forgot-password')
      .set('X-Forwarded-For', nextIp())
      .send({ email })
      .expect(202);
    const reset = await linkIn(/Réinitialisation/);

    // The subject, status and dates stay; the text and HTML (with the link) are gone.
    expect(await settled(/Réinitialisation/)).toEqual({
      status: DeliveryStatus.Delivered,
      body: '',
      html: null,
    });
    await settled(/Confirmez/);
    expect(await stored(verification)).toBe(0);
    expect(await stored(reset)).toBe(0);
    // The link still works: only the copy in the table is erased.
    await t.http
      .post('/api/auth/reset-password')
      .send({ token: reset, password: 'Nouveau-mot-de-passe-7' })
      .expect(200);

    // Refused for good (550): erased as well.
    await t.app.get(NotificationsService).sendAccountMail({
      to: parent.email,
      subject: 'Lien de test',
      text: 'Ouvrez http://localhost:3000/x?token=secret-550',
    });
    await eventually(async () => {
      const [row] = await t.dataSource.query(
        `SELECT status, body, html FROM notification_messages WHERE subject = 'Lien de test'`,
      );
      return row?.status === DeliveryStatus.PermanentFailure ? row : undefined;
    }, 'the refusal');
    expect(await stored('secret-550')).toBe(0);
  });
});

import { NotificationTopic } from '@foyer/shared/contracts';
import { ReminderScheduler } from '@foyer/api/notifications';
import { createTestApp, TestApp } from '../test-app';
import { bookDays, classDays, createActivity, demoFamily, signIn, tariffRequest } from './support';

describe('due-date reminders on the notifications scheduler', () => {
  let t: TestApp;
  let invoice: { id: string; dueDate: string };

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    const agent = await signIn(t, 'agent');
    const admin = await signIn(t, 'admin');
    const parent = await signIn(t, 'parent');
    const canteen = await createActivity(t.dataSource, 'cantine-rappels');
    const family = await demoFamily(t.dataSource);
    await t.http
      .post('/api/admin/tariffs')
      .set('Authorization', admin)
      .send(tariffRequest(canteen.activityId))
      .expect(201);
    await bookDays(
      t.dataSource,
      canteen,
      family.lea,
      classDays('2026-12').map((date) => ({ date })),
    );
    const run = await t.http
      .post('/api/admin/billing-runs')
      .set('Authorization', agent)
      .send({ period: '2026-12' })
      .expect(201);
    await t.http
      .post(`/api/admin/billing-runs/${run.body.id}/finalize`)
      .set('Authorization', agent)
      .send({})
      .expect(200);
    invoice = (await t.http.get('/api/invoices').set('Authorization', parent).expect(200)).body[0];
  });
  afterAll(() => t?.close());

  const reminders = async (): Promise<string[]> =>
    (
      await t.dataSource.query(
        `SELECT subject FROM notification_messages WHERE topic = $1 AND channel = 'inbox' ORDER BY created_at`,
        [NotificationTopic.InvoiceReminder],
      )
    ).map((r: { subject: string }) => r.subject);

  it('reminds an unpaid invoice once before its due date, once after, never twice', async () => {
    const scheduler = t.app.get(ReminderScheduler);
    expect(invoice.dueDate).toBe('2027-02-13');
    t.clock.set(new Date('2027-02-05T09:00:00+01:00'));
    await scheduler.runDaily();
    expect(await reminders()).toEqual([]);
    t.clock.set(new Date('2027-02-11T09:00:00+01:00'));
    await scheduler.runDaily();
    await scheduler.runDaily();
    expect(await reminders()).toEqual([
      'Rappel : facture F-2027-000001 à payer avant le samedi 13 février 2027',
    ]);
    t.clock.set(new Date('2027-02-19T09:00:00+01:00'));
    await scheduler.runDaily();
    await scheduler.runDaily();
    const sent = await reminders();
    expect(sent).toHaveLength(2);
    expect(sent[1]).toMatch(/^Facture F-2027-000001 impayée : /);
  });
});

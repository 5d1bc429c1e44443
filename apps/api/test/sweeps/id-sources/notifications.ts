import { NotificationsService } from '@foyer/api/notifications';
import { NotificationTopic } from '@foyer/shared/contracts';
import type { IdSource } from '../support/world';

/** A message in A's inbox (sent as a domain would, through notify()), and a job of the queue. */
export const notificationsIds: IdSource = async ({ t, a }) => {
  const household = await t.http
    .get('/api/household')
    .set('Authorization', a.auth ?? '')
    .expect(200);
  const me = await t.http
    .get('/api/me')
    .set('Authorization', a.auth ?? '')
    .expect(200);
  await t.dataSource.transaction((m) =>
    t.app
      .get(NotificationsService)
      .notify(
        [{ userId: a.id ?? '', email: me.body.email as string, householdId: household.body.id as string }],
        NotificationTopic.CityAnnouncement,
        { title: 'Fermeture exceptionnelle', text: 'Les accueils sont fermés vendredi.' },
        m,
      ),
  );
  const inbox = await t.http
    .get('/api/notifications')
    .set('Authorization', a.auth ?? '')
    .expect(200);
  const items = inbox.body.items as { id: string }[];
  const [job] = (await t.dataSource.query(`SELECT id FROM pgboss.job ORDER BY created_on LIMIT 1`)) as {
    id: string;
  }[];
  return { notificationId: items[0].id, jobId: job.id };
};

import type { IdSource } from '../support/world';

/** An announcement created by the admin (admin routes; announcements belong to the city, not to A). */
export const announcementsIds: IdSource = async ({ t, admin }) => {
  const created = await t.http
    .post('/api/admin/announcements')
    .set('Authorization', admin.auth ?? '')
    .send({
      title: 'Annonce des balayages',
      text: 'Texte.',
      importance: 'normal',
      audience: 'everyone',
      // Scheduled far ahead: nothing is sent to the families while the sweeps compare their rows.
      publishAt: '2030-09-02T08:00:00+02:00',
    })
    .expect(201);
  return { announcementId: created.body.id as string };
};

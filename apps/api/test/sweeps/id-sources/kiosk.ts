import type { IdSource } from '../support/world';

/**
 * A terminal enrolled by the admin; a QR sign-in request still pending (signInRequestId) and a
 * kiosk session opened by A from another request (kioskSessionId).
 */
export const kioskIds: IdSource = async ({ t, admin, a }) => {
  const terminal = await t.http
    .post('/api/admin/kiosk/terminals')
    .set('Authorization', admin.auth ?? '')
    .send({ name: 'Borne des balayages' })
    .expect(201);
  const token = new URL(terminal.body.activationUrl as string).searchParams.get('jeton');
  const activated = await t.http.post('/api/kiosk/terminal').send({ token }).expect(200);
  const cookie = ([] as string[]).concat(activated.headers['set-cookie'] ?? [])[0].split(';')[0];
  const ask = () => t.http.post('/api/kiosk/sign-in-requests').set('Cookie', cookie).expect(201);
  const pending = await ask();
  const approved = await ask();
  const code = new URL(approved.body.approveUrl as string).searchParams.get('code');
  const session = await t.http
    .post('/api/kiosk/sign-in-requests/approve')
    .set('Authorization', a.auth ?? '')
    .send({ code, confirmation: approved.body.confirmation })
    .expect(200);
  return { signInRequestId: pending.body.id as string, kioskSessionId: session.body.id as string };
};

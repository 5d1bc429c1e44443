import type { IdSource } from '../support/world';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n');

/**
 * A request of household A, submitted, with an uploaded attachment. Request routes and the admin
 * request-type routes both name their id `id`: the request's id fills it (a type route then answers 404).
 */
export const requestsIds: IdSource = async ({ t, a }) => {
  const as = <T extends { set(k: string, v: string): T }>(req: T) => req.set('Authorization', a.auth ?? '');
  const request = await as(t.http.post('/api/requests'))
    .send({ typeCode: 'message-libre', data: { subject: 'Bonjour', message: 'Une question.' }, submit: true })
    .expect(201);
  await as(t.http.post(`/api/requests/${request.body.id}/documents`))
    .attach('file', PDF, { filename: 'piece.pdf', contentType: 'application/pdf' })
    .expect(201);
  return { id: request.body.id as string };
};

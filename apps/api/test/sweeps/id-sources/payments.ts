import type { IdSource } from '../support/world';

/** Payments: A's online payment of A's invoice (sandbox), and the providers' names. Runs after billingIds. */
export const paymentsIds: IdSource = async ({ t, a }) => {
  const invoices = (
    await t.http
      .get('/api/invoices')
      .set('Authorization', a.auth ?? '')
      .expect(200)
  ).body as {
    id: string;
  }[];
  const started = await t.http
    .post(`/api/invoices/${invoices[0].id}/payments`)
    .set('Authorization', a.auth ?? '')
    .expect(201);
  return { paymentId: started.body.paymentId, provider: 'sandbox' };
};

import type { HouseholdView, TariffView } from '@foyer/shared/contracts';
import type { IdSource } from '../support/world';

/**
 * Billing: a tariff and a billing run (for a month long past, so the run never meets the demo's),
 * and A's invoice: A's child's day at the canteen in January 2020, marked present (written in the
 * bookings tables: their routes refuse a day that far back), billed by the run the admin finalizes.
 * Runs after householdsIds and bookingsIds.
 */
export const billingIds: IdSource = async ({ t, a, admin }) => {
  const as = <R extends { set(name: string, value: string): R }>(req: R, who = a) =>
    req.set('Authorization', who.auth ?? '');
  const household = (await as(t.http.get('/api/household')).expect(200)).body as HouseholdView;
  const child = household.children[0];
  const tariffs = (await as(t.http.get('/api/admin/tariffs'), admin).expect(200)).body as TariffView[];
  const canteen = tariffs.find((x) => x.unit.one === 'repas') ?? tariffs[0];
  const old = (
    await as(t.http.post('/api/admin/tariffs'), admin)
      .send({
        ...canteen,
        id: undefined,
        activityLabel: undefined,
        createdAt: undefined,
        validFrom: '2020-01-01',
        validTo: '2020-12-31',
      })
      .expect(201)
  ).body as TariffView;
  await t.dataSource.query(
    `INSERT INTO bookings (child_id, household_id, activity_id, offer_id, date, status, arrival)
     SELECT $1, $2, $3, o.id, '2020-01-06', 'booked', 1 FROM activity_offers o WHERE o.activity_id = $3 LIMIT 1`,
    [child.id, household.id, old.activityId],
  );
  await t.dataSource.query(
    `INSERT INTO attendance (child_id, household_id, activity_id, site_id, date, mark, marked_by, marked_at)
     SELECT $1, $2, $3, o.site_id, '2020-01-06', 'present', u.id, now()
       FROM activity_offers o, users u WHERE o.activity_id = $3 AND lower(u.email) = 'admin@demo.test' LIMIT 1`,
    [child.id, household.id, old.activityId],
  );
  const run = await as(t.http.post('/api/admin/billing-runs'), admin).send({ period: '2020-01' }).expect(201);
  await as(t.http.post(`/api/admin/billing-runs/${run.body.id}/finalize`), admin)
    .send({})
    .expect(200);
  const invoices = (await as(t.http.get('/api/invoices')).expect(200)).body as { id: string }[];
  if (invoices.length === 0) throw new Error('the sweep invoice was not issued');
  return { tariffId: old.id, billingRunId: run.body.id, invoiceId: invoices[0].id };
};

import type {
  ActivityView,
  BookingCalendarView,
  EnrollmentView,
  HouseholdView,
} from '@foyer/shared/contracts';
import type { IdSource } from '../support/world';

/**
 * Bookings: A's child (from the households source) enrolled in the canteen of its school (asked by
 * A, approved by the admin), one booked day, a calendar-feed token; an activity and its offer for the
 * admin routes. Runs after householdsIds.
 */
export const bookingsIds: IdSource = async ({ t, a, admin }) => {
  const as = <R extends { set(name: string, value: string): R }>(req: R, who = a) =>
    req.set('Authorization', who.auth ?? '');
  const household = (await as(t.http.get('/api/household')).expect(200)).body as HouseholdView;
  const child = household.children[0];
  const activities = (await as(t.http.get('/api/activities')).expect(200)).body as ActivityView[];
  const canteen = activities.find((x) => x.code === 'cantine') ?? activities[0];
  const offer = canteen.offers.find((o) => o.siteId === child.schoolSiteId) ?? canteen.offers[0];
  const enrollment = (
    await as(t.http.post(`/api/children/${child.id}/enrollments`))
      .send({ activityId: canteen.id, siteId: offer.siteId, schoolYear: '2026-2027' })
      .expect(201)
  ).body as EnrollmentView;
  await as(t.http.post(`/api/agent/enrollments/${enrollment.id}/decision`), admin)
    .send({ decision: 'approve' })
    .expect(201);
  await as(t.http.put(`/api/children/${child.id}/bookings`))
    .send({ changes: [{ date: '2027-01-25', activityId: canteen.id, booked: true }] })
    .expect(200);
  const calendar = (
    await as(t.http.get(`/api/children/${child.id}/calendar?from=2027-01-25&to=2027-01-25`)).expect(200)
  ).body as BookingCalendarView;
  const bookingId = calendar.days.find((d) => d.bookingId)?.bookingId;
  if (!bookingId) throw new Error('the sweep booking was not made');
  const feed = await as(t.http.post(`/api/children/${child.id}/calendar-feed`)).expect(201);
  const token =
    String(feed.body.url)
      .split('/')
      .pop()
      ?.replace(/\.ics$/, '') ?? '';
  return {
    activityId: canteen.id,
    offerId: offer.id,
    enrollmentId: enrollment.id,
    bookingId,
    token,
  };
};

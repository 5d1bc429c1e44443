import { BookingCalendarView, BookingChangesView } from '@foyer/shared/contracts';
import { BookingsTestApp, createBookingsTestApp, makeFamilies } from './support';

describe('family bookings', () => {
  let t: BookingsTestApp;

  beforeAll(async () => {
    t = await createBookingsTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('books next week’s canteen and evening care, shows them on the calendar, and cancels one day', async () => {
    const [family] = await makeFamilies(t, 1, [
      { activity: 'cantine', site: 'ecole-jean-jaures' },
      { activity: 'accueil-soir', site: 'ecole-jean-jaures' },
    ]);
    const canteen = t.activity('cantine').id;
    const evening = t.activity('accueil-soir').id;
    // Thursday 14 January 08:30: the canteen's deadline for the week of 18 January is today 12:00.
    const changes = [
      { date: '2027-01-18', activityId: canteen, booked: true },
      { date: '2027-01-19', activityId: canteen, booked: true },
      { date: '2027-01-20', activityId: canteen, booked: true }, // Wednesday: no class
      { date: '2027-01-19', activityId: evening, booked: true },
      { date: '2027-01-21', activityId: evening, booked: true },
    ];
    const res = await t.http
      .put(`/api/children/${family.childId}/bookings`)
      .set('Authorization', family.auth)
      .send({ changes })
      .expect(200);
    const view = res.body as BookingChangesView;
    expect(view.outcomes.map((o) => o.outcome)).toEqual(['booked', 'booked', 'refused', 'booked', 'booked']);
    expect(view.outcomes[2].reason).toContain('Pas de classe');

    const calendar = (
      await t.http
        .get(`/api/children/${family.childId}/calendar?from=2027-01-18&to=2027-01-22`)
        .set('Authorization', family.auth)
        .expect(200)
    ).body as BookingCalendarView;
    const day = (date: string, activityId: string) =>
      calendar.days.find((d) => d.date === date && d.activityId === activityId);
    expect(day('2027-01-18', canteen)?.status).toBe('booked');
    expect(day('2027-01-20', canteen)).toMatchObject({ status: 'closed', reason: 'Pas de classe' });
    expect(day('2027-01-18', canteen)?.deadline).toBe('2027-01-14T11:00:00.000Z');
    expect(day('2027-01-22', evening)?.status).toBe('available');

    const cancel = await t.http
      .put(`/api/children/${family.childId}/bookings`)
      .set('Authorization', family.auth)
      .send({ changes: [{ date: '2027-01-19', activityId: canteen, booked: false }] })
      .expect(200);
    expect(cancel.body.outcomes[0]).toMatchObject({ outcome: 'cancelled', late: false });
  });
});

import { BookingChangesView, NotificationTopic } from '@foyer/shared/contracts';
import { WaitlistService } from '@foyer/api/bookings';
import {
  BookingsTestApp,
  createBookingsTestApp,
  Family,
  makeFamilies,
  messagesOf,
  setOffer,
} from './support';

const DAY = '2027-01-25';

async function book(t: BookingsTestApp, f: Family, activityId: string, booked = true, date = DAY) {
  const res = await t.http
    .put(`/api/children/${f.childId}/bookings`)
    .set('Authorization', f.auth)
    .send({ changes: [{ date, activityId, booked }] });
  expect(res.status).toBe(200);
  return (res.body as BookingChangesView).outcomes[0];
}

describe('capacity and the waiting list', () => {
  let t: BookingsTestApp;

  beforeAll(async () => {
    t = await createBookingsTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('gives the last 10 places to exactly 10 of 200 parallel requests and lines the others up in arrival order', async () => {
    const offer = t.offerId('cantine', 'ecole-paul-bert');
    await setOffer(t, offer, 15, 500);
    const canteen = t.activity('cantine').id;
    const early = await makeFamilies(t, 5, [{ activity: 'cantine', site: 'ecole-paul-bert' }]);
    for (const f of early) expect((await book(t, f, canteen)).outcome).toBe('booked');
    const rush = await makeFamilies(t, 200, [{ activity: 'cantine', site: 'ecole-paul-bert' }]);
    const outcomes = await Promise.all(rush.map((f) => book(t, f, canteen)));
    expect(outcomes.filter((o) => o.outcome === 'booked')).toHaveLength(10);
    const waiting = outcomes.filter((o) => o.outcome === 'waitlisted');
    expect(waiting).toHaveLength(190);
    // Positions are 1…190, each once, in the order the database handed out arrival numbers.
    expect(waiting.map((o) => o.waitlistPosition).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(
      Array.from({ length: 190 }, (_, i) => i + 1),
    );
    const rows: { status: string; arrival: number }[] = await t.dataSource.query(
      `SELECT status, arrival FROM bookings WHERE offer_id = $1 AND date = $2 ORDER BY arrival`,
      [offer, DAY],
    );
    expect(rows.filter((r) => r.status === 'booked')).toHaveLength(15);
    expect(rows.slice(0, 15).every((r) => r.status === 'booked')).toBe(true);
    expect(rows.slice(15).every((r) => r.status === 'waitlisted')).toBe(true);
    expect(rows.map((r) => r.arrival)).toEqual(Array.from({ length: 205 }, (_, i) => i + 1));
    const [counter] = await t.dataSource.query(
      `SELECT taken, waiting FROM offer_days WHERE offer_id = $1 AND date = $2`,
      [offer, DAY],
    );
    expect(counter).toEqual({ taken: 15, waiting: 190 });
  });

  it('books the first waiting child at once when a place frees (auto promotion) and tells the family', async () => {
    const offer = t.offerId('cantine', 'ecole-louise-michel');
    await setOffer(t, offer, 1, 5);
    const canteen = t.activity('cantine').id;
    const [first, second, third] = await makeFamilies(t, 3, [
      { activity: 'cantine', site: 'ecole-louise-michel' },
    ]);
    expect((await book(t, first, canteen)).outcome).toBe('booked');
    expect(await book(t, second, canteen)).toMatchObject({ outcome: 'waitlisted', waitlistPosition: 1 });
    expect(await book(t, third, canteen)).toMatchObject({ outcome: 'waitlisted', waitlistPosition: 2 });
    expect((await book(t, first, canteen, false)).outcome).toBe('cancelled');
    const calendar = await t.http
      .get(`/api/children/${second.childId}/calendar?from=${DAY}&to=${DAY}`)
      .set('Authorization', second.auth)
      .expect(200);
    expect(calendar.body.days[0].status).toBe('booked');
    const third2 = await t.http
      .get(`/api/children/${third.childId}/calendar?from=${DAY}&to=${DAY}`)
      .set('Authorization', third.auth)
      .expect(200);
    expect(third2.body.days[0]).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    const messages = await messagesOf(t, second.householdId, NotificationTopic.WaitingList);
    expect(messages[0].subject).toContain('Place obtenue');
    // The freed place was given once: still one booked.
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM bookings WHERE offer_id = $1 AND date = $2 AND status = 'booked'`,
      [offer, DAY],
    );
    expect(n).toBe(1);
  });

  it('offers a freed place for a time, passes it on when the offer expires, and books on acceptance', async () => {
    // Evening care promotes by offer (24 h).
    const offer = t.offerId('accueil-soir', 'ecole-victor-hugo');
    await setOffer(t, offer, 1, 5);
    const evening = t.activity('accueil-soir').id;
    const [first, second, third] = await makeFamilies(t, 3, [
      { activity: 'accueil-soir', site: 'ecole-victor-hugo' },
    ]);
    expect((await book(t, first, evening)).outcome).toBe('booked');
    expect((await book(t, second, evening)).outcome).toBe('waitlisted');
    expect((await book(t, third, evening)).outcome).toBe('waitlisted');
    expect((await book(t, first, evening, false)).outcome).toBe('cancelled');

    const offers = await t.http
      .get('/api/household/booking-offers')
      .set('Authorization', second.auth)
      .expect(200);
    expect(offers.body).toHaveLength(1);
    expect(offers.body[0]).toMatchObject({ date: DAY, expiresAt: '2027-01-15T07:30:00.000Z' });
    const offered = await messagesOf(t, second.householdId, NotificationTopic.WaitingList);
    expect(offered[0].subject).toContain('Une place vous est proposée');
    const secondBooking = offers.body[0].bookingId as string;

    // A day later and an hour more: the offer has expired and passes to the third family.
    t.clock.advance(25 * 3_600_000);
    expect(await t.app.get(WaitlistService).expireOffers()).toBe(1);
    await t.http
      .post(`/api/household/booking-offers/${secondBooking}/accept`)
      .set('Authorization', second.auth)
      .expect(409);
    const thirdOffers = await t.http
      .get('/api/household/booking-offers')
      .set('Authorization', third.auth)
      .expect(200);
    expect(thirdOffers.body).toHaveLength(1);
    await t.http
      .post(`/api/household/booking-offers/${thirdOffers.body[0].bookingId}/accept`)
      .set('Authorization', third.auth)
      .expect(200);
    const rows: { status: string }[] = await t.dataSource.query(
      `SELECT status FROM bookings WHERE offer_id = $1 AND date = $2 ORDER BY arrival`,
      [offer, DAY],
    );
    expect(rows.map((r) => r.status)).toEqual(['cancelled', 'expired', 'booked']);
    const [counter] = await t.dataSource.query(
      `SELECT taken, waiting FROM offer_days WHERE offer_id = $1 AND date = $2`,
      [offer, DAY],
    );
    expect(counter).toEqual({ taken: 1, waiting: 0 });
    t.clock.set('2027-01-14T08:30:00+01:00');
  });

  it('refuses a booking when the place and the waiting list are full, and another household’s offer is not found', async () => {
    const offer = t.offerId('accueil-matin', 'ecole-jean-jaures');
    await setOffer(t, offer, 1, 0);
    const morning = t.activity('accueil-matin').id;
    const [first, second] = await makeFamilies(t, 2, [
      { activity: 'accueil-matin', site: 'ecole-jean-jaures' },
    ]);
    expect((await book(t, first, morning)).outcome).toBe('booked');
    expect(await book(t, second, morning)).toMatchObject({
      outcome: 'refused',
      reason: expect.stringContaining('Complet'),
    });
    const [row] = await t.dataSource.query(`SELECT id FROM bookings WHERE child_id = $1`, [first.childId]);
    await t.http
      .post(`/api/household/booking-offers/${row.id}/decline`)
      .set('Authorization', second.auth)
      .expect(404);
  });
});

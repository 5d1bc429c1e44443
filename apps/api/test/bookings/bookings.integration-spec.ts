import ICAL from 'ical.js';
import { BookingCalendarView, BookingChangesView, MAX_BOOKING_CHANGES, Role } from '@foyer/shared/contracts';
import { PDF, signIn } from '../households/support';
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

  it('refuses bad input with a clear error and changes nothing', async () => {
    const [family, other] = await makeFamilies(t, 2, [{ activity: 'cantine', site: 'ecole-jean-jaures' }]);
    const canteen = t.activity('cantine').id;
    const evening = t.activity('accueil-soir').id;
    const put = (childId: string, changes: unknown, who = family) =>
      t.http.put(`/api/children/${childId}/bookings`).set('Authorization', who.auth).send({ changes });
    const count = async () =>
      (
        await t.dataSource.query(`SELECT count(*)::int AS n FROM bookings WHERE child_id = $1`, [
          family.childId,
        ])
      )[0].n;

    // A date outside any school year the city opened.
    const outside = await put(family.childId, [
      { date: '2027-01-25', activityId: canteen, booked: true },
      { date: '2031-01-06', activityId: canteen, booked: true },
    ]).expect(400);
    expect(outside.body.fields[0].field).toBe('changes.1.date');
    expect(outside.body.message).toContain('hors des années scolaires');
    // An activity the child is not enrolled in.
    const notEnrolled = await put(family.childId, [
      { date: '2027-01-25', activityId: evening, booked: true },
    ]).expect(400);
    expect(notEnrolled.body.fields[0].field).toBe('changes.0.activityId');
    expect(notEnrolled.body.message).toContain('n’est pas inscrit');
    // Another household's child: the 404 of an unknown child.
    const foreign = await put(other.childId, [
      { date: '2027-01-25', activityId: canteen, booked: true },
    ]).expect(404);
    expect(foreign.body.message).toBe('Cet enfant est introuvable.');
    // Too many changes at once: the limit is named.
    const many = Array.from({ length: 500 }, (_, i) => ({
      date: `2027-0${1 + (Math.floor(i / 28) % 6)}-${String((i % 28) + 1).padStart(2, '0')}`,
      activityId: canteen,
      booked: true,
    }));
    const tooMany = await put(family.childId, many).expect(400);
    expect(tooMany.body.fields[0].field).toBe('changes');
    expect(tooMany.body.message).toContain(String(MAX_BOOKING_CHANGES));
    // A malformed date.
    const malformed = await put(family.childId, [
      { date: '2027-02-30', activityId: canteen, booked: true },
    ]).expect(400);
    expect(malformed.body.fields[0].field).toBe('changes.0.date');
    // A list where a change should be (found by the bad-input sweep: it used to answer 500).
    const nested = await t.http
      .put(`/api/children/${family.childId}/bookings`)
      .set('Authorization', family.auth)
      .send({ changes: [[]] })
      .expect(400);
    expect(nested.body.fields[0].field).toBe('changes');
    expect(await count()).toBe(0);
    // A list where the activity's rules object should be (found by the bad-input sweep: it was accepted).
    const rules = await t.http
      .patch(`/api/admin/activities/${canteen}`)
      .set('Authorization', signIn(t, Role.Admin).auth)
      .send({ rules: [] })
      .expect(400);
    expect(rules.body.fields[0].field).toBe('rules');
    // A calendar of more than a quarter.
    await t.http
      .get(`/api/children/${family.childId}/calendar?from=2027-01-01&to=2027-06-30`)
      .set('Authorization', family.auth)
      .expect(400);
  });

  it('refuses a change after the deadline, or accepts it late with a surcharge, as the activity says', async () => {
    const [family] = await makeFamilies(t, 1, [
      { activity: 'cantine', site: 'ecole-jean-jaures' },
      { activity: 'accueil-soir', site: 'ecole-jean-jaures' },
    ]);
    const canteen = t.activity('cantine').id;
    const evening = t.activity('accueil-soir').id;
    // Thursday 14 January, 13:00. Evening care of Friday 15 closed on Wednesday 13 at 09:00 (2 working
    // days before) and refuses late changes; the canteen of Monday 18 closed today at 12:00 and takes
    // late bookings with its surcharge; Monday 25 is still open.
    t.clock.set('2027-01-14T13:00:00+01:00');
    const res = await t.http
      .put(`/api/children/${family.childId}/bookings`)
      .set('Authorization', family.auth)
      .send({
        changes: [
          { date: '2027-01-15', activityId: evening, booked: true },
          { date: '2027-01-18', activityId: canteen, booked: true },
          { date: '2027-01-25', activityId: canteen, booked: true },
        ],
      })
      .expect(200);
    t.clock.set('2027-01-14T08:30:00+01:00');
    const [refused, late, onTime] = (res.body as BookingChangesView).outcomes;
    expect(refused).toMatchObject({
      outcome: 'refused',
      reason: expect.stringContaining('date limite est dépassée'),
    });
    expect(late).toMatchObject({ outcome: 'booked', late: true });
    expect(onTime).toMatchObject({ outcome: 'booked', late: false });
    const [row] = await t.dataSource.query(
      `SELECT late FROM bookings WHERE child_id = $1 AND date = '2027-01-18'`,
      [family.childId],
    );
    expect(row.late).toBe(true);
  });

  it('books a week pattern over a period, skipping days without service, and cancels a period', async () => {
    const [family] = await makeFamilies(t, 1, [{ activity: 'cantine', site: 'ecole-victor-hugo' }]);
    const canteen = t.activity('cantine').id;
    // Mondays and Thursdays from 18 January to 12 February: the winter holidays start on 6 February.
    const res = await t.http
      .post(`/api/children/${family.childId}/bookings/pattern`)
      .set('Authorization', family.auth)
      .send({ activityId: canteen, from: '2027-01-18', to: '2027-02-12', weekdays: [1, 4] })
      .expect(200);
    const view = res.body as BookingChangesView;
    expect(view.outcomes.map((o) => o.date)).toEqual([
      '2027-01-18',
      '2027-01-21',
      '2027-01-25',
      '2027-01-28',
      '2027-02-01',
      '2027-02-04',
    ]);
    expect(view.booked).toBe(6);
    const cancel = await t.http
      .post(`/api/children/${family.childId}/bookings/cancel-period`)
      .set('Authorization', family.auth)
      .send({ activityId: canteen, from: '2027-01-25', to: '2027-02-05', weekdays: [1, 2, 3, 4, 5] })
      .expect(200);
    expect((cancel.body as BookingChangesView).cancelled).toBe(4);
    expect(
      (cancel.body as BookingChangesView).outcomes.filter((o) => o.outcome === 'unchanged'),
    ).toHaveLength(4);
  });

  it('cancels for illness the same morning and justifies the absence with a certificate', async () => {
    const [family] = await makeFamilies(t, 1, [{ activity: 'cantine', site: 'ecole-paul-bert' }]);
    const canteen = t.activity('cantine').id;
    // Booked before the deadline, the week before.
    t.clock.set('2027-01-07T10:00:00+01:00');
    await t.http
      .put(`/api/children/${family.childId}/bookings`)
      .set('Authorization', family.auth)
      .send({ changes: [{ date: '2027-01-14', activityId: canteen, booked: true }] })
      .expect(200);
    t.clock.set('2027-01-14T08:30:00+01:00');
    const sick = await t.http
      .post(`/api/children/${family.childId}/bookings/sick`)
      .set('Authorization', family.auth)
      .send({ date: '2027-01-14', activityId: canteen })
      .expect(200);
    expect(sick.body.outcomes[0].outcome).toBe('cancelled');
    const calendar = await t.http
      .get(`/api/children/${family.childId}/calendar?from=2027-01-14&to=2027-01-14`)
      .set('Authorization', family.auth)
      .expect(200);
    const day = (calendar.body as BookingCalendarView).days[0];
    expect(day).toMatchObject({ status: 'locked', absence: 'sick_pending' });
    await t.http
      .post(`/api/children/${family.childId}/bookings/${day.bookingId}/certificate`)
      .set('Authorization', family.auth)
      .attach('file', Buffer.from('pas un pdf'), { filename: 'x.txt', contentType: 'text/plain' })
      .expect(400);
    await t.http
      .post(`/api/children/${family.childId}/bookings/${day.bookingId}/certificate`)
      .set('Authorization', family.auth)
      .attach('file', PDF, { filename: 'certificat.pdf', contentType: 'application/pdf' })
      .expect(200, { justified: true });
    const after = await t.http
      .get(`/api/children/${family.childId}/calendar?from=2027-01-14&to=2027-01-14`)
      .set('Authorization', family.auth)
      .expect(200);
    expect(after.body.days[0].absence).toBe('justified');
    // Too late in the morning for another child.
    const [late] = await makeFamilies(t, 1, [{ activity: 'cantine', site: 'ecole-paul-bert' }]);
    t.clock.set('2027-01-14T10:00:00+01:00');
    await t.http
      .post(`/api/children/${late.childId}/bookings/sick`)
      .set('Authorization', late.auth)
      .send({ date: '2027-01-14', activityId: canteen })
      .expect(409);
    t.clock.set('2027-01-14T08:30:00+01:00');
  });

  it('publishes a private ICS feed read back by ical.js with Paris times; a regenerated link retires the old one', async () => {
    const [family] = await makeFamilies(t, 1, [{ activity: 'cantine', site: 'ecole-louise-michel' }]);
    const canteen = t.activity('cantine').id;
    // The last Monday of March 2027 is after the change to summer time (28 March).
    t.clock.set('2027-03-04T09:00:00+01:00');
    await t.http
      .put(`/api/children/${family.childId}/bookings`)
      .set('Authorization', family.auth)
      .send({
        changes: [
          { date: '2027-03-22', activityId: canteen, booked: true },
          { date: '2027-03-30', activityId: canteen, booked: true },
        ],
      })
      .expect(200);
    const first = await t.http
      .post(`/api/children/${family.childId}/calendar-feed`)
      .set('Authorization', family.auth)
      .expect(201);
    const path = new URL(first.body.url).pathname;
    const ics = await t.http.get(path).expect(200);
    expect(ics.headers['content-type']).toContain('text/calendar');
    const calendar = new ICAL.Component(ICAL.parse(ics.text));
    const events = calendar
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v))
      .sort((a, b) => a.startDate.compare(b.startDate));
    expect(events).toHaveLength(2);
    const paris = (d: Date) =>
      new Intl.DateTimeFormat('sv-SE', {
        timeZone: 'Europe/Paris',
        dateStyle: 'short',
        timeStyle: 'short',
      }).format(d);
    expect(paris(events[0].startDate.toJSDate())).toBe('2027-03-22 11:30');
    expect(paris(events[1].startDate.toJSDate())).toBe('2027-03-30 11:30');
    expect(events[1].startDate.toJSDate().toISOString()).toBe('2027-03-30T09:30:00.000Z');
    expect(events[0].summary).toContain('Restauration scolaire');

    const second = await t.http
      .post(`/api/children/${family.childId}/calendar-feed`)
      .set('Authorization', family.auth)
      .expect(201);
    await t.http.get(path).expect(404);
    await t.http.get(new URL(second.body.url).pathname).expect(200);
    t.clock.set('2027-01-14T08:30:00+01:00');
  });
});

import { parse } from 'csv-parse/sync';
import {
  AgentEnrollmentView,
  AttendanceMark,
  AttendanceSheetView,
  BookingCalendarView,
  ClosureView,
  EnrollmentView,
  HouseholdView,
  MealCountsView,
  NotificationTopic,
  Role,
} from '@foyer/shared/contracts';
import { BookingsLedger, EnrollmentsService } from '@foyer/api/bookings';
import { ReminderScheduler } from '@foyer/api/notifications';
import { seedDemo } from '../../src/seed';
import { signIn } from '../households/support';
import { BookingsTestApp, createBookingsTestApp, enfanceAgent, makeFamilies, messagesOf } from './support';

/** The kitchen's CSV read back by a real parser (csv-parse: RFC 4180, « ; », BOM, CRLF). */
function parseCsv(text: string): string[][] {
  return parse(text, { delimiter: ';', bom: true });
}

describe('agents: enrolments, closures, attendance, meal counts; reminders and billing reads', () => {
  let t: BookingsTestApp;

  beforeAll(async () => {
    t = await createBookingsTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('lets a parent ask for an enrolment that an enfance agent approves or refuses with a reason, telling the family', async () => {
    const [family] = await makeFamilies(t, 1, []);
    const agent = enfanceAgent(t);
    const ask = (code: string) =>
      t.http
        .post(`/api/children/${family.childId}/enrollments`)
        .set('Authorization', family.auth)
        .send({
          activityId: t.activity(code).id,
          siteId: t.site('ecole-jean-jaures'),
          schoolYear: '2026-2027',
        });
    const canteen = (await ask('cantine').expect(201)).body as EnrollmentView;
    expect(canteen).toMatchObject({ status: 'pending', missingDocuments: ['insurance'] });
    await ask('cantine').expect(409);
    const evening = (await ask('accueil-soir').expect(201)).body as EnrollmentView;
    // Not at a site that does not offer it.
    await t.http
      .post(`/api/children/${family.childId}/enrollments`)
      .set('Authorization', family.auth)
      .send({
        activityId: t.activity('cantine').id,
        siteId: t.site('centre-loisirs-les-iles'),
        schoolYear: '2026-2027',
      })
      .expect(400);
    // Residents and other scopes cannot decide.
    await t.http
      .post(`/api/agent/enrollments/${canteen.id}/decision`)
      .set('Authorization', family.auth)
      .send({ decision: 'approve' })
      .expect(403);
    const pending = (await t.http.get('/api/agent/enrollments').set('Authorization', agent.auth).expect(200))
      .body as AgentEnrollmentView[];
    expect(pending.some((e) => e.id === canteen.id && e.status === 'pending')).toBe(true);
    await t.http
      .post(`/api/agent/enrollments/${evening.id}/decision`)
      .set('Authorization', agent.auth)
      .send({ decision: 'refuse' })
      .expect(400);
    const refused = await t.http
      .post(`/api/agent/enrollments/${evening.id}/decision`)
      .set('Authorization', agent.auth)
      .send({ decision: 'refuse', reason: 'Plus de place en étude cette année.' })
      .expect(201);
    expect(refused.body).toMatchObject({ status: 'refused', reason: 'Plus de place en étude cette année.' });
    await t.http
      .post(`/api/agent/enrollments/${canteen.id}/decision`)
      .set('Authorization', agent.auth)
      .send({ decision: 'approve' })
      .expect(201);
    await t.http
      .post(`/api/agent/enrollments/${canteen.id}/decision`)
      .set('Authorization', agent.auth)
      .send({ decision: 'refuse', reason: 'x' })
      .expect(409);
    const messages = await messagesOf(t, family.householdId, NotificationTopic.EnrolmentDecision);
    expect(messages).toHaveLength(2);
    expect(messages.map((m) => m.body).join('\n')).toContain('Plus de place en étude');
    // Approved: the canteen can be booked now.
    const booked = await t.http
      .put(`/api/children/${family.childId}/bookings`)
      .set('Authorization', family.auth)
      .send({ changes: [{ date: '2027-01-25', activityId: t.activity('cantine').id, booked: true }] })
      .expect(200);
    expect(booked.body.booked).toBe(1);
  });

  it('enrols a child directly for another domain, alone or inside the caller’s transaction (rolled back with it)', async () => {
    const [family, other] = await makeFamilies(t, 2, []);
    const service = t.app.get(EnrollmentsService);
    const admin = { id: signIn(t, Role.Admin).id, role: Role.Admin };
    const input = (childId: string) => ({
      childId,
      activityId: t.activity('mercredi-journee').id,
      siteId: t.site('centre-loisirs-les-iles'),
      schoolYear: '2026-2027',
    });
    const id = await service.enrol(admin, input(family.childId));
    expect(await service.get(id)).toMatchObject({ status: 'approved', childId: family.childId });
    await expect(
      t.dataSource.transaction(async (m) => {
        await service.enrol(admin, input(other.childId), { manager: m });
        throw new Error('the caller fails after enrolling');
      }),
    ).rejects.toThrow('the caller fails');
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM enrollments WHERE child_id = $1`,
      [other.childId],
    );
    expect(n).toBe(0);
    await t.dataSource.transaction((m) => service.enrol(admin, input(other.childId), { manager: m }));
    const list = await t.http
      .get(`/api/children/${other.childId}/enrollments`)
      .set('Authorization', other.auth)
      .expect(200);
    expect(list.body[0]).toMatchObject({
      status: 'approved',
      activityName: 'Mercredi au centre de loisirs (journée)',
    });
  });

  it('closes a site for a day: bookings cancelled without charge, families told once, the calendar says why', async () => {
    const families = await makeFamilies(t, 3, [{ activity: 'cantine', site: 'ecole-victor-hugo' }]);
    const canteen = t.activity('cantine').id;
    for (const f of families) {
      await t.http
        .put(`/api/children/${f.childId}/bookings`)
        .set('Authorization', f.auth)
        .send({
          changes: [
            { date: '2027-01-28', activityId: canteen, booked: true },
            { date: '2027-01-29', activityId: canteen, booked: true },
          ],
        })
        .expect(200);
    }
    const agent = enfanceAgent(t);
    const closure = (
      await t.http
        .post('/api/agent/closures')
        .set('Authorization', agent.auth)
        .send({ siteId: t.site('ecole-victor-hugo'), from: '2027-01-28', to: '2027-01-28', reason: 'grève' })
        .expect(201)
    ).body as ClosureView;
    expect(closure.cancelledBookings).toBeGreaterThanOrEqual(3);
    const messages = await messagesOf(t, families[0].householdId, NotificationTopic.BookingClosure);
    expect(messages).toHaveLength(1);
    expect(messages[0].body).toContain('grève');
    expect(messages[0].body).toContain('(1 jour)');
    const calendar = (
      await t.http
        .get(`/api/children/${families[0].childId}/calendar?from=2027-01-28&to=2027-01-29`)
        .set('Authorization', families[0].auth)
        .expect(200)
    ).body as BookingCalendarView;
    expect(calendar.days.map((d) => [d.status, d.reason])).toEqual([
      ['closed', 'Fermeture : grève'],
      ['booked', null],
    ]);
    // Booking the closed day is refused, with the reason.
    const again = await t.http
      .put(`/api/children/${families[0].childId}/bookings`)
      .set('Authorization', families[0].auth)
      .send({ changes: [{ date: '2027-01-28', activityId: canteen, booked: true }] })
      .expect(200);
    expect(again.body.outcomes[0]).toMatchObject({ outcome: 'refused', reason: 'Fermeture : grève.' });
    // Billing reads a closure day, never charged.
    const days = await t.app.get(BookingsLedger).billableDays('2027-01-28', '2027-01-29', {
      householdIds: [families[0].householdId],
    });
    expect(days.map((d) => [d.date, d.booked, d.closure])).toEqual([
      ['2027-01-28', false, true],
      ['2027-01-29', true, false],
    ]);
  });

  it('gives the gate list with allergies, PAI and pick-ups, marks children in one tap, adds a walk-in, and locks billed days', async () => {
    const [booked, walkIn] = await makeFamilies(t, 2, [{ activity: 'cantine', site: 'ecole-paul-bert' }]);
    await t.dataSource.query(
      `UPDATE children SET allergies = 'arachide', pai = TRUE, last_name = 'Aaron' WHERE id = $1`,
      [booked.childId],
    );
    const canteen = t.activity('cantine').id;
    t.clock.set('2027-01-07T10:00:00+01:00');
    await t.http
      .put(`/api/children/${booked.childId}/bookings`)
      .set('Authorization', booked.auth)
      .send({ changes: [{ date: '2027-01-14', activityId: canteen, booked: true }] })
      .expect(200);
    t.clock.set('2027-01-14T11:45:00+01:00');
    const agent = enfanceAgent(t);
    const query = `siteId=${t.site('ecole-paul-bert')}&activityId=${canteen}&date=2027-01-14`;
    const sheet = (
      await t.http.get(`/api/agent/attendance?${query}`).set('Authorization', agent.auth).expect(200)
    ).body as AttendanceSheetView;
    const expected = sheet.children.find((c) => c.childId === booked.childId);
    expect(expected).toMatchObject({
      booked: true,
      mark: null,
      allergies: 'arachide',
      pai: true,
      authorisedPickups: [],
    });
    const mark = (childId: string, m: AttendanceMark) =>
      t.http
        .put('/api/agent/attendance')
        .set('Authorization', agent.auth)
        .send({
          siteId: t.site('ecole-paul-bert'),
          activityId: canteen,
          date: '2027-01-14',
          childId,
          mark: m,
        });
    await mark(booked.childId, AttendanceMark.Present).expect(200);
    await mark(walkIn.childId, AttendanceMark.Absent).expect(400);
    const after = (await mark(walkIn.childId, AttendanceMark.Present).expect(200))
      .body as AttendanceSheetView;
    expect(after.children.find((c) => c.childId === walkIn.childId)).toMatchObject({
      booked: false,
      mark: 'present',
    });
    const ledger = t.app.get(BookingsLedger);
    const days = await ledger.billableDays('2027-01-14', '2027-01-14', {
      householdIds: [booked.householdId, walkIn.householdId],
    });
    expect(days.find((d) => d.childId === walkIn.childId)).toMatchObject({
      booked: false,
      walkIn: true,
      mark: 'present',
    });
    expect(days.find((d) => d.childId === booked.childId)).toMatchObject({
      booked: true,
      walkIn: false,
      mark: 'present',
    });
    await ledger.lockPeriod('2027-01-01', '2027-01-31', { householdIds: [booked.householdId] });
    await mark(booked.childId, AttendanceMark.Absent).expect(409);
    t.clock.set('2027-01-14T08:30:00+01:00');
  });

  it('counts meals per school with special diets, as JSON and as CSV read back', async () => {
    const families = await makeFamilies(t, 3, [{ activity: 'cantine', site: 'ecole-louise-michel' }]);
    await t.dataSource.query(`UPDATE children SET diet = 'vegetarian' WHERE id = $1`, [families[0].childId]);
    await t.dataSource.query(`UPDATE children SET diet = 'no_pork' WHERE id = $1`, [families[1].childId]);
    const canteen = t.activity('cantine').id;
    for (const f of families) {
      await t.http
        .put(`/api/children/${f.childId}/bookings`)
        .set('Authorization', f.auth)
        .send({ changes: [{ date: '2027-02-01', activityId: canteen, booked: true }] })
        .expect(200);
    }
    const agent = enfanceAgent(t);
    const json = (
      await t.http.get('/api/agent/meal-counts?date=2027-02-01').set('Authorization', agent.auth).expect(200)
    ).body as MealCountsView;
    const row = json.rows.find((r) => r.siteId === t.site('ecole-louise-michel'));
    expect(row).toMatchObject({ total: 3, diets: { none: 1, vegetarian: 1, no_pork: 1, pai_basket: 0 } });
    expect(json.final).toBe(false);
    const csv = await t.http
      .get('/api/agent/meal-counts/csv?date=2027-02-01')
      .set('Authorization', agent.auth)
      .expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const rows = parseCsv(csv.text);
    expect(rows[0]).toEqual(['date', 'site', 'total', 'none', 'no_pork', 'vegetarian', 'pai_basket']);
    const line = rows.find((r) => r[1] === row?.siteName);
    expect(line).toEqual(['2027-02-01', row?.siteName, '3', '1', '1', '1', '0']);
  });

  it('reminds a family once before a deadline closes a week where its enrolled child has no booking', async () => {
    const [forgetful, organised] = await makeFamilies(t, 2, [
      { activity: 'accueil-matin', site: 'ecole-victor-hugo' },
    ]);
    const morning = t.activity('accueil-matin').id;
    // Wednesday 20 January: the morning care's deadline for Thursday 21 is today at 18:00.
    t.clock.set('2027-01-20T08:00:00+01:00');
    await t.http
      .put(`/api/children/${organised.childId}/bookings`)
      .set('Authorization', organised.auth)
      .send({ changes: [{ date: '2027-01-21', activityId: morning, booked: true }] })
      .expect(200);
    const scheduler = t.app.get(ReminderScheduler);
    await scheduler.runDaily();
    await scheduler.runDaily();
    const reminded = await messagesOf(t, forgetful.householdId, NotificationTopic.BookingDeadline);
    expect(reminded.length).toBeGreaterThanOrEqual(1);
    // One per deadline: the two runs sent each deadline once.
    expect(new Set(reminded.map((m) => m.subject)).size).toBe(reminded.length);
    expect(reminded.map((m) => m.subject)).toContain(
      'Réservations : date limite le mercredi 20 janvier à 18:00',
    );
    const organisedMessages = await messagesOf(t, organised.householdId, NotificationTopic.BookingDeadline);
    expect(organisedMessages.map((m) => m.subject)).not.toContain(
      'Réservations : date limite le mercredi 20 janvier à 18:00',
    );
    t.clock.set('2027-01-14T08:30:00+01:00');
  });

  it('seeds a living calendar for the demo family, and seeding twice changes nothing', async () => {
    const count = async () =>
      (
        await t.dataSource.query(
          `SELECT (SELECT count(*)::int FROM activities) AS a, (SELECT count(*)::int FROM activity_offers) AS o,
                  (SELECT count(*)::int FROM enrollments) AS e, (SELECT count(*)::int FROM bookings) AS b,
                  (SELECT count(*)::int FROM holiday_campaigns) AS c,
                  (SELECT string_agg(concat_ws(':', offer_id, date, taken, waiting, arrivals), ',' ORDER BY offer_id, date) FROM offer_days) AS d`,
        )
      )[0];
    await seedDemo(t.dataSource, { today: '2027-01-14' });
    const before = await count();
    await seedDemo(t.dataSource, { today: '2027-01-14' });
    expect(await count()).toEqual(before);
    const [{ user_id }] = await t.dataSource.query(
      `SELECT g.user_id FROM household_guardians g JOIN users u ON u.id = g.user_id WHERE u.email = 'parent@demo.test'`,
    );
    const parent = signIn(t, Role.Resident, [], user_id);
    const household = (await t.http.get('/api/household').set('Authorization', parent.auth).expect(200))
      .body as HouseholdView;
    const lea = household.children.find((c) => c.firstName === 'Léa');
    const calendar = (
      await t.http
        .get(`/api/children/${lea?.id}/calendar?from=2027-01-04&to=2027-02-05`)
        .set('Authorization', parent.auth)
        .expect(200)
    ).body as BookingCalendarView;
    expect(calendar.activities.map((a) => a.name)).toEqual(
      expect.arrayContaining([
        'Restauration scolaire',
        'Accueil du soir et étude',
        'Mercredi au centre de loisirs (journée)',
      ]),
    );
    expect(calendar.days.filter((d) => d.status === 'booked').length).toBeGreaterThan(20);
    // Léa waits for a Wednesday outing (laid a week or more after the day the seed first ran).
    const [{ date }] = await t.dataSource.query(
      `SELECT to_char(date, 'YYYY-MM-DD') AS date FROM bookings WHERE child_id = $1 AND status = 'waitlisted' ORDER BY date LIMIT 1`,
      [lea?.id],
    );
    const outing = (
      await t.http
        .get(`/api/children/${lea?.id}/calendar?from=${date}&to=${date}`)
        .set('Authorization', parent.auth)
        .expect(200)
    ).body as BookingCalendarView;
    expect(outing.days.find((d) => d.status === 'waitlisted')).toMatchObject({ waitlistPosition: 1 });
    const activities = (await t.http.get('/api/activities').set('Authorization', parent.auth).expect(200))
      .body;
    expect(activities.find((a: { code: string }) => a.code === 'vacances').campaigns.length).toBeGreaterThan(
      0,
    );
  });
});

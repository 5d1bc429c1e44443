import { ActivityView, AgentScope, Role } from '@foyer/shared/contracts';
import { Caller, createHouseholdsTestApp, HouseholdsTestApp, signIn } from '../households/support';
import { TestAppOptions } from '../test-app';

export interface BookingsTestApp extends HouseholdsTestApp {
  activities: ActivityView[];
  activity(code: string): ActivityView;
  site(code: string): string;
  offerId(activityCode: string, siteCode: string): string;
}

/** The seeded city and catalogue; the clock at Thursday 14 January 2027, 08:30 in Paris unless told. */
export async function createBookingsTestApp(options: TestAppOptions = {}): Promise<BookingsTestApp> {
  const t = await createHouseholdsTestApp(options);
  const admin = signIn(t, Role.Admin);
  const activities = (await t.http.get('/api/activities').set('Authorization', admin.auth).expect(200))
    .body as ActivityView[];
  const activity = (code: string) => {
    const a = activities.find((x) => x.code === code);
    if (!a) throw new Error(`no activity ${code}`);
    return a;
  };
  const site = (code: string) => {
    const s = t.sites.find((x) => x.code === code);
    if (!s) throw new Error(`no site ${code}`);
    return s.id;
  };
  return {
    ...t,
    activities,
    activity,
    site,
    offerId: (activityCode, siteCode) => {
      const offer = activity(activityCode).offers.find((o) => o.siteId === site(siteCode));
      if (!offer) throw new Error(`no offer ${activityCode} at ${siteCode}`);
      return offer.id;
    },
  };
}

export interface Family extends Caller {
  householdId: string;
  childId: string;
  firstName: string;
}

/**
 * Families made straight in SQL (a user, a household, a guardian, one child), each child enrolled
 * (approved) in the given activities at a site for 2026-2027: set-up for tests of many families.
 */
export async function makeFamilies(
  t: BookingsTestApp,
  count: number,
  enrolments: { activity: string; site: string }[],
  options: { schoolYear?: string; prefix?: string } = {},
): Promise<Family[]> {
  const prefix = options.prefix ?? `f${Math.random().toString(36).slice(2, 8)}`;
  const rows: { user_id: string; household_id: string; child_id: string; first_name: string }[] =
    await t.dataSource.query(
      `WITH u AS (
         INSERT INTO users (email, first_name, last_name, email_verified_at)
         SELECT $2 || '-' || g || '@exemple.fr', 'Parent' || g, 'Famille' || g, now() FROM generate_series(1, $1) g
         RETURNING id, email
       ), numbered AS (SELECT id, email, row_number() OVER (ORDER BY email) AS n FROM u),
       h AS (
         INSERT INTO households (address_line1, postal_code, city, in_commune)
         SELECT 'rue ' || n, '99123', 'Foyer-sur-Marne', TRUE FROM numbered RETURNING id
       ), hn AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM h),
       g AS (
         INSERT INTO household_guardians (household_id, user_id, rank)
         SELECT hn.id, numbered.id, 1 FROM hn JOIN numbered USING (n) RETURNING household_id, user_id
       ), c AS (
         INSERT INTO children (household_id, first_name, last_name, birth_date, sex)
         SELECT household_id, 'Enfant' || row_number() OVER (ORDER BY household_id), 'Famille', '2018-06-01', 'F' FROM g
         RETURNING id, household_id, first_name
       )
       SELECT g.user_id, g.household_id, c.id AS child_id, c.first_name FROM g JOIN c USING (household_id)`,
      [count, prefix],
    );
  for (const e of enrolments) {
    await t.dataSource.query(
      `INSERT INTO enrollments (child_id, household_id, activity_id, site_id, school_year, status, requested_at, decided_at)
       SELECT c, h, $3, $4, $5, 'approved', now(), now() FROM unnest($1::uuid[], $2::uuid[]) AS x(c, h)`,
      [
        rows.map((r) => r.child_id),
        rows.map((r) => r.household_id),
        t.activity(e.activity).id,
        t.site(e.site),
        options.schoolYear ?? '2026-2027',
      ],
    );
  }
  return rows.map((r) => ({
    ...signIn(t, Role.Resident, [], r.user_id),
    householdId: r.household_id,
    childId: r.child_id,
    firstName: r.first_name,
  }));
}

export const enfanceAgent = (t: BookingsTestApp) => signIn(t, Role.Agent, [AgentScope.Enfance]);

/** Sets the capacity and waiting list of an offer (admin route). */
export async function setOffer(
  t: BookingsTestApp,
  offerId: string,
  capacityPerDay: number,
  waitlistSize: number,
) {
  const admin = signIn(t, Role.Admin);
  await t.http
    .patch(`/api/admin/offers/${offerId}`)
    .set('Authorization', admin.auth)
    .send({ capacityPerDay, waitlistSize })
    .expect(200);
}

/** Messages of a household's guardians, newest first. */
export async function messagesOf(t: BookingsTestApp, householdId: string, topic: string) {
  return (await t.dataSource.query(
    `SELECT subject, body, channel FROM notification_messages WHERE household_id = $1 AND topic = $2 AND channel = 'inbox'
      ORDER BY created_at DESC`,
    [householdId, topic],
  )) as { subject: string; body: string; channel: string }[];
}

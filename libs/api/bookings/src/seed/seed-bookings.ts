import { DataSource, EntityManager } from 'typeorm';
import { ActivityKind, LateChangePolicy, PromotionPolicy, WednesdayFormula } from '@foyer/shared/contracts';
import {
  addDays,
  eachDay,
  isoWeekday,
  IsoDate,
  parisInstant,
  SchoolYearCalendar,
  schoolYearOf,
  serviceDay,
} from '@foyer/shared/domain';

interface SeedActivity {
  code: string;
  kind: ActivityKind;
  name: string;
  formula: WednesdayFormula | null;
  requiredDocuments: string[];
  bookingDeadline: string;
  cancelDeadline: string;
  windowWeeks: number;
  lateChange: LateChangePolicy;
  lateSurchargeCents: number;
  sickCancelUntil: string | null;
  certificateDays: number;
  promotion: PromotionPolicy;
  offerHours: number;
  /** Site codes (`*school*` = every school) with capacity and waiting-list size. */
  offers: { sites: 'schools' | string[]; capacity: number; waitlist: number }[];
}

/** The demo catalogue, with rules seen in real cities (../shared/reference/domain-notes.md §3). */
export const DEMO_ACTIVITIES: SeedActivity[] = [
  {
    code: 'cantine',
    kind: ActivityKind.Canteen,
    name: 'Restauration scolaire',
    formula: null,
    requiredDocuments: ['insurance'],
    bookingDeadline: 'thursday of the week before at 12:00',
    cancelDeadline: 'thursday of the week before at 12:00',
    windowWeeks: 8,
    // Late changes accepted with a surcharge (Roncq: +2,50 €).
    lateChange: LateChangePolicy.Surcharge,
    lateSurchargeCents: 250,
    sickCancelUntil: '09:30',
    certificateDays: 2,
    promotion: PromotionPolicy.Auto,
    offerHours: 24,
    offers: [{ sites: 'schools', capacity: 180, waitlist: 20 }],
  },
  {
    code: 'accueil-matin',
    kind: ActivityKind.MorningCare,
    name: 'Accueil du matin',
    formula: null,
    requiredDocuments: ['insurance'],
    bookingDeadline: 'the working day before at 18:00',
    cancelDeadline: 'the working day before at 18:00',
    windowWeeks: 8,
    lateChange: LateChangePolicy.Refuse,
    lateSurchargeCents: 0,
    sickCancelUntil: '07:30',
    certificateDays: 2,
    promotion: PromotionPolicy.Auto,
    offerHours: 24,
    offers: [{ sites: 'schools', capacity: 40, waitlist: 10 }],
  },
  {
    code: 'accueil-soir',
    kind: ActivityKind.EveningCare,
    name: 'Accueil du soir et étude',
    formula: null,
    requiredDocuments: ['insurance'],
    // Refuses late changes (Vailhauques-style working-day rule).
    bookingDeadline: '2 working days before at 09:00',
    cancelDeadline: '2 working days before at 09:00',
    windowWeeks: 8,
    lateChange: LateChangePolicy.Refuse,
    lateSurchargeCents: 0,
    sickCancelUntil: '12:00',
    certificateDays: 2,
    promotion: PromotionPolicy.Offer,
    offerHours: 24,
    offers: [{ sites: 'schools', capacity: 60, waitlist: 15 }],
  },
  {
    code: 'mercredi-journee',
    kind: ActivityKind.WednesdayCentre,
    name: 'Mercredi au centre de loisirs (journée)',
    formula: WednesdayFormula.FullDay,
    requiredDocuments: ['insurance', 'vaccination'],
    bookingDeadline: 'thursday of the week before at 12:00',
    cancelDeadline: 'thursday of the week before at 12:00',
    windowWeeks: 8,
    lateChange: LateChangePolicy.Refuse,
    lateSurchargeCents: 0,
    sickCancelUntil: '08:30',
    certificateDays: 3,
    promotion: PromotionPolicy.Offer,
    offerHours: 24,
    offers: [{ sites: ['centre-loisirs-les-iles'], capacity: 120, waitlist: 20 }],
  },
  {
    code: 'mercredi-demi-repas',
    kind: ActivityKind.WednesdayCentre,
    name: 'Mercredi au centre de loisirs (matin et repas)',
    formula: WednesdayFormula.HalfDayWithLunch,
    requiredDocuments: ['insurance', 'vaccination'],
    bookingDeadline: 'thursday of the week before at 12:00',
    cancelDeadline: 'thursday of the week before at 12:00',
    windowWeeks: 8,
    lateChange: LateChangePolicy.Refuse,
    lateSurchargeCents: 0,
    sickCancelUntil: '08:30',
    certificateDays: 3,
    promotion: PromotionPolicy.Auto,
    offerHours: 24,
    offers: [{ sites: ['centre-loisirs-les-iles'], capacity: 40, waitlist: 10 }],
  },
  {
    code: 'vacances',
    kind: ActivityKind.HolidayCentre,
    name: 'Centre de loisirs des vacances',
    formula: WednesdayFormula.FullDay,
    requiredDocuments: ['insurance', 'vaccination'],
    bookingDeadline: '7 calendar days before at 12:00',
    cancelDeadline: '7 calendar days before at 12:00',
    windowWeeks: 12,
    lateChange: LateChangePolicy.Refuse,
    lateSurchargeCents: 0,
    sickCancelUntil: '08:30',
    certificateDays: 3,
    promotion: PromotionPolicy.Offer,
    offerHours: 48,
    offers: [{ sites: ['centre-loisirs-les-iles'], capacity: 150, waitlist: 30 }],
  },
];

/**
 * The demo bookings: the catalogue at every school and the leisure centre, the holiday centre's
 * campaigns, the demo children enrolled (one request left pending for the agents), their usual
 * week booked over the school year of `today`, and Léa on the waiting list of a Wednesday outing
 * a week or more after `today`.
 * Upserts on natural keys and recomputes the day counters, so seeding twice changes nothing.
 */
export async function seedBookings(dataSource: DataSource, options: { today: IsoDate }): Promise<void> {
  const [{ exists }] = await dataSource.query(
    `SELECT to_regclass('public.activities') IS NOT NULL AS exists`,
  );
  if (!exists) return;
  await dataSource.transaction(async (m) => {
    const sites: { id: string; code: string; kind: string }[] = await m.query(
      `SELECT id, code, kind FROM sites`,
    );
    const schools = sites.filter((s) => s.kind === 'school');
    for (const a of DEMO_ACTIVITIES) {
      await m.query(
        `INSERT INTO activities (code, kind, name, formula, required_documents, booking_deadline, cancel_deadline,
           window_weeks, late_change, late_surcharge_cents, sick_cancel_until, certificate_days, promotion, offer_hours)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) ON CONFLICT (code) DO NOTHING`,
        [
          a.code,
          a.kind,
          a.name,
          a.formula,
          a.requiredDocuments,
          a.bookingDeadline,
          a.cancelDeadline,
          a.windowWeeks,
          a.lateChange,
          a.lateSurchargeCents,
          a.sickCancelUntil,
          a.certificateDays,
          a.promotion,
          a.offerHours,
        ],
      );
      for (const offer of a.offers) {
        const siteIds =
          offer.sites === 'schools'
            ? schools.map((s) => s.id)
            : sites.filter((s) => offer.sites.includes(s.code)).map((s) => s.id);
        for (const siteId of siteIds) {
          await m.query(
            `INSERT INTO activity_offers (activity_id, site_id, capacity_per_day, waitlist_size)
             SELECT id, $2, $3, $4 FROM activities WHERE code = $1
             ON CONFLICT (activity_id, site_id) DO NOTHING`,
            [a.code, siteId, offer.capacity, offer.waitlist],
          );
        }
      }
    }
    const activity = async (code: string) =>
      ((await m.query(`SELECT id FROM activities WHERE code = $1`, [code])) as { id: string }[])[0].id;
    const holidays = await activityCampaigns(m);
    const holidayCentre = await activity('vacances');
    for (const h of holidays) {
      // Bookings open six weeks before the holidays, at 8:00, and close two weeks before.
      await m.query(
        `INSERT INTO holiday_campaigns (activity_id, period_name, period_from, period_to, opens_at, closes_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (activity_id, period_from) DO NOTHING`,
        [
          holidayCentre,
          h.name,
          h.from,
          h.to,
          parisInstant(addDays(h.from, -42), '08:00'),
          parisInstant(addDays(h.from, -14), '23:59'),
        ],
      );
    }

    // The demo family (households seed): Léa at Jean Jaurès, Hugo at Victor Hugo.
    const children: { id: string; household_id: string; first_name: string; school_site_id: string }[] =
      await m.query(
        `SELECT c.id, c.household_id, c.first_name, c.school_site_id FROM children c
         JOIN household_guardians g ON g.household_id = c.household_id
         JOIN users u ON u.id = g.user_id
        WHERE lower(u.email) = 'parent@demo.test' AND c.school_site_id IS NOT NULL`,
      );
    const lea = children.find((c) => c.first_name === 'Léa');
    const hugo = children.find((c) => c.first_name === 'Hugo');
    const calendar = await loadCalendar(m, schoolYearOf(options.today));
    if (!lea || !hugo || !calendar) return;
    const centre = sites.find((s) => s.code === 'centre-loisirs-les-iles')?.id;
    if (!centre) return;
    const year = calendar.schoolYear;
    const enrol = async (childId: string, code: string, siteId: string, status: 'approved' | 'pending') => {
      await m.query(
        `INSERT INTO enrollments (child_id, household_id, activity_id, site_id, school_year, status, requested_at, decided_at)
         SELECT c.id, c.household_id, a.id, $3, $4, $5, $6, CASE WHEN $5 = 'approved' THEN $6::timestamptz END
           FROM children c, activities a WHERE c.id = $1 AND a.code = $2
         ON CONFLICT (child_id, activity_id, school_year) WHERE status IN ('pending', 'approved') DO NOTHING`,
        [childId, code, siteId, year, status, parisInstant(calendar.firstSchoolDay, '09:00')],
      );
    };
    await enrol(lea.id, 'cantine', lea.school_site_id, 'approved');
    await enrol(lea.id, 'accueil-soir', lea.school_site_id, 'approved');
    await enrol(lea.id, 'mercredi-journee', centre, 'approved');
    await enrol(lea.id, 'vacances', centre, 'approved');
    await enrol(hugo.id, 'cantine', hugo.school_site_id, 'approved');
    await enrol(hugo.id, 'accueil-matin', hugo.school_site_id, 'approved');
    await enrol(hugo.id, 'accueil-soir', hugo.school_site_id, 'pending');

    // The children's usual week, booked over the whole school year (a fixed-days subscription, as
    // Paris does it): the calendar is alive and billing has past months whatever the date the demo
    // is opened in that year.
    const plan: {
      child: typeof lea;
      code: string;
      siteId: string;
      kind: ActivityKind;
      weekdays: number[];
    }[] = [
      {
        child: lea,
        code: 'cantine',
        siteId: lea.school_site_id,
        kind: ActivityKind.Canteen,
        weekdays: [1, 2, 4, 5],
      },
      {
        child: lea,
        code: 'accueil-soir',
        siteId: lea.school_site_id,
        kind: ActivityKind.EveningCare,
        weekdays: [2, 4],
      },
      {
        child: lea,
        code: 'mercredi-journee',
        siteId: centre,
        kind: ActivityKind.WednesdayCentre,
        weekdays: [3],
      },
      {
        child: hugo,
        code: 'cantine',
        siteId: hugo.school_site_id,
        kind: ActivityKind.Canteen,
        weekdays: [1, 2, 4, 5],
      },
      {
        child: hugo,
        code: 'accueil-matin',
        siteId: hugo.school_site_id,
        kind: ActivityKind.MorningCare,
        weekdays: [1, 4],
      },
    ];
    // The first Wednesday more than a week ahead is an outing with no place left: Léa waits, first in line.
    const outing = eachDay(addDays(options.today, 8), addDays(options.today, 42)).find(
      (d) => serviceDay(ActivityKind.WednesdayCentre, calendar, d).runs,
    );
    const wednesdayOffer = await offerId(m, 'mercredi-journee', centre);
    if (outing) {
      await m.query(
        `INSERT INTO offer_capacity_overrides (offer_id, date, capacity) VALUES ($1, $2, 0) ON CONFLICT DO NOTHING`,
        [wednesdayOffer, outing],
      );
    }
    for (const p of plan) {
      const offer = await offerId(m, p.code, p.siteId);
      const activityId = await activity(p.code);
      const dates = eachDay(calendar.firstSchoolDay, calendar.lastSchoolDay).filter(
        (d) => p.weekdays.includes(isoWeekday(d)) && serviceDay(p.kind, calendar, d).runs,
      );
      await m.query(
        `INSERT INTO bookings (child_id, household_id, activity_id, offer_id, date, status, arrival, created_at)
         SELECT $1, $2, $3, $4, d, CASE WHEN $4 = $6::uuid AND d = $7::date THEN 'waitlisted' ELSE 'booked' END,
                coalesce((SELECT max(arrival) FROM bookings WHERE offer_id = $4 AND date = d), 0) + 1,
                (d - 10)::timestamp AT TIME ZONE 'Europe/Paris' + interval '20 hours'
           FROM unnest($5::date[]) AS d
          WHERE NOT EXISTS (SELECT 1 FROM bookings WHERE child_id = $1 AND activity_id = $3 AND date = d)`,
        [p.child.id, p.child.household_id, activityId, offer, dates, wednesdayOffer, outing ?? null],
      );
    }
    // The counters follow the bookings (the capacity lock reads them).
    await m.query(
      `INSERT INTO offer_days (offer_id, date, taken, waiting, arrivals)
       SELECT offer_id, date, count(*) FILTER (WHERE status IN ('booked', 'offered')),
              count(*) FILTER (WHERE status = 'waitlisted'), max(arrival)
         FROM bookings GROUP BY offer_id, date
       ON CONFLICT (offer_id, date) DO UPDATE
         SET taken = EXCLUDED.taken, waiting = EXCLUDED.waiting, arrivals = EXCLUDED.arrivals`,
    );
  });
}

async function offerId(m: EntityManager, code: string, siteId: string): Promise<string> {
  const rows: { id: string }[] = await m.query(
    `SELECT o.id FROM activity_offers o JOIN activities a ON a.id = o.activity_id WHERE a.code = $1 AND o.site_id = $2`,
    [code, siteId],
  );
  return rows[0].id;
}

/** The school holidays with an end, as holiday-centre periods (weekdays from the first Monday). */
async function activityCampaigns(m: EntityManager): Promise<{ name: string; from: IsoDate; to: IsoDate }[]> {
  const rows: { name: string; from: string; to: string }[] = await m.query(
    `SELECT name, to_char(from_date, 'YYYY-MM-DD') AS from, to_char(to_date, 'YYYY-MM-DD') AS to
       FROM school_holidays WHERE to_date IS NOT NULL ORDER BY from_date`,
  );
  return rows;
}

async function loadCalendar(m: EntityManager, schoolYear: string): Promise<SchoolYearCalendar | null> {
  const [year]: {
    id: string;
    zone: 'A' | 'B' | 'C';
    first: string;
    last: string;
    class_weekdays: number[];
  }[] = await m.query(
    `SELECT id, zone, to_char(first_school_day, 'YYYY-MM-DD') AS first, to_char(last_school_day, 'YYYY-MM-DD') AS last,
            class_weekdays FROM school_years WHERE id = $1`,
    [schoolYear],
  );
  if (!year) return null;
  const holidays: { name: string; from: string; to: string | null }[] = await m.query(
    `SELECT name, to_char(from_date, 'YYYY-MM-DD') AS from, to_char(to_date, 'YYYY-MM-DD') AS to
       FROM school_holidays WHERE school_year_id = $1`,
    [schoolYear],
  );
  const publicHolidays: { date: string; name: string }[] = await m.query(
    `SELECT to_char(date, 'YYYY-MM-DD') AS date, name FROM public_holidays`,
  );
  return {
    schoolYear: year.id,
    zone: year.zone,
    firstSchoolDay: year.first,
    lastSchoolDay: year.last,
    classWeekdays: year.class_weekdays.map(Number),
    holidays,
    publicHolidays,
  };
}

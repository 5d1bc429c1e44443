import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ActivityKind, LateChangePolicy } from '@foyer/shared/contracts';
import {
  addDays,
  deadlineOf,
  DeadlineRule,
  IsoDate,
  parisInstant,
  parseDeadlineRule,
  SchoolYearCalendar,
  schoolYearOf,
  serviceDay,
  ServiceDay,
  WorkingCalendar,
} from '@foyer/shared/domain';
import { Clock, NotFoundError } from '@foyer/api/core';
import { CityService } from '@foyer/api/city';
import {
  ActivityEntity,
  ActivityOfferEntity,
  CapacityOverrideEntity,
  ClosureEntity,
  HolidayCampaignEntity,
} from './entities';

export interface ParsedActivity {
  entity: ActivityEntity;
  booking: DeadlineRule;
  cancel: DeadlineRule;
}

/** A change of a day is possible now, possible but late (surcharge), or refused with a reason. */
export type ChangeMode =
  { mode: 'ok' | 'late'; deadline: Date } | { mode: 'refused'; reason: string; deadline: Date | null };

/**
 * Everything the rules of a day need, loaded once per request: activities and their offers, the
 * school calendars of the years touched, closures, campaigns and capacity overrides of the range.
 * The evaluation is the shared domain's (`serviceDay`, `deadlineOf`, `bookingDayStatus`): the
 * calendar the parent sees and the API's decision come from the same rules.
 */
export class DayContext {
  private readonly offersById: Map<string, ActivityOfferEntity>;
  /** Paris time zone arithmetic (Intl) is the costly part of a month's calendar: each answer once. */
  private readonly deadlines = new Map<string, Date>();
  private readonly dayStarts = new Map<string, Date>();

  constructor(
    readonly now: Date,
    readonly today: IsoDate,
    readonly activities: Map<string, ParsedActivity>,
    readonly offers: ActivityOfferEntity[],
    readonly calendars: Map<string, SchoolYearCalendar>,
    readonly working: WorkingCalendar,
    readonly closures: ClosureEntity[],
    readonly campaigns: HolidayCampaignEntity[],
    readonly overrides: CapacityOverrideEntity[],
  ) {
    this.offersById = new Map(offers.map((o) => [o.id, o]));
  }

  offer(offerId: string): ActivityOfferEntity | undefined {
    return this.offersById.get(offerId);
  }

  offerAt(activityId: string, siteId: string): ActivityOfferEntity | undefined {
    return this.offers.find((o) => o.activityId === activityId && o.siteId === siteId);
  }

  capacity(offer: ActivityOfferEntity, date: IsoDate): number {
    return (
      this.overrides.find((o) => o.offerId === offer.id && o.date === date)?.capacity ?? offer.capacityPerDay
    );
  }

  calendarOf(date: IsoDate): SchoolYearCalendar | undefined {
    return this.calendars.get(schoolYearOf(date));
  }

  service(activity: ParsedActivity, date: IsoDate): ServiceDay {
    const calendar = this.calendarOf(date);
    if (!calendar) return { runs: false, reason: 'Hors année scolaire' };
    return serviceDay(activity.entity.kind, calendar, date);
  }

  closure(activityId: string, siteId: string, date: IsoDate): string | null {
    const closure = this.closures.find(
      (c) =>
        c.siteId === siteId &&
        (c.activityId === null || c.activityId === activityId) &&
        c.fromDate <= date &&
        c.toDate >= date,
    );
    return closure?.reason ?? null;
  }

  /** Whether the day may be booked now: the booking window, or the holiday campaign's opening. */
  window(activity: ParsedActivity, date: IsoDate): { inWindow: boolean; reason: string | null } {
    if (date < this.today) return { inWindow: false, reason: 'Jour passé' };
    if (activity.entity.kind === ActivityKind.HolidayCentre) {
      const campaign = this.campaigns.find(
        (c) => c.activityId === activity.entity.id && c.periodFrom <= date && c.periodTo >= date,
      );
      if (!campaign) return { inWindow: false, reason: 'Réservations pas encore ouvertes' };
      if (this.now < campaign.opensAt) {
        return {
          inWindow: false,
          reason: `Ouverture des réservations le ${formatInstantFr(campaign.opensAt)}`,
        };
      }
      if (this.now >= campaign.closesAt) return { inWindow: false, reason: 'Réservations closes' };
      return { inWindow: true, reason: null };
    }
    if (date > addDays(this.today, activity.entity.windowWeeks * 7)) {
      return { inWindow: false, reason: `Réservable ${activity.entity.windowWeeks} semaines à l’avance` };
    }
    return { inWindow: true, reason: null };
  }

  deadline(activity: ParsedActivity, date: IsoDate, forCancel: boolean): Date {
    const key = `${activity.entity.id}|${date}|${forCancel}`;
    let deadline = this.deadlines.get(key);
    if (!deadline) {
      deadline = deadlineOf(forCancel ? activity.cancel : activity.booking, date, this.working);
      this.deadlines.set(key, deadline);
    }
    return deadline;
  }

  /** Midnight in Paris at the start of the day. */
  dayStart(date: IsoDate): Date {
    let start = this.dayStarts.get(date);
    if (!start) {
      start = parisInstant(date, '00:00');
      this.dayStarts.set(date, start);
    }
    return start;
  }

  /**
   * Whether a booking (or a cancellation, `forCancel`) of the day may be made now. After the deadline
   * the activity refuses, or accepts with a surcharge until the day starts.
   */
  changeMode(activity: ParsedActivity, date: IsoDate, forCancel: boolean): ChangeMode {
    if (date < this.today) return { mode: 'refused', reason: 'Ce jour est passé.', deadline: null };
    const deadline = this.deadline(activity, date, forCancel);
    if (this.now < deadline) return { mode: 'ok', deadline };
    const lateAllowed =
      activity.entity.lateChange === LateChangePolicy.Surcharge && this.now < this.dayStart(date);
    if (lateAllowed) return { mode: 'late', deadline };
    return {
      mode: 'refused',
      reason: `La date limite est dépassée (${formatInstantFr(deadline)}).`,
      deadline,
    };
  }
}

const instantFr = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  hour: '2-digit',
  minute: '2-digit',
});

/** « jeudi 7 janvier à 12:00 » */
export function formatInstantFr(instant: Date): string {
  return instantFr.format(instant);
}

export function parseActivity(entity: ActivityEntity): ParsedActivity {
  return {
    entity,
    booking: parseDeadlineRule(entity.bookingDeadline),
    cancel: parseDeadlineRule(entity.cancelDeadline),
  };
}

/**
 * How long the catalogue (activities, offers, campaigns) and the school calendars are kept in memory.
 * This process's own admin writes clear it at once (`invalidate`); another process's, and the city's
 * calendar edits, show within this time. Closures and capacity overrides are read on every request.
 */
export const CATALOGUE_CACHE_MS = 10_000;

interface Catalogue {
  activities: Map<string, ParsedActivity>;
  offers: ActivityOfferEntity[];
  campaigns: HolidayCampaignEntity[];
}

/** Loads a DayContext. Reads go through the data source: call before a transaction opens. */
@Injectable()
export class DayRules {
  private catalogue?: { at: number; catalogue: Promise<Catalogue> };
  private readonly calendars = new Map<
    string,
    { at: number; calendar: Promise<SchoolYearCalendar | null> }
  >();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly city: CityService,
    private readonly clock: Clock,
  ) {}

  /** Forget the cached catalogue and calendars (after an admin change). */
  invalidate(): void {
    this.catalogue = undefined;
    this.calendars.clear();
    this.siteNames = undefined;
  }

  private siteNames?: { at: number; names: Promise<Map<string, string>> };

  /** Names of the city's sites (cached like the catalogue). */
  sites(): Promise<Map<string, string>> {
    const cached = this.siteNames;
    if (cached && Date.now() - cached.at < CATALOGUE_CACHE_MS) return cached.names;
    const names = this.city.listSites().then((sites) => new Map(sites.map((x) => [x.id, x.name])));
    const entry = { at: Date.now(), names };
    this.siteNames = entry;
    names.catch(() => {
      if (this.siteNames === entry) this.siteNames = undefined;
    });
    return names;
  }

  private loadCatalogue(): Promise<Catalogue> {
    const cached = this.catalogue;
    if (cached && Date.now() - cached.at < CATALOGUE_CACHE_MS) return cached.catalogue;
    const catalogue = Promise.all([
      this.dataSource.getRepository(ActivityEntity).find({ order: { name: 'ASC' } }),
      this.dataSource.getRepository(ActivityOfferEntity).find(),
      this.dataSource.getRepository(HolidayCampaignEntity).find(),
    ]).then(([activities, offers, campaigns]) => ({
      activities: new Map(activities.map((a) => [a.id, parseActivity(a)])),
      offers,
      campaigns,
    }));
    const entry = { at: Date.now(), catalogue };
    this.catalogue = entry;
    catalogue.catch(() => {
      if (this.catalogue === entry) this.catalogue = undefined;
    });
    return catalogue;
  }

  private calendar(year: string): Promise<SchoolYearCalendar | null> {
    const cached = this.calendars.get(year);
    if (cached && Date.now() - cached.at < CATALOGUE_CACHE_MS) return cached.calendar;
    const calendar = this.city.getCalendar(year).catch((error: unknown) => {
      if (error instanceof NotFoundError) return null;
      this.calendars.delete(year);
      throw error;
    });
    this.calendars.set(year, { at: Date.now(), calendar });
    return calendar;
  }

  async load(from: IsoDate, to: IsoDate, options: { offerIds?: string[] } = {}): Promise<DayContext> {
    const now = this.clock.now();
    const years = new Set([schoolYearOf(from), schoolYearOf(to)]);
    // Deadlines of the first days of a year count back into the year before.
    years.add(schoolYearOf(addDays(from, -60)));
    const [catalogue, closures, overrides, calendars] = await Promise.all([
      this.loadCatalogue(),
      this.dataSource.query(
        `SELECT id, site_id AS "siteId", activity_id AS "activityId", to_char(from_date, 'YYYY-MM-DD') AS "fromDate",
                to_char(to_date, 'YYYY-MM-DD') AS "toDate", reason
           FROM booking_closures WHERE from_date <= $2 AND to_date >= $1`,
        [from, to],
      ) as Promise<ClosureEntity[]>,
      this.dataSource.query(
        `SELECT offer_id AS "offerId", to_char(date, 'YYYY-MM-DD') AS date, capacity FROM offer_capacity_overrides
          WHERE date BETWEEN $1 AND $2 AND ($3::uuid[] IS NULL OR offer_id = ANY($3::uuid[]))`,
        [from, to, options.offerIds ?? null],
      ) as Promise<CapacityOverrideEntity[]>,
      Promise.all([...years].map((y) => this.calendar(y))),
    ]);
    const known = calendars.filter((c): c is SchoolYearCalendar => c !== null);
    const publicHolidays = new Set(known.flatMap((c) => c.publicHolidays.map((h) => h.date)));
    return new DayContext(
      now,
      this.clock.today(),
      catalogue.activities,
      catalogue.offers,
      new Map(known.map((c) => [c.schoolYear, c])),
      { publicHolidays },
      closures,
      catalogue.campaigns,
      overrides,
    );
  }
}

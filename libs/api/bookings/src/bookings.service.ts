import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  BookingChange,
  BookingChangeOutcome,
  BookingChangesView,
  MAX_BOOKING_CHANGES,
  PatternRequest,
} from '@foyer/shared/contracts';
import {
  addDays,
  compareIsoDates,
  daysBetween,
  IsoDate,
  parisInstant,
  patternDates,
  placeFor,
  schoolYearOf,
} from '@foyer/shared/domain';
import { Clock, ConflictError, InvalidInputError, NotFoundError } from '@foyer/api/core';
import type { Actor } from '@foyer/api/households';
import { DocumentStorage, detectMime } from '@foyer/api/households';
import {
  BookDaysInput,
  bookDaysParams,
  bookDaysThenCommit,
  CapacitySql,
  OfferDayState,
} from './capacity-sql';
import { DayContext, DayRules, ParsedActivity } from './day-rules';
import { ActivityOfferEntity } from './entities';
import { ChildRef, Families } from './families';
import { Promotion, WaitlistService } from './waitlist.service';

/** Longest period of a week pattern or a period cancellation. */
export const MAX_PATTERN_DAYS = 366;

interface Planned {
  index: number;
  change: BookingChange;
  activity: ParsedActivity;
  offer: ActivityOfferEntity;
}

/** The part of node-postgres' client used to send a message of several statements. */
interface PgClient {
  query(text: string): Promise<{ rows: unknown[] } | { rows: unknown[] }[]>;
}

/** A day decided by CapacitySql.bookDays. */
interface BookedDay {
  offer_id: string;
  date: string;
  status: 'booked' | 'waitlisted' | 'refused';
  position: number;
}

interface LiveRow {
  id: string;
  activity_id: string;
  date: string;
  status: string;
  arrival: number;
  offer_id: string;
  locked: boolean;
}

/**
 * Booking and cancelling days. One request is one transaction on the household: every day of it is
 * decided by the same rules as the calendar (service day, closure, window, deadline), and capacity
 * is taken under the day's counter lock (see CapacitySql). Days refused are explained; the others
 * are done.
 */
@Injectable()
export class BookingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly families: Families,
    private readonly rules: DayRules,
    private readonly waitlist: WaitlistService,
    private readonly storage: DocumentStorage,
    private readonly clock: Clock,
  ) {}

  async change(user: Actor, childId: string, changes: BookingChange[]): Promise<BookingChangesView> {
    const child = await this.families.ownChild(user, childId);
    return this.apply(child, changes, user, 'booking.change');
  }

  /** Book (or cancel, `booked` false) an activity on chosen weekdays of a period, skipping days without service. */
  async pattern(
    user: Actor,
    childId: string,
    request: PatternRequest,
    booked: boolean,
  ): Promise<BookingChangesView> {
    const child = await this.families.ownChild(user, childId);
    if (request.to < request.from)
      throw new InvalidInputError('La date de fin doit suivre la date de début.', 'to');
    if (daysBetween(request.from, request.to) >= MAX_PATTERN_DAYS) {
      throw new InvalidInputError(`La période ne peut dépasser ${MAX_PATTERN_DAYS} jours.`, 'to');
    }
    const ctx = await this.rules.load(request.from, request.to);
    const activity = ctx.activities.get(request.activityId);
    if (!activity) throw new InvalidInputError('Cette activité est introuvable.', 'activityId');
    const dates = patternDates(request.from, request.to, request.weekdays).filter(
      (date) => ctx.service(activity, date).runs,
    );
    if (dates.length === 0) {
      throw new InvalidInputError(
        'Aucun jour de service dans cette période pour ces jours de la semaine.',
        'weekdays',
      );
    }
    return this.apply(
      child,
      dates.map((date) => ({ date, activityId: request.activityId, booked })),
      user,
      booked ? 'booking.pattern' : 'booking.cancel-period',
      ctx,
    );
  }

  private async apply(
    child: ChildRef,
    changes: BookingChange[],
    actor: Actor,
    action: string,
    loaded?: DayContext,
  ): Promise<BookingChangesView> {
    if (changes.length === 0) throw new InvalidInputError('Indiquez au moins un jour.', 'changes');
    if (changes.length > MAX_BOOKING_CHANGES) {
      throw new InvalidInputError(
        `Au plus ${MAX_BOOKING_CHANGES} changements par demande (${changes.length} reçus).`,
        'changes',
      );
    }
    const dates = changes.map((c) => c.date).sort();
    const ctx = loaded ?? (await this.rules.load(dates[0], dates[dates.length - 1]));
    const enrolments: { activityId: string; schoolYear: string; siteId: string }[] =
      await this.dataSource.query(
        `SELECT activity_id AS "activityId", school_year AS "schoolYear", site_id AS "siteId"
         FROM enrollments WHERE child_id = $1 AND status = 'approved'`,
        [child.id],
      );
    // Whole-request errors first: nothing is changed when one of these is wrong.
    const seen = new Set<string>();
    const planned: Planned[] = changes.map((change, index) => {
      const key = `${change.activityId}|${change.date}`;
      if (seen.has(key)) {
        throw new InvalidInputError(
          'Ce jour apparaît deux fois pour la même activité.',
          `changes.${index}.date`,
        );
      }
      seen.add(key);
      const schoolYear = schoolYearOf(change.date);
      if (!ctx.calendars.has(schoolYear)) {
        throw new InvalidInputError(
          `Le ${change.date} est hors des années scolaires ouvertes aux réservations.`,
          `changes.${index}.date`,
        );
      }
      const activity = ctx.activities.get(change.activityId);
      if (!activity)
        throw new InvalidInputError('Cette activité est introuvable.', `changes.${index}.activityId`);
      const enrolment = enrolments.find(
        (e) => e.activityId === change.activityId && e.schoolYear === schoolYear,
      );
      const offer = enrolment ? ctx.offerAt(enrolment.activityId, enrolment.siteId) : undefined;
      if (!enrolment || !offer) {
        throw new InvalidInputError(
          `${child.firstName} n’est pas inscrit(e) à « ${activity.entity.name} » pour l’année ${schoolYear}.`,
          `changes.${index}.activityId`,
        );
      }
      return { index, change, activity, offer };
    });

    return this.families.write(child.householdId, actor, async ({ m, audit }) => {
      const outcomes: BookingChangeOutcome[] = new Array(planned.length);
      const live = await this.liveRows(m, child.id, planned);
      // What each change asks, decided by the rules before any counter is locked.
      const books: { p: Planned; late: boolean }[] = [];
      const cancels: { p: Planned; row: LiveRow; late: boolean }[] = [];
      const waitlistPositions: { p: Planned; row: LiveRow }[] = [];
      for (const p of planned) {
        const { change, activity, offer } = p;
        const existing = live.get(`${change.activityId}|${change.date}`);
        const refuse = (reason: string) => {
          outcomes[p.index] = outcome(change, 'refused', { reason });
        };
        if (existing?.locked) {
          refuse('Ce jour est déjà facturé.');
        } else if (change.booked) {
          if (existing?.status === 'waitlisted') {
            waitlistPositions.push({ p, row: existing });
          } else if (existing) {
            outcomes[p.index] = outcome(change, 'unchanged', {});
          } else {
            const service = ctx.service(activity, change.date);
            const closure = ctx.closure(activity.entity.id, offer.siteId, change.date);
            const window = ctx.window(activity, change.date);
            const mode = ctx.changeMode(activity, change.date, false);
            if (!service.runs) refuse(`Pas de service ce jour : ${service.reason}.`);
            else if (closure) refuse(`Fermeture : ${closure}.`);
            else if (!window.inWindow) refuse(`${window.reason}.`);
            else if (mode.mode === 'refused') refuse(mode.reason);
            else books.push({ p, late: mode.mode === 'late' });
          }
        } else if (!existing) {
          outcomes[p.index] = outcome(change, 'unchanged', {});
        } else if (existing.status === 'absent_sick') {
          refuse('Une absence pour maladie est déjà enregistrée ce jour.');
        } else if (existing.status === 'waitlisted') {
          // Leaving the waiting list is free at any time.
          cancels.push({ p, row: existing, late: false });
        } else {
          const mode = ctx.changeMode(activity, change.date, true);
          if (mode.mode === 'refused') refuse(mode.reason);
          else cancels.push({ p, row: existing, late: mode.mode === 'late' });
        }
      }
      const touched = [...books.map((b) => b.p), ...cancels.map((c) => c.p)].sort((a, b) =>
        a.offer.id === b.offer.id
          ? compareIsoDates(a.change.date, b.change.date)
          : a.offer.id < b.offer.id
            ? -1
            : 1,
      );
      const offerIds = touched.map((p) => p.offer.id);
      const keyDates = touched.map((p) => p.change.date);
      if (touched.length > 0) await m.query(CapacitySql.ensureDays, [offerIds, keyDates]);
      // Recorded before the counters are locked: every statement under the lock delays the requests
      // queued behind it. The outcome of each day is in the bookings themselves.
      await audit({
        action,
        entity: 'child',
        entityId: child.id,
        details: {
          changes: planned.length,
          book: books.length,
          cancel: cancels.length,
          from: dates[0],
          to: dates[dates.length - 1],
        },
      });
      for (const { p, row } of waitlistPositions) {
        outcomes[p.index] = outcome(p.change, 'waitlisted', {
          waitlistPosition: await this.positionOf(m, row),
        });
      }
      const promotions: Promotion[] = [];
      if (cancels.length === 0 && books.length > 0) {
        // Bookings only: the counters are locked, read, decided and written in one statement.
        const decided = await this.bookDaysAndCommit(m, {
          childId: child.id,
          householdId: child.householdId,
          activityIds: books.map((b) => b.p.change.activityId),
          offerIds: books.map((b) => b.p.offer.id),
          dates: books.map((b) => b.p.change.date),
          late: books.map((b) => b.late),
          capacities: books.map((b) => ctx.capacity(b.p.offer, b.p.change.date)),
          waitlistSizes: books.map((b) => b.p.offer.waitlistSize),
        });
        const byKey = new Map(decided.map((d) => [`${d.offer_id}|${d.date}`, d]));
        for (const { p, late } of books) {
          const d = byKey.get(`${p.offer.id}|${p.change.date}`) as BookedDay;
          outcomes[p.index] =
            d.status === 'refused'
              ? outcome(p.change, 'refused', { reason: 'Complet, et la liste d’attente est pleine.' })
              : outcome(p.change, d.status, {
                  late,
                  waitlistPosition: d.status === 'waitlisted' ? d.position : null,
                });
        }
      } else if (touched.length > 0) {
        // Cancellations free places the waiting list fills: every counter of the request is locked
        // in order, then decided here.
        const locked = (await m.query(CapacitySql.lockDays, [offerIds, keyDates])) as OfferDayState[];
        const days = new Map(locked.map((d) => [`${d.offer_id}|${d.date}`, d]));
        const freed = new Set<string>();
        const inserts: { p: Planned; status: 'booked' | 'waitlisted'; arrival: number; late: boolean }[] = [];
        for (const { p, late } of books) {
          const day = days.get(`${p.offer.id}|${p.change.date}`) as OfferDayState;
          const place = placeFor(
            day.taken,
            ctx.capacity(p.offer, p.change.date),
            day.waiting,
            p.offer.waitlistSize,
          );
          if (place === 'refused') {
            outcomes[p.index] = outcome(p.change, 'refused', {
              reason: 'Complet, et la liste d’attente est pleine.',
            });
            continue;
          }
          day.arrivals++;
          if (place === 'booked') day.taken++;
          else day.waiting++;
          inserts.push({ p, status: place, arrival: day.arrivals, late });
          outcomes[p.index] = outcome(p.change, place, {
            late,
            waitlistPosition: place === 'waitlisted' ? day.waiting : null,
          });
        }
        for (const { p, row, late } of cancels) {
          const key = `${p.offer.id}|${p.change.date}`;
          const day = days.get(key) as OfferDayState;
          if (row.status === 'waitlisted') day.waiting--;
          else {
            day.taken--;
            freed.add(key);
          }
          outcomes[p.index] = outcome(p.change, 'cancelled', { late });
        }
        await m.query(
          `UPDATE bookings b SET status = 'cancelled', cancelled_late = v.late, cancelled_at = $3, updated_at = now()
             FROM unnest($1::uuid[], $2::boolean[]) AS v(id, late) WHERE b.id = v.id`,
          [cancels.map((c) => c.row.id), cancels.map((c) => c.late), this.clock.now()],
        );
        for (const key of freed) {
          const day = days.get(key) as OfferDayState;
          const offer = ctx.offer(day.offer_id) as ActivityOfferEntity;
          const activity = ctx.activities.get(offer.activityId) as ParsedActivity;
          promotions.push(
            ...(await this.waitlist.promote(m, day, ctx.capacity(offer, day.date), activity.entity)),
          );
        }
        const counters = [
          locked.map((d) => d.offer_id),
          locked.map((d) => d.date),
          locked.map((d) => d.taken),
          locked.map((d) => d.waiting),
          locked.map((d) => d.arrivals),
        ];
        if (inserts.length > 0) {
          // New bookings and the counters in one statement (a freed day never gets a new row here:
          // one child, one row per activity and day).
          await m.query(CapacitySql.bookAndWriteDays, [
            child.id,
            child.householdId,
            inserts.map((i) => i.p.change.activityId),
            inserts.map((i) => i.p.offer.id),
            inserts.map((i) => i.p.change.date),
            inserts.map((i) => i.status),
            inserts.map((i) => i.arrival),
            inserts.map((i) => i.late),
            ...counters,
          ]);
        } else {
          await m.query(CapacitySql.writeDays, counters);
        }
      }
      await this.waitlist.notify(m, promotions);
      return summarise(outcomes);
    });
  }

  /**
   * The last statement of a bookings-only request: CapacitySql.bookDays and the COMMIT sent as one
   * message (bookDaysThenCommit), so the day counters are unlocked as soon as the server is done.
   * TypeORM's own COMMIT that follows finds no transaction (a warning). Without a pg client at hand,
   * the parametrised statement, committed by TypeORM.
   */
  private async bookDaysAndCommit(m: EntityManager, input: BookDaysInput): Promise<BookedDay[]> {
    const client = (m.queryRunner as unknown as { databaseConnection?: PgClient } | undefined)
      ?.databaseConnection;
    if (client && typeof client.query === 'function' && m.queryRunner?.isTransactionActive) {
      const results = await client.query(bookDaysThenCommit(input));
      return (Array.isArray(results) ? results[0] : results).rows as BookedDay[];
    }
    return (await m.query(CapacitySql.bookDays, bookDaysParams(input))) as BookedDay[];
  }

  private async liveRows(
    m: EntityManager,
    childId: string,
    planned: Planned[],
  ): Promise<Map<string, LiveRow>> {
    const rows: LiveRow[] = await m.query(
      `SELECT b.id, b.activity_id, to_char(b.date, 'YYYY-MM-DD') AS date, b.status, b.arrival, b.offer_id, b.locked
         FROM bookings b
         JOIN unnest($2::uuid[], $3::date[]) AS k(activity_id, date) ON k.activity_id = b.activity_id AND k.date = b.date
        WHERE b.child_id = $1 AND b.status IN ('booked', 'waitlisted', 'offered', 'absent_sick')`,
      [childId, planned.map((p) => p.change.activityId), planned.map((p) => p.change.date)],
    );
    return new Map(rows.map((r) => [`${r.activity_id}|${r.date}`, r]));
  }

  private async positionOf(m: EntityManager, row: LiveRow): Promise<number> {
    const [{ position }] = (await m.query(
      `SELECT count(*)::int AS position FROM bookings
        WHERE offer_id = $1 AND date = $2 AND status = 'waitlisted' AND arrival <= $3`,
      [row.offer_id, row.date, row.arrival],
    )) as { position: number }[];
    return position;
  }

  /**
   * Same-morning cancellation for illness: until the activity's sickCancelUntil on the day itself.
   * The day becomes an absence pending a certificate; the place is freed (too late to offer it).
   */
  async sick(user: Actor, childId: string, date: IsoDate, activityId: string): Promise<BookingChangesView> {
    const child = await this.families.ownChild(user, childId);
    const ctx = await this.rules.load(date, date);
    const activity = ctx.activities.get(activityId);
    if (!activity) throw new InvalidInputError('Cette activité est introuvable.', 'activityId');
    const until = activity.entity.sickCancelUntil;
    if (!until) {
      throw new ConflictError(
        `« ${activity.entity.name} » ne permet pas l’annulation pour maladie en ligne.`,
      );
    }
    if (date !== ctx.today) {
      throw new InvalidInputError('L’annulation pour maladie se fait le jour même.', 'date');
    }
    if (this.clock.now() >= parisInstant(date, until)) {
      throw new ConflictError(
        `L’annulation pour maladie est possible jusqu’à ${until.replace(':', ' h ')} le jour même.`,
      );
    }
    return this.families.write(child.householdId, user, async ({ m, audit }) => {
      const [booking] = (await m.query(
        `SELECT id, offer_id, locked FROM bookings
          WHERE child_id = $1 AND activity_id = $2 AND date = $3 AND status = 'booked'`,
        [child.id, activityId, date],
      )) as { id: string; offer_id: string; locked: boolean }[];
      if (!booking) throw new ConflictError('Aucune réservation ce jour pour cette activité.');
      const [day] = (await m.query(CapacitySql.lockDays, [[booking.offer_id], [date]])) as OfferDayState[];
      await m.query(`UPDATE bookings SET status = 'absent_sick', updated_at = now() WHERE id = $1`, [
        booking.id,
      ]);
      day.taken--;
      await m.query(CapacitySql.writeDays, [
        [day.offer_id],
        [day.date],
        [day.taken],
        [day.waiting],
        [day.arrivals],
      ]);
      await audit({
        action: 'booking.sick',
        entity: 'booking',
        entityId: booking.id,
        details: { date, activityId },
      });
      const change = { date, activityId, booked: false };
      return summarise([
        outcome(change, 'cancelled', { reason: 'Absence pour maladie : envoyez un certificat médical.' }),
      ]);
    });
  }

  /** A medical certificate within the activity's certificateDays makes the sick absence justified. */
  async certificate(
    user: Actor,
    childId: string,
    bookingId: string,
    file: { buffer: Buffer } | undefined,
  ): Promise<{ justified: boolean }> {
    const child = await this.families.ownChild(user, childId);
    if (!file?.buffer?.length) throw new InvalidInputError('Joignez le certificat médical.', 'file');
    const mime = detectMime(file.buffer);
    if (!mime) throw new InvalidInputError('Le certificat doit être un PDF, JPEG ou PNG.', 'file');
    const rows: { status: string; date: string; certificate_days: number; certificate_key: string | null }[] =
      await this.dataSource.query(
        `SELECT b.status, to_char(b.date, 'YYYY-MM-DD') AS date, a.certificate_days, b.certificate_key
           FROM bookings b JOIN activities a ON a.id = b.activity_id WHERE b.id = $1 AND b.child_id = $2`,
        [bookingId, child.id],
      );
    const booking = rows[0];
    if (!booking) throw new NotFoundError('Cette réservation est introuvable.');
    if (booking.status !== 'absent_sick')
      throw new ConflictError('Ce jour n’est pas une absence pour maladie.');
    if (booking.certificate_key) throw new ConflictError('Un certificat a déjà été envoyé pour ce jour.');
    const lastDay = addDays(booking.date, booking.certificate_days);
    if (this.clock.now() >= parisInstant(addDays(lastDay, 1), '00:00')) {
      throw new ConflictError(`Le certificat devait être envoyé au plus tard le ${lastDay}.`);
    }
    const key = await this.storage.put(file.buffer);
    try {
      await this.families.write(child.householdId, user, async ({ m, audit }) => {
        await m.query(
          `UPDATE bookings SET certificate_key = $2, certificate_mime = $3, certificate_at = $4, justified = TRUE,
                  updated_at = now() WHERE id = $1`,
          [bookingId, key, mime, this.clock.now()],
        );
        await audit({
          action: 'booking.certificate',
          entity: 'booking',
          entityId: bookingId,
          details: { mime },
        });
      });
    } catch (error) {
      await this.storage.delete(key);
      throw error;
    }
    return { justified: true };
  }
}

function outcome(
  change: BookingChange,
  status: BookingChangeOutcome['outcome'],
  extra: { late?: boolean; waitlistPosition?: number | null; reason?: string },
): BookingChangeOutcome {
  return {
    date: change.date,
    activityId: change.activityId,
    outcome: status,
    late: extra.late ?? false,
    waitlistPosition: extra.waitlistPosition ?? null,
    reason: extra.reason ?? null,
  };
}

function summarise(outcomes: BookingChangeOutcome[]): BookingChangesView {
  const count = (o: BookingChangeOutcome['outcome']) => outcomes.filter((x) => x.outcome === o).length;
  return {
    outcomes,
    booked: count('booked'),
    waitlisted: count('waitlisted'),
    cancelled: count('cancelled'),
    refused: count('refused'),
  };
}

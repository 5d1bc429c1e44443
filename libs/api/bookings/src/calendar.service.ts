import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BookingCalendarDayView, BookingCalendarView, EnrollmentStatus } from '@foyer/shared/contracts';
import { bookingDayStatus, BookingRowStatus, daysBetween, eachDay, schoolYearOf } from '@foyer/shared/domain';
import { InvalidInputError } from '@foyer/api/core';
import type { Actor } from '@foyer/api/households';
import { DayRules } from './day-rules';
import { EnrollmentEntity } from './entities';
import { Families } from './families';

/** Longest range of one calendar request (a quarter). */
export const MAX_CALENDAR_DAYS = 93;

/** The family calendar: each day of each activity the child is enrolled in (or asked for), with its state. */
@Injectable()
export class CalendarService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly families: Families,
    private readonly rules: DayRules,
  ) {}

  async calendar(user: Actor, childId: string, from: string, to: string): Promise<BookingCalendarView> {
    if (to < from) throw new InvalidInputError('La date de fin doit suivre la date de début.', 'to');
    if (daysBetween(from, to) >= MAX_CALENDAR_DAYS) {
      throw new InvalidInputError(`La période demandée ne peut dépasser ${MAX_CALENDAR_DAYS} jours.`, 'to');
    }
    const child = await this.families.ownChild(user, childId);
    const years = [...new Set([schoolYearOf(from), schoolYearOf(to)])];
    const [ctx, enrolments, siteNames] = await Promise.all([
      this.rules.load(from, to),
      this.dataSource
        .getRepository(EnrollmentEntity)
        .createQueryBuilder('e')
        .where('e.childId = :childId AND e.schoolYear = ANY(:years)', { childId: child.id, years })
        .andWhere('e.status IN (:...statuses)', {
          statuses: [EnrollmentStatus.Approved, EnrollmentStatus.Pending],
        })
        .getMany(),
      this.rules.sites(),
    ]);
    // One line per activity: the approved enrolment's site wins over a pending request.
    const lines = new Map<string, { activityId: string; siteId: string; approvedYears: Set<string> }>();
    for (const e of enrolments) {
      const line = lines.get(e.activityId) ?? {
        activityId: e.activityId,
        siteId: e.siteId,
        approvedYears: new Set(),
      };
      if (e.status === EnrollmentStatus.Approved) {
        line.approvedYears.add(e.schoolYear);
        line.siteId = e.siteId;
      }
      lines.set(e.activityId, line);
    }
    const offerIds = [...lines.values()]
      .map((l) => ctx.offerAt(l.activityId, l.siteId)?.id)
      .filter((id): id is string => !!id);
    const [bookings, counters] = await Promise.all([
      this.dataSource.query(
        `SELECT b.id, b.activity_id, to_char(b.date, 'YYYY-MM-DD') AS date, b.status, b.locked, b.justified,
                b.offer_expires_at,
                CASE WHEN b.status = 'waitlisted' THEN (SELECT count(*)::int FROM bookings w
                  WHERE w.offer_id = b.offer_id AND w.date = b.date AND w.status = 'waitlisted' AND w.arrival <= b.arrival)
                END AS position
           FROM bookings b
          WHERE b.child_id = $1 AND b.date BETWEEN $2 AND $3
            AND b.status IN ('booked', 'waitlisted', 'offered', 'absent_sick')`,
        [child.id, from, to],
      ) as Promise<CalendarBookingRow[]>,
      this.dataSource.query(
        `SELECT offer_id, to_char(date, 'YYYY-MM-DD') AS date, taken, waiting FROM offer_days
          WHERE offer_id = ANY($1::uuid[]) AND date BETWEEN $2 AND $3`,
        [offerIds, from, to],
      ) as Promise<{ offer_id: string; date: string; taken: number; waiting: number }[]>,
    ]);
    const bookingOf = new Map(bookings.map((b) => [`${b.activity_id}|${b.date}`, b]));
    const counterOf = new Map(counters.map((c) => [`${c.offer_id}|${c.date}`, c]));
    const days: BookingCalendarDayView[] = [];
    const activities: BookingCalendarView['activities'] = [];
    for (const line of lines.values()) {
      const activity = ctx.activities.get(line.activityId);
      if (!activity) continue;
      const offer = ctx.offerAt(line.activityId, line.siteId);
      activities.push({
        id: activity.entity.id,
        name: activity.entity.name,
        kind: activity.entity.kind,
        siteId: line.siteId,
        siteName: siteNames.get(line.siteId) ?? '',
      });
      for (const date of eachDay(from, to)) {
        const booking = bookingOf.get(`${line.activityId}|${date}`);
        const counter = offer ? counterOf.get(`${offer.id}|${date}`) : undefined;
        const service = ctx.service(activity, date);
        const isBooked = booking?.status === 'booked' || booking?.status === 'offered';
        const mode = service.runs ? ctx.changeMode(activity, date, isBooked) : null;
        const window = ctx.window(activity, date);
        const status = bookingDayStatus({
          service,
          closureReason: ctx.closure(line.activityId, line.siteId, date),
          enrolled: !!offer && line.approvedYears.has(schoolYearOf(date)),
          booking: (booking?.status ?? null) as BookingRowStatus | null,
          placesLeft: offer ? ctx.capacity(offer, date) - (counter?.taken ?? 0) : 0,
          waitlistLeft: offer ? offer.waitlistSize - (counter?.waiting ?? 0) : 0,
          beforeDeadline: mode?.mode === 'ok',
          lateChange: mode?.mode === 'late' ? 'surcharge' : 'refuse',
          inWindow: window.inWindow,
          windowReason: window.reason,
          locked: booking?.locked ?? false,
        });
        const open = status.status !== 'closed' && status.status !== 'not_enrolled' && date >= ctx.today;
        days.push({
          date,
          activityId: line.activityId,
          status: status.status,
          deadline: open && mode?.deadline ? mode.deadline.toISOString() : null,
          lateChangeAllowed: mode?.mode === 'late',
          waitlistPosition: booking?.status === 'waitlisted' ? booking.position : null,
          reason: status.reason,
          offerExpiresAt: booking?.offer_expires_at ? new Date(booking.offer_expires_at).toISOString() : null,
          bookingId: booking?.id ?? null,
          absence:
            booking?.status === 'absent_sick' ? (booking.justified ? 'justified' : 'sick_pending') : null,
        });
      }
    }
    return { childId: child.id, from, to, activities, days };
  }
}

interface CalendarBookingRow {
  id: string;
  activity_id: string;
  date: string;
  status: string;
  locked: boolean;
  justified: boolean;
  offer_expires_at: Date | null;
  position: number | null;
}

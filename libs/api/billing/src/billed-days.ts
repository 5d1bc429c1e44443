import type { EntityManager } from 'typeorm';
import { AttendanceMark } from '@foyer/shared/contracts';
import type { BillableDayView } from '@foyer/shared/contracts';
import type { BookingsLedger } from '@foyer/api/bookings';
import type { IsoDate, PricedDayKind } from '@foyer/shared/domain';

/** One child-day as billing reads it from bookings and attendance. */
export interface BilledDay {
  householdId: string;
  childId: string;
  activityId: string;
  date: IsoDate;
  kind: PricedDayKind;
  late: boolean;
  /** Booked, attendance not taken yet: a blocker (billed as attended if the agent goes on). */
  attendanceMissing: boolean;
}

/**
 * A day as the bookings domain's ledger gives it, read as billing prices it:
 * - a closure is not billed, and listed; a justified absence (certificate, or marked so) neither;
 * - a sick cancellation still awaiting its certificate is billed like an unjustified absence;
 * - booked: present → attended; absent → unjustified absence; attendance not taken → a blocker
 *   (billed as booked if the agent goes on: a day cancelled after the deadline stays charged too);
 * - present without a booking (walk-in) → billed with the penalty.
 */
export function toBilledDay(d: BillableDayView): BilledDay | null {
  let kind: PricedDayKind;
  let attendanceMissing = false;
  if (d.closure) kind = 'closure';
  else if (d.justified) kind = 'justified_absence';
  else if (d.sickPending) kind = 'unjustified_absence';
  else if (!d.booked) {
    if (d.mark !== AttendanceMark.Present && !d.walkIn) return null;
    kind = 'present_unbooked';
  } else if (d.mark === AttendanceMark.Present) kind = 'attended';
  else if (d.mark === AttendanceMark.Absent) kind = 'unjustified_absence';
  else {
    kind = 'attended';
    attendanceMissing = true;
  }
  return {
    householdId: d.householdId,
    childId: d.childId,
    activityId: d.activityId,
    date: d.date,
    kind,
    late: d.late,
    attendanceMissing,
  };
}

/** The billed days of some households over a period, through the bookings domain's ledger. */
export async function readBilledDays(
  ledger: BookingsLedger,
  m: EntityManager,
  from: IsoDate,
  to: IsoDate,
  householdIds: string[],
): Promise<BilledDay[]> {
  const days = await ledger.billableDays(from, to, { householdIds, manager: m });
  return days.map(toBilledDay).filter((d): d is BilledDay => d !== null);
}

/**
 * The households that have something to bill over a period, in a stable order, so the run can work
 * chunk by chunk (a reviewed read of the bookings tables' household ids; see docs/billing.md).
 */
export async function householdsToBill(m: EntityManager, from: IsoDate, to: IsoDate): Promise<string[]> {
  const rows: { household_id: string }[] = await m.query(
    `SELECT household_id FROM bookings WHERE date BETWEEN $1 AND $2
        AND (status IN ('booked', 'absent_sick', 'closure') OR (status = 'cancelled' AND cancelled_late))
     UNION
     SELECT household_id FROM attendance WHERE date BETWEEN $1 AND $2 AND mark = 'present'
     ORDER BY household_id`,
    [from, to],
  );
  return rows.map((r) => r.household_id);
}

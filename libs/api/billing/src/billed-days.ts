import type { EntityManager } from 'typeorm';
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

interface Row {
  household_id: string;
  child_id: string;
  activity_id: string;
  date: string;
  status: string | null;
  late: boolean;
  cancelled_late: boolean;
  justified: boolean;
  mark: string | null;
}

/**
 * Reads the bookings domain's bookings and attendance of some households over a period (a reviewed
 * cross-domain read, see docs/billing.md; to move behind a bookings read service when it has one):
 * - booked: present → attended; absent → unjustified absence; absent justified → justified absence;
 *   attendance not taken → a blocker;
 * - absent_sick: justified absence once the certificate came, else unjustified (billed);
 * - cancelled after the cancellation deadline: billed as an unjustified absence with the late surcharge;
 * - closure: not billed, listed;
 * - present without a live booking (walk-in): billed with the penalty.
 */
export async function readBilledDays(
  m: EntityManager,
  from: IsoDate,
  to: IsoDate,
  householdIds: string[],
): Promise<BilledDay[]> {
  const rows: Row[] = await m.query(
    `SELECT b.household_id, b.child_id, b.activity_id, to_char(b.date, 'YYYY-MM-DD') AS date, b.status,
            b.late, b.cancelled_late, b.justified, a.mark
       FROM bookings b
       LEFT JOIN attendance a ON a.child_id = b.child_id AND a.activity_id = b.activity_id AND a.date = b.date
      WHERE b.household_id = ANY($3::uuid[]) AND b.date BETWEEN $1 AND $2
        AND (b.status IN ('booked', 'absent_sick', 'closure') OR (b.status = 'cancelled' AND b.cancelled_late))
     UNION ALL
     SELECT a.household_id, a.child_id, a.activity_id, to_char(a.date, 'YYYY-MM-DD'), NULL, false, false, false, a.mark
       FROM attendance a
      WHERE a.household_id = ANY($3::uuid[]) AND a.date BETWEEN $1 AND $2 AND a.mark = 'present'
        AND NOT EXISTS (SELECT 1 FROM bookings b WHERE b.child_id = a.child_id AND b.activity_id = a.activity_id
                         AND b.date = a.date AND b.status IN ('booked', 'absent_sick'))`,
    [from, to, householdIds],
  );
  const days: BilledDay[] = [];
  for (const r of rows) {
    let kind: PricedDayKind;
    let attendanceMissing = false;
    let late = r.late;
    if (r.status === null) kind = 'present_unbooked';
    else if (r.status === 'closure') kind = 'closure';
    else if (r.status === 'cancelled') {
      kind = 'unjustified_absence';
      late = true;
    } else if (r.status === 'absent_sick') kind = r.justified ? 'justified_absence' : 'unjustified_absence';
    else if (r.mark === 'present') kind = 'attended';
    else if (r.mark === 'absent') kind = 'unjustified_absence';
    else if (r.mark === 'absent_justified') kind = 'justified_absence';
    else {
      kind = 'attended';
      attendanceMissing = true;
    }
    days.push({
      householdId: r.household_id,
      childId: r.child_id,
      activityId: r.activity_id,
      date: r.date,
      kind,
      late,
      attendanceMissing,
    });
  }
  return days;
}

/** The households that have something to bill over a period, in a stable order. */
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

/**
 * Locks the period's bookings and attendance once billed: marks and changes no longer move what an
 * invoice says. Bookings' own `locked` columns, set here in the finalizing transaction (see
 * docs/billing.md: to become a bookings service call).
 */
export async function lockPeriod(m: EntityManager, from: IsoDate, to: IsoDate): Promise<void> {
  await m.query(`UPDATE attendance SET locked = true WHERE date BETWEEN $1 AND $2 AND NOT locked`, [
    from,
    to,
  ]);
  await m.query(`UPDATE bookings SET locked = true WHERE date BETWEEN $1 AND $2 AND NOT locked`, [from, to]);
}

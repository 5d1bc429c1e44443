import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AttendanceMark, BillableDayView } from '@foyer/shared/contracts';

/**
 * What billing reads of bookings: per child, activity and day of a period, whether it was booked,
 * late, attended, a walk-in, a sick or justified absence, a closure; and the lock billing sets on a
 * billed period (attendance and bookings then refuse changes). Pass billing's transaction manager
 * to read and lock in its transaction.
 */
@Injectable()
export class BookingsLedger {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async billableDays(
    from: string,
    to: string,
    options: { householdIds?: string[]; manager?: EntityManager } = {},
  ): Promise<BillableDayView[]> {
    const m = options.manager ?? this.dataSource.manager;
    const rows: {
      household_id: string;
      child_id: string;
      activity_id: string;
      kind: BillableDayView['activityKind'];
      site_id: string;
      date: string;
      status: string | null;
      late: boolean | null;
      cancelled_late: boolean | null;
      justified: boolean | null;
      b_locked: boolean | null;
      surcharge: number;
      mark: AttendanceMark | null;
      walk_in: boolean | null;
      a_locked: boolean | null;
    }[] = await m.query(
      `WITH b AS (
         SELECT DISTINCT ON (bk.child_id, bk.activity_id, bk.date)
                bk.household_id, bk.child_id, bk.activity_id, o.site_id, bk.date, bk.status, bk.late,
                bk.cancelled_late, bk.justified, bk.locked
           FROM bookings bk JOIN activity_offers o ON o.id = bk.offer_id
          WHERE bk.date BETWEEN $1 AND $2
            AND (bk.status IN ('booked', 'offered', 'absent_sick', 'closure') OR (bk.status = 'cancelled' AND bk.cancelled_late))
            AND ($3::uuid[] IS NULL OR bk.household_id = ANY($3::uuid[]))
          ORDER BY bk.child_id, bk.activity_id, bk.date,
                   (bk.status IN ('booked', 'offered', 'absent_sick')) DESC, bk.updated_at DESC
       ), a AS (
         SELECT * FROM attendance
          WHERE date BETWEEN $1 AND $2 AND ($3::uuid[] IS NULL OR household_id = ANY($3::uuid[]))
       )
       SELECT coalesce(b.household_id, a.household_id) AS household_id, coalesce(b.child_id, a.child_id) AS child_id,
              coalesce(b.activity_id, a.activity_id) AS activity_id, act.kind, coalesce(b.site_id, a.site_id) AS site_id,
              to_char(coalesce(b.date, a.date), 'YYYY-MM-DD') AS date, b.status, b.late, b.cancelled_late, b.justified,
              b.locked AS b_locked, act.late_surcharge_cents AS surcharge, a.mark, a.walk_in, a.locked AS a_locked
         FROM b FULL JOIN a ON a.child_id = b.child_id AND a.activity_id = b.activity_id AND a.date = b.date
         JOIN activities act ON act.id = coalesce(b.activity_id, a.activity_id)
        ORDER BY 1, 2, 6, 3`,
      [from, to, options.householdIds ?? null],
    );
    return rows.map((r) => {
      const live = r.status === 'booked' || r.status === 'offered' || r.status === 'absent_sick';
      const late = !!r.late || !!r.cancelled_late;
      return {
        householdId: r.household_id,
        childId: r.child_id,
        activityId: r.activity_id,
        activityKind: r.kind,
        siteId: r.site_id,
        date: r.date,
        booked: live || (r.status === 'cancelled' && !!r.cancelled_late),
        late,
        lateSurchargeCents: late ? r.surcharge : 0,
        mark: r.mark,
        walkIn: !!r.walk_in,
        sickPending: r.status === 'absent_sick' && !r.justified,
        justified: (r.status === 'absent_sick' && !!r.justified) || r.mark === AttendanceMark.AbsentJustified,
        closure: r.status === 'closure',
        locked: !!r.b_locked || !!r.a_locked,
      };
    });
  }

  /** Billing locks what it billed: bookings and attendance of the period no longer change. */
  async lockPeriod(
    from: string,
    to: string,
    options: { householdIds?: string[]; manager?: EntityManager } = {},
  ): Promise<void> {
    const m = options.manager ?? this.dataSource.manager;
    const ids = options.householdIds ?? null;
    await m.query(
      `UPDATE bookings SET locked = TRUE WHERE date BETWEEN $1 AND $2 AND NOT locked
          AND ($3::uuid[] IS NULL OR household_id = ANY($3::uuid[]))`,
      [from, to, ids],
    );
    await m.query(
      `UPDATE attendance SET locked = TRUE WHERE date BETWEEN $1 AND $2 AND NOT locked
          AND ($3::uuid[] IS NULL OR household_id = ANY($3::uuid[]))`,
      [from, to, ids],
    );
  }
}

/**
 * The SQL that holds capacity, used by the API and by `npm run bench:bookings`'s raw run (which
 * loads this compiled file), so the physical limit is measured with the very same statements.
 *
 * A booking locks the counter row of its (offer, day): created if missing, then locked in
 * (offer, date) order so that two requests over several days never wait on each other in a cycle.
 * Under the lock, places taken and waiting are read and written back: no count-then-insert.
 */
export const CapacitySql = {
  /** $1 offer ids, $2 dates (same length). */
  ensureDays: `INSERT INTO offer_days (offer_id, date)
    SELECT * FROM unnest($1::uuid[], $2::date[]) ON CONFLICT DO NOTHING`,
  /** $1 offer ids, $2 dates. */
  lockDays: `SELECT d.offer_id, to_char(d.date, 'YYYY-MM-DD') AS date, d.taken, d.waiting, d.arrivals
    FROM offer_days d
    JOIN unnest($1::uuid[], $2::date[]) AS k(offer_id, date) ON k.offer_id = d.offer_id AND k.date = d.date
    ORDER BY d.offer_id, d.date FOR UPDATE OF d`,
  /** $1 offer ids, $2 dates, $3 taken, $4 waiting, $5 arrivals. */
  writeDays: `UPDATE offer_days d SET taken = v.taken, waiting = v.waiting, arrivals = v.arrivals
    FROM unnest($1::uuid[], $2::date[], $3::int[], $4::int[], $5::int[]) AS v(offer_id, date, taken, waiting, arrivals)
    WHERE d.offer_id = v.offer_id AND d.date = v.date`,
  /** $1 child, $2 household, $3 activity ids, $4 offer ids, $5 dates, $6 statuses, $7 arrivals, $8 late flags. */
  insertBookings: `INSERT INTO bookings (child_id, household_id, activity_id, offer_id, date, status, arrival, late)
    SELECT $1, $2, v.activity_id, v.offer_id, v.date, v.status, v.arrival, v.late
      FROM unnest($3::uuid[], $4::uuid[], $5::date[], $6::text[], $7::int[], $8::boolean[])
        AS v(activity_id, offer_id, date, status, arrival, late)
    RETURNING id, activity_id, to_char(date, 'YYYY-MM-DD') AS date, status, arrival`,
  /**
   * insertBookings and writeDays in one round trip (the lock is held until commit: every round trip
   * inside it is paid by every request queued behind). $1 child, $2 household, $3-$8 as
   * insertBookings, $9-$13 as writeDays.
   */
  bookAndWriteDays: `WITH inserted AS (
      INSERT INTO bookings (child_id, household_id, activity_id, offer_id, date, status, arrival, late)
      SELECT $1, $2, v.activity_id, v.offer_id, v.date, v.status, v.arrival, v.late
        FROM unnest($3::uuid[], $4::uuid[], $5::date[], $6::text[], $7::int[], $8::boolean[])
          AS v(activity_id, offer_id, date, status, arrival, late)
      RETURNING 1
    ), written AS (
      UPDATE offer_days d SET taken = v.taken, waiting = v.waiting, arrivals = v.arrivals
        FROM unnest($9::uuid[], $10::date[], $11::int[], $12::int[], $13::int[]) AS v(offer_id, date, taken, waiting, arrivals)
       WHERE d.offer_id = v.offer_id AND d.date = v.date
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM inserted)::int AS inserted, (SELECT count(*) FROM written)::int AS written`,
} as const;

/** A counter row as locked. */
export interface OfferDayState {
  offer_id: string;
  date: string;
  taken: number;
  waiting: number;
  arrivals: number;
}

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
   * Booking several days in one statement, the whole critical section: the counter rows (created
   * beforehand by ensureDays) are locked in (offer, date) order, each day is decided (booked while
   * taken < capacity, else waitlisted while waiting < waitlist size, else refused), the bookings are
   * inserted with their arrival numbers and the counters written. The lock is then held only until
   * the COMMIT that follows. $1 child, $2 household, $3 activity ids, $4 offer ids, $5 dates,
   * $6 late flags, $7 capacities, $8 waitlist sizes (one per day; one day per offer).
   */
  bookDays: `WITH req AS (
      SELECT * FROM unnest($3::uuid[], $4::uuid[], $5::date[], $6::boolean[], $7::int[], $8::int[])
        AS r(activity_id, offer_id, date, late, capacity, waitlist_size)
    ), locked AS MATERIALIZED (
      SELECT d.offer_id, d.date, d.taken, d.waiting, d.arrivals
        FROM offer_days d JOIN req r ON r.offer_id = d.offer_id AND r.date = d.date
       ORDER BY d.offer_id, d.date FOR UPDATE OF d
    ), decided AS MATERIALIZED (
      SELECT r.activity_id, r.offer_id, r.date, r.late, l.arrivals + 1 AS arrival,
             CASE WHEN l.taken < r.capacity THEN 'booked'
                  WHEN l.waiting < r.waitlist_size THEN 'waitlisted' ELSE 'refused' END AS status,
             l.waiting + 1 AS position
        FROM req r JOIN locked l ON l.offer_id = r.offer_id AND l.date = r.date
    ), inserted AS (
      INSERT INTO bookings (child_id, household_id, activity_id, offer_id, date, status, arrival, late)
      SELECT $1, $2, activity_id, offer_id, date, status, arrival, late FROM decided WHERE status <> 'refused'
      RETURNING 1
    ), written AS (
      UPDATE offer_days d
         SET taken = d.taken + (x.status = 'booked')::int, waiting = d.waiting + (x.status = 'waitlisted')::int,
             arrivals = x.arrival
        FROM decided x WHERE x.status <> 'refused' AND d.offer_id = x.offer_id AND d.date = x.date
      RETURNING 1
    )
    SELECT offer_id, to_char(date, 'YYYY-MM-DD') AS date, status, position::int AS position,
           (SELECT count(*) FROM inserted)::int AS inserted, (SELECT count(*) FROM written)::int AS written
      FROM decided`,
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

/** What CapacitySql.bookDays takes, one entry per day (one day per offer). */
export interface BookDaysInput {
  childId: string;
  householdId: string;
  activityIds: string[];
  offerIds: string[];
  dates: string[];
  late: boolean[];
  capacities: number[];
  waitlistSizes: number[];
}

export function bookDaysParams(input: BookDaysInput): unknown[] {
  return [
    input.childId,
    input.householdId,
    input.activityIds,
    input.offerIds,
    input.dates,
    input.late,
    input.capacities,
    input.waitlistSizes,
  ];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function literal(value: unknown): string {
  const one = (v: unknown): string => {
    if (typeof v === 'boolean') return v ? 'true' : 'false';
    if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v);
    if (typeof v === 'string' && (UUID.test(v) || ISO_DATE.test(v))) return v;
    throw new Error(`not a value bookDays inlines: ${String(v)}`);
  };
  return Array.isArray(value) ? `'{${value.map(one).join(',')}}'` : `'${one(value)}'`;
}

/**
 * CapacitySql.bookDays with its values written in (only UUIDs, ISO dates, integers and booleans,
 * checked: nothing else can be inlined), followed by COMMIT, as one simple-protocol message. The
 * server then runs the whole critical section, lock to commit, without waiting for the API: under
 * load the API's event loop may take a while to read an answer, and the counter row would stay
 * locked meanwhile. The caller's transaction must be open and have nothing left to do.
 */
export function bookDaysThenCommit(input: BookDaysInput): string {
  const params = bookDaysParams(input);
  return `${CapacitySql.bookDays.replace(/\$(\d+)/g, (_, n: string) => literal(params[Number(n) - 1]))};\nCOMMIT`;
}

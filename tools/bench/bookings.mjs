// npm run bench:bookings — bookings under load, on a real PostgreSQL with 5,000 households and
// 8,000 children, next to the same rush run straight against PostgreSQL with the same locking SQL.
//
// 1. The opening rush: 2,000 parents arrive within 10 seconds (open loop, evenly spaced), each
//    booking the holiday centre for one child for a week of the winter holidays (5 days, one
//    request), at a centre with 300 places a day. Checked: exactly 300 booked per day, the others
//    waitlisted in arrival order, no 5xx. Reported: requests/s, p50/p95/p99.
// 2. A month for one child in one request (canteen + evening care, ~16 school days x 2): p95.
// 3. The calendar of a month: p95.
// 4. The rush again, without HTTP or Nest: a pool of `pg` clients runs, per parent, the API's
//    transaction with the very statements of libs/api/bookings/src/capacity-sql.ts (loaded from the
//    build): lock the household, create the day counters, then CapacitySql.bookDays (lock the
//    counters in order, decide, insert, write back, in one statement), commit.
//    `ratio` = API rush requests/s ÷ raw requests/s.
//
// Needs a built API (the script builds it) and a PostgreSQL server: BENCH_DATABASE_URL, else
// TEST_DATABASE_URL, else postgresql://postgres@127.0.0.1:5432/postgres. A fresh database is created,
// seeded, and dropped at the end. Options: BENCH_RUSH_PARENTS (2000), BENCH_RUSH_SECONDS (10),
// BENCH_CAPACITY (300), BENCH_SAMPLES (200 month bookings and calendar reads), BENCH_CONCURRENCY (4).
import { spawn, spawnSync } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import pg from 'pg';

const require = createRequire(import.meta.url);
const serverUrl =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgresql://postgres@127.0.0.1:5432/postgres';
const RUSH_PARENTS = Number(process.env.BENCH_RUSH_PARENTS ?? 2000);
const RUSH_SECONDS = Number(process.env.BENCH_RUSH_SECONDS ?? 10);
const CAPACITY = Number(process.env.BENCH_CAPACITY ?? 300);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 200);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const HOUSEHOLDS = 5000;
const CHILDREN = 8000;
const NOW = '2027-01-14T08:30:00+01:00';
const RUSH_WEEK = ['2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'];
const RAW_WEEK = ['2027-02-15', '2027-02-16', '2027-02-17', '2027-02-18', '2027-02-19'];

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const freePort = () =>
  new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length
    ? Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] * 10) / 10
    : null;
};
const stats = (ms) => ({
  p50Ms: percentile(ms, 50),
  p95Ms: percentile(ms, 95),
  p99Ms: percentile(ms, 99),
  maxMs: percentile(ms, 100),
});

async function adminQuery(sql) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** An access token as the API signs them (HS256, 15 minutes), with the account's session version. */
function tokenFor(secret, userId, sv) {
  const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const body = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: userId, role: 'resident', scopes: [], sv, iat: now, exp: now + 3600 })}`;
  return `Bearer ${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

/** Runs `task(i)` for i < n, `concurrency` at a time; returns each call's duration in ms. */
async function closedLoop(n, concurrency, task) {
  const times = new Array(n);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const i = next++;
        const start = performance.now();
        await task(i);
        times[i] = performance.now() - start;
      }
    }),
  );
  return times;
}

/** Starts `task(i)` at i × (window / n) whatever the answers (arrivals do not wait): the rush. */
async function openLoop(n, windowMs, task) {
  const times = new Array(n);
  const begin = performance.now();
  await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const at = begin + (i * windowMs) / n;
      const wait = at - performance.now();
      if (wait > 0) await sleep(wait);
      const start = performance.now();
      await task(i);
      times[i] = performance.now() - start;
    }),
  );
  return { times, totalMs: performance.now() - begin };
}

execIn('nx', ['run', 'api:build', '--outputStyle=static']);
function execIn(cmd, args) {
  const r = spawnSync('npx', [cmd, ...args], {
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed`);
}
const { CapacitySql } = require(resolve('dist/api/libs/api/bookings/src/capacity-sql.js'));

const name = `foyer_bench_${randomBytes(4).toString('hex')}`;
const dbUrl = new URL(serverUrl);
dbUrl.pathname = `/${name}`;
const work = mkdtempSync(join(tmpdir(), 'foyer-bench-'));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const secret = randomBytes(32).toString('hex');
const env = {
  ...process.env,
  NODE_ENV: 'development',
  PORT: String(port),
  HOST: '127.0.0.1',
  DATABASE_URL: dbUrl.toString(),
  JWT_SECRET: secret,
  FOYER_NOW: NOW,
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  DOCUMENTS_DIR: join(work, 'documents'),
};

await adminQuery(`CREATE DATABASE "${name}"`);
const db = new pg.Pool({ connectionString: dbUrl.toString(), max: 10 });
let api;
try {
  const seed = spawnSync(process.execPath, ['dist/api/apps/api/src/cli/seed.js'], { env, encoding: 'utf8' });
  if (seed.status !== 0) throw new Error(`seed failed: ${seed.stderr}`);

  // --- The city's families: 5,000 households, 8,000 children --------------------------------
  const t0 = performance.now();
  await db.query(
    `WITH u AS (
       INSERT INTO users (email, first_name, last_name, email_verified_at)
       SELECT 'bench-' || g || '@exemple.fr', 'Parent' || g, 'Famille' || g, now() FROM generate_series(1, $1) g
       RETURNING id, email
     ), h AS (
       INSERT INTO households (address_line1, postal_code, city, in_commune)
       SELECT email, '99123', 'Foyer-sur-Marne', TRUE FROM u RETURNING id, address_line1
     )
     INSERT INTO household_guardians (household_id, user_id, rank)
     SELECT h.id, u.id, 1 FROM h JOIN u ON u.email = h.address_line1`,
    [HOUSEHOLDS],
  );
  const schools = (await db.query(`SELECT id FROM sites WHERE kind = 'school' ORDER BY code`)).rows.map(
    (r) => r.id,
  );
  await db.query(
    `INSERT INTO children (household_id, first_name, last_name, birth_date, sex, school_site_id, diet)
     SELECT h.id, 'Enfant' || n, 'Famille', DATE '2016-01-01' + (n % 2000), CASE WHEN n % 2 = 0 THEN 'F' ELSE 'M' END,
            ($2::uuid[])[1 + n % array_length($2::uuid[], 1)], CASE WHEN n % 7 = 0 THEN 'vegetarian' ELSE 'none' END
       FROM (SELECT h.id, row_number() OVER (ORDER BY h.id) AS r FROM households h
              WHERE h.address_line1 LIKE 'bench-%') h
       JOIN generate_series(1, $1) n ON h.r = 1 + (n - 1) % $3`,
    [CHILDREN, schools, HOUSEHOLDS],
  );
  const families = (
    await db.query(
      `SELECT DISTINCT ON (c.household_id) c.id AS child_id, c.household_id, c.school_site_id, g.user_id, u.session_version
         FROM children c JOIN household_guardians g ON g.household_id = c.household_id JOIN users u ON u.id = g.user_id
        WHERE u.email LIKE 'bench-%' ORDER BY c.household_id, c.id`,
    )
  ).rows;
  const act = Object.fromEntries(
    (await db.query(`SELECT code, id FROM activities`)).rows.map((r) => [r.code, r.id]),
  );
  const rushFamilies = families.slice(0, RUSH_PARENTS);
  const monthFamilies = families.slice(RUSH_PARENTS, RUSH_PARENTS + SAMPLES);
  const centre = (await db.query(`SELECT id FROM sites WHERE code = 'centre-loisirs-les-iles'`)).rows[0].id;
  await db.query(
    `INSERT INTO enrollments (child_id, household_id, activity_id, site_id, school_year, status, requested_at, decided_at)
     SELECT c, h, $3, $4, '2026-2027', 'approved', now(), now() FROM unnest($1::uuid[], $2::uuid[]) x(c, h)`,
    [rushFamilies.map((f) => f.child_id), rushFamilies.map((f) => f.household_id), act['vacances'], centre],
  );
  for (const code of ['cantine', 'accueil-soir']) {
    await db.query(
      `INSERT INTO enrollments (child_id, household_id, activity_id, site_id, school_year, status, requested_at, decided_at)
       SELECT c, h, $4, s, '2026-2027', 'approved', now(), now() FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) x(c, h, s)`,
      [
        monthFamilies.map((f) => f.child_id),
        monthFamilies.map((f) => f.household_id),
        monthFamilies.map((f) => f.school_site_id),
        act[code],
      ],
    );
  }
  // The centre takes CAPACITY a day, everyone else waits; schools take everyone for the month test.
  await db.query(
    `UPDATE activity_offers SET capacity_per_day = $2, waitlist_size = $3 WHERE activity_id = $1`,
    [act['vacances'], CAPACITY, RUSH_PARENTS],
  );
  await db.query(`UPDATE activity_offers SET capacity_per_day = 2000 WHERE activity_id = ANY($1::uuid[])`, [
    [act['cantine'], act['accueil-soir']],
  ]);
  const setupMs = performance.now() - t0;

  // BENCH_API_NODE_ARGS, e.g. --cpu-prof, profiles the API process.
  api = spawn(
    process.execPath,
    [...(process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean), 'dist/api/apps/api/src/main.js'],
    {
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  api.stdout.resume();
  for (let i = 0; ; i++) {
    if (api.exitCode !== null) throw new Error('the API exited');
    if (
      await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (i > 300) throw new Error('the API did not start in 60 s');
    await sleep(200);
  }
  const statuses = {};
  // A bounded pool of keep-alive connections, as a reverse proxy in front of the API would hold:
  // arrivals beyond it wait for a connection, and that wait counts in their latency.
  const agent = new Agent({ keepAlive: true, maxSockets: Number(process.env.BENCH_SOCKETS ?? 64) });
  const call = (method, path, auth, body) =>
    new Promise((ok, fail) => {
      const payload = body ? JSON.stringify(body) : undefined;
      const req = httpRequest(
        `${base}${path}`,
        {
          method,
          agent,
          headers: {
            Authorization: auth,
            ...(payload
              ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) }
              : {}),
          },
        },
        (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => {
            statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
            const json = JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null');
            if (res.statusCode >= 500)
              fail(new Error(`${method} ${path}: ${res.statusCode} ${JSON.stringify(json)}`));
            else ok({ status: res.statusCode, json });
          });
          res.on('error', fail);
        },
      );
      req.on('error', fail);
      if (payload) req.write(payload);
      req.end();
    });
  // Warm-up: one request of each kind (connections, JIT), not measured.
  const warm = families[families.length - 1];
  await call(
    'GET',
    `/api/children/${warm.child_id}/calendar?from=2027-02-01&to=2027-02-28`,
    tokenFor(secret, warm.user_id, warm.session_version),
  );

  // --- 1. The opening rush through the API ------------------------------------------------------
  const rushBody = {
    changes: RUSH_WEEK.map((date) => ({ date, activityId: act['vacances'], booked: true })),
  };
  const rushTokens = rushFamilies.map((f) => tokenFor(secret, f.user_id, f.session_version));
  const rushOutcomes = new Array(RUSH_PARENTS);
  const rush = await openLoop(RUSH_PARENTS, RUSH_SECONDS * 1000, async (i) => {
    const { status, json } = await call(
      'PUT',
      `/api/children/${rushFamilies[i].child_id}/bookings`,
      rushTokens[i],
      rushBody,
    );
    rushOutcomes[i] = status === 200 ? json.outcomes.map((o) => o.outcome) : [`http ${status}`];
  });
  const perDay = (
    await db.query(
      `SELECT to_char(b.date, 'YYYY-MM-DD') AS date, count(*) FILTER (WHERE status = 'booked')::int AS booked,
              count(*) FILTER (WHERE status = 'waitlisted')::int AS waitlisted,
              bool_and(CASE WHEN status = 'booked' THEN arrival <= $3 ELSE arrival > $3 END) AS in_order,
              count(DISTINCT arrival)::int AS arrivals
         FROM bookings b JOIN activity_offers o ON o.id = b.offer_id
        WHERE b.activity_id = $1 AND b.date = ANY($2::date[]) GROUP BY b.date ORDER BY b.date`,
      [act['vacances'], RUSH_WEEK, CAPACITY],
    )
  ).rows;
  const rushChecks = {
    exactlyCapacityBookedEachDay:
      perDay.length === RUSH_WEEK.length && perDay.every((d) => d.booked === CAPACITY),
    othersWaitlistedInArrivalOrder: perDay.every(
      (d) => d.in_order && d.booked + d.waitlisted === RUSH_PARENTS && d.arrivals === RUSH_PARENTS,
    ),
    no5xx: Object.keys(statuses).every((s) => Number(s) < 500),
    allAnswered200: rushOutcomes.every((o) => !String(o[0]).startsWith('http')),
  };
  const rushStatuses = { ...statuses };

  // --- 2. A month for one child in one request --------------------------------------------------
  const monthDays = [];
  for (
    let d = new Date('2027-01-25T12:00:00Z');
    d <= new Date('2027-03-05T12:00:00Z');
    d.setUTCDate(d.getUTCDate() + 1)
  ) {
    const iso = d.toISOString().slice(0, 10);
    const wd = d.getUTCDay();
    const holiday = iso >= '2027-02-06' && iso <= '2027-02-21';
    if (!holiday && [1, 2, 4, 5].includes(wd)) monthDays.push(iso);
  }
  const monthBody = {
    changes: monthDays.flatMap((date) => [
      { date, activityId: act['cantine'], booked: true },
      { date, activityId: act['accueil-soir'], booked: true },
    ]),
  };
  let monthBooked = 0;
  const monthTimes = await closedLoop(monthFamilies.length, CONCURRENCY, async (i) => {
    const f = monthFamilies[i];
    const { json } = await call(
      'PUT',
      `/api/children/${f.child_id}/bookings`,
      tokenFor(secret, f.user_id, f.session_version),
      monthBody,
    );
    monthBooked += json.booked;
  });

  // --- 3. The calendar of a month ---------------------------------------------------------------
  const calendarTimes = await closedLoop(monthFamilies.length, CONCURRENCY, async (i) => {
    const f = monthFamilies[i];
    const { status } = await call(
      'GET',
      `/api/children/${f.child_id}/calendar?from=2027-03-01&to=2027-03-31`,
      tokenFor(secret, f.user_id, f.session_version),
    );
    if (status !== 200) throw new Error(`calendar: ${status}`);
  });

  // --- Baseline: the household file (households domain), same concurrency, for scale ------------
  const baselineTimes = await closedLoop(monthFamilies.length, CONCURRENCY, async (i) => {
    const f = monthFamilies[i];
    const { status } = await call('GET', '/api/household', tokenFor(secret, f.user_id, f.session_version));
    if (status !== 200) throw new Error(`household: ${status}`);
  });

  // --- 4. The same rush, straight against PostgreSQL, with the same locking SQL -----------------
  const centreOffer = (
    await db.query(`SELECT id FROM activity_offers WHERE activity_id = $1 AND site_id = $2`, [
      act['vacances'],
      centre,
    ])
  ).rows[0].id;
  const raw = new pg.Pool({ connectionString: dbUrl.toString(), max: 10 });
  const rawOutcome = { booked: 0, waitlisted: 0 };
  const rawRush = await openLoop(RUSH_PARENTS, RUSH_SECONDS * 1000, async (i) => {
    const f = rushFamilies[i];
    const client = await raw.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SELECT id FROM households WHERE id = $1 FOR UPDATE`, [f.household_id]);
      const offers = RAW_WEEK.map(() => centreOffer);
      await client.query(CapacitySql.ensureDays, [offers, RAW_WEEK]);
      const decided = (
        await client.query(CapacitySql.bookDays, [
          f.child_id,
          f.household_id,
          RAW_WEEK.map(() => act['vacances']),
          offers,
          RAW_WEEK,
          RAW_WEEK.map(() => false),
          RAW_WEEK.map(() => CAPACITY),
          RAW_WEEK.map(() => RUSH_PARENTS),
        ])
      ).rows;
      for (const d of decided) rawOutcome[d.status] = (rawOutcome[d.status] ?? 0) + 1;
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  });
  await raw.end();

  const rps = (n, ms) => Math.round((n / ms) * 1000 * 10) / 10;
  const apiRush = {
    requests: RUSH_PARENTS,
    seconds: Math.round(rush.totalMs) / 1000,
    requestsPerSecond: rps(RUSH_PARENTS, rush.totalMs),
    ...stats(rush.times),
  };
  const rawRushStats = {
    transactions: RUSH_PARENTS,
    seconds: Math.round(rawRush.totalMs) / 1000,
    transactionsPerSecond: rps(RUSH_PARENTS, rawRush.totalMs),
    ...stats(rawRush.times),
  };
  // Both runs are paced by the arrivals (2,000 in 10 s): the service times say how far each is from its limit.
  const apiService = rush.times.reduce((a, b) => a + b, 0) / RUSH_PARENTS;
  const rawService = rawRush.times.reduce((a, b) => a + b, 0) / RUSH_PARENTS;
  const report = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    database: 'PostgreSQL',
    data: { households: HOUSEHOLDS, children: CHILDREN, setupSeconds: Math.round(setupMs) / 1000 },
    rush: {
      parents: RUSH_PARENTS,
      arrivalWindowSeconds: RUSH_SECONDS,
      daysPerRequest: RUSH_WEEK.length,
      capacityPerDay: CAPACITY,
      perDay,
      checks: rushChecks,
      statuses: rushStatuses,
      api: apiRush,
      rawSql: rawRushStats,
      rawOutcome,
      ratio: Math.round((apiRush.requestsPerSecond / rawRushStats.transactionsPerSecond) * 100) / 100,
      meanLatencyRatio: Math.round((rawService / apiService) * 100) / 100,
      aim: { p95UnderMs: 1000, ratioAtLeast: 0.5 },
    },
    monthInOneRequest: {
      requests: monthFamilies.length,
      concurrency: CONCURRENCY,
      changesPerRequest: monthBody.changes.length,
      booked: monthBooked,
      ...stats(monthTimes),
      aimP95UnderMs: 150,
    },
    baselineHouseholdRead: {
      route: 'GET /api/household',
      requests: monthFamilies.length,
      concurrency: CONCURRENCY,
      ...stats(baselineTimes),
    },
    monthCalendar: {
      requests: monthFamilies.length,
      concurrency: CONCURRENCY,
      ...stats(calendarTimes),
      aimP95UnderMs: 50,
    },
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  const ok = (b) => (b ? 'yes' : 'NO');
  process.stdout.write(
    [
      '',
      `bench:bookings — ${HOUSEHOLDS} households, ${CHILDREN} children, PostgreSQL, ${cpus().length} CPUs`,
      `Opening rush: ${RUSH_PARENTS} parents in ${RUSH_SECONDS} s, ${RUSH_WEEK.length} days each, ${CAPACITY} places a day`,
      `  API     ${apiRush.requestsPerSecond} req/s over ${apiRush.seconds} s   p50 ${apiRush.p50Ms} ms  p95 ${apiRush.p95Ms} ms  p99 ${apiRush.p99Ms} ms`,
      `  raw SQL ${rawRushStats.transactionsPerSecond} tx/s over ${rawRushStats.seconds} s   p50 ${rawRushStats.p50Ms} ms  p95 ${rawRushStats.p95Ms} ms  p99 ${rawRushStats.p99Ms} ms`,
      `  ratio API/raw (throughput) ${report.rush.ratio}   raw/API mean latency ${report.rush.meanLatencyRatio}`,
      `  ${CAPACITY} booked each day: ${ok(rushChecks.exactlyCapacityBookedEachDay)}   others waitlisted in arrival order: ${ok(rushChecks.othersWaitlistedInArrivalOrder)}   no 5xx: ${ok(rushChecks.no5xx)}`,
      `  p95 under 1 s: ${ok(apiRush.p95Ms < 1000)}`,
      `A month in one request (${monthBody.changes.length} changes): p50 ${report.monthInOneRequest.p50Ms} ms  p95 ${report.monthInOneRequest.p95Ms} ms (aim < 150: ${ok(report.monthInOneRequest.p95Ms < 150)})`,
      `Calendar of a month: p50 ${report.monthCalendar.p50Ms} ms  p95 ${report.monthCalendar.p95Ms} ms (aim < 50: ${ok(report.monthCalendar.p95Ms < 50)})`,
      `Baseline GET /api/household (same concurrency): p50 ${percentile(baselineTimes, 50)} ms  p95 ${percentile(baselineTimes, 95)} ms`,
      '',
    ].join('\n'),
  );
} finally {
  if (api && api.exitCode === null) {
    const exited = new Promise((r) => api.once('exit', r));
    api.kill('SIGTERM');
    await exited;
  }
  await db.end().catch(() => undefined);
  await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  rmSync(work, { recursive: true, force: true });
}

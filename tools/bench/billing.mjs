// npm run bench:billing — a month's billing of a city on a real PostgreSQL.
// Creates a fresh database on BENCH_DATABASE_URL (or TEST_DATABASE_URL), migrates and seeds it with
// the built CLI (dist/api), then writes BENCH_HOUSEHOLDS households (default 10,000) with two
// children each, a guardian each, a validated QF for 4 in 5, and a month of canteen bookings and
// attendance (every weekday of March 2026: ~440,000 child-days; 3 % absent, 2 % absent justified).
// Starts the built API on that database and times, as an agent would call them:
//   - the draft run (POST /api/admin/billing-runs), and its peak memory (VmHWM of the API process);
//   - one SQL statement computing the same households' totals: the physical limit; ratio;
//   - the finalization (POST …/finalize): 10,000 invoices, numbers, e-mails;
//   - the invoice PDF (GET …/pdf), p50 and p95 over 200 invoices.
// Prints JSON. Run `npx nx run api:build` first (npm run bench:billing does).
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const pg = require('pg');

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const HOUSEHOLDS = Number(process.env.BENCH_HOUSEHOLDS ?? 10_000);
const PERIOD = '2026-03';
const LAST_DAY = '2026-03-31';
const NOW = '2026-07-15T08:30:00+02:00';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function runNode(script, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, script)], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.on('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${script} failed:\n${output}`)),
    );
  });
}

/** Peak resident set of a process (kB), as Linux keeps it. */
function peakRssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}
function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

async function startApi(env) {
  const port = await freePort();
  const child = spawn(process.execPath, [join(root, 'dist/api/apps/api/src/main.js')], {
    cwd: root,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c) => (output = (output + c).slice(-20_000)));
  child.stderr.on('data', (c) => (output = (output + c).slice(-20_000)));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited:\n${output}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the API did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseUrl,
    pid: child.pid,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

/** The city: households, guardians, children, quotients, bookings and attendance of the month. */
async function fillCity(db) {
  await db.query(`
    WITH h AS (
      INSERT INTO households (address_line1, postal_code, city, in_commune)
      SELECT g || ' rue du Banc', '94999', 'Foyer-sur-Marne', g % 20 <> 0 FROM generate_series(1, ${HOUSEHOLDS}) g
      RETURNING id
    ), numbered AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM h),
    u AS (
      INSERT INTO users (email, first_name, last_name, email_verified_at)
      SELECT 'banc.' || n || '@example.test', 'Parent', 'Banc ' || n, now() FROM numbered RETURNING id, email
    )
    INSERT INTO household_guardians (household_id, user_id, rank)
    SELECT numbered.id, u.id, 1 FROM numbered JOIN u ON u.email = 'banc.' || numbered.n || '@example.test'`);
  await db.query(`
    INSERT INTO children (household_id, first_name, last_name, birth_date, sex, diet)
    SELECT h.id, c.first_name, 'Banc', c.birth_date, c.sex, CASE WHEN random() < 0.02 THEN 'pai_basket' ELSE 'none' END
      FROM households h JOIN household_guardians g ON g.household_id = h.id
      JOIN users u ON u.id = g.user_id AND u.email LIKE 'banc.%@example.test'
      CROSS JOIN (VALUES ('Aïcha', DATE '2017-03-01', 'F'), ('Bilal', DATE '2019-09-12', 'M')) AS c(first_name, birth_date, sex)`);
  await db.query(`
    INSERT INTO quotients (household_id, method, status, value, effective_from, submitted_by)
    SELECT g.household_id, 'caf', 'validated', (random() * 2500)::int, '2025-09-01', g.user_id
      FROM household_guardians g JOIN users u ON u.id = g.user_id
     WHERE u.email LIKE 'banc.%@example.test' AND random() < 0.8`);
  const canteen = (await db.query(`SELECT id FROM activities WHERE kind = 'canteen' ORDER BY code LIMIT 1`))
    .rows[0].id;
  const offer = (
    await db.query(`SELECT id, site_id FROM activity_offers WHERE activity_id = $1 LIMIT 1`, [canteen])
  ).rows[0];
  const agent = (await db.query(`SELECT id FROM users WHERE lower(email) = 'agent@demo.test'`)).rows[0].id;
  await db.query(
    `INSERT INTO bookings (child_id, household_id, activity_id, offer_id, date, status, arrival)
     SELECT c.id, c.household_id, $1, $2, d::date, 'booked', 1
       FROM children c JOIN household_guardians g ON g.household_id = c.household_id
       JOIN users u ON u.id = g.user_id AND u.email LIKE 'banc.%@example.test'
       CROSS JOIN generate_series(DATE '${PERIOD}-01', DATE '${LAST_DAY}', interval '1 day') d
      WHERE extract(isodow FROM d) BETWEEN 1 AND 5`,
    [canteen, offer.id],
  );
  await db.query(
    `INSERT INTO attendance (child_id, household_id, activity_id, site_id, date, mark, marked_by, marked_at)
     SELECT child_id, household_id, activity_id, $2, date,
            CASE WHEN r < 0.03 THEN 'absent' WHEN r < 0.05 THEN 'absent_justified' ELSE 'present' END, $3, now()
       FROM (SELECT b.*, random() AS r FROM bookings b WHERE b.activity_id = $1 AND b.date BETWEEN '${PERIOD}-01' AND '${LAST_DAY}') x`,
    [canteen, offer.site_id, agent],
  );
  await db.query(`ANALYZE`);
  const days = (
    await db.query(
      `SELECT count(*)::int AS n FROM bookings WHERE date BETWEEN '${PERIOD}-01' AND '${LAST_DAY}'`,
    )
  ).rows[0].n;
  return { canteen, days };
}

/** The same totals in one statement: brackets by QF (highest without one), non-resident and PAI prices. */
const RAW_SQL = `
  SELECT count(*)::int AS households, sum(total)::bigint AS total FROM (
    SELECT b.household_id, sum(
      CASE WHEN a.mark = 'absent_justified' THEN 0
           WHEN NOT h.in_commune AND t.rules->>'nonResidentCents' IS NOT NULL THEN (t.rules->>'nonResidentCents')::int
           WHEN c.diet = 'pai_basket' AND br->>'paiCents' IS NOT NULL THEN (br->>'paiCents')::int
           ELSE (br->>'unitCents')::int END) AS total
      FROM bookings b
      JOIN attendance a ON a.child_id = b.child_id AND a.activity_id = b.activity_id AND a.date = b.date
      JOIN children c ON c.id = b.child_id
      JOIN households h ON h.id = b.household_id
      JOIN tariffs t ON t.activity_id = b.activity_id AND t.valid_from <= b.date AND (t.valid_to IS NULL OR t.valid_to >= b.date)
      LEFT JOIN quotients q ON q.household_id = b.household_id AND q.status = 'validated'
           AND q.effective_from <= b.date AND (q.effective_to IS NULL OR q.effective_to >= b.date)
      CROSS JOIN LATERAL (
        SELECT e AS br FROM jsonb_array_elements(t.rules->'brackets') WITH ORDINALITY AS x(e, i)
         WHERE q.value IS NOT NULL AND q.value >= (e->>'qfMin')::int AND (e->>'qfMax' IS NULL OR q.value < (e->>'qfMax')::int)
            OR q.value IS NULL AND e->>'qfMax' IS NULL
         LIMIT 1
      ) pick
     WHERE b.date BETWEEN '${PERIOD}-01' AND '${LAST_DAY}' AND b.status = 'booked'
     GROUP BY b.household_id) per_household`;

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main() {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('BENCH_DATABASE_URL (or TEST_DATABASE_URL) must name a PostgreSQL server');
  const name = `foyer_bench_billing_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const env = {
    ...process.env,
    DATABASE_URL: url.toString(),
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    FOYER_NOW: NOW,
    SEED_DEMO: 'false',
  };
  const db = new pg.Client({ connectionString: url.toString() });
  let api;
  try {
    await runNode('dist/api/apps/api/src/cli/seed.js', env);
    await db.connect();
    const fillStarted = performance.now();
    const city = await fillCity(db);
    const fillSeconds = (performance.now() - fillStarted) / 1000;
    api = await startApi(env);
    const login = await fetch(`${api.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'agent@demo.test', password: 'Demo-agent-2026!' }),
    });
    let auth = `Bearer ${(await login.json()).accessToken}`;
    // Access tokens last 15 minutes: sign in again before the next step of a long run.
    const signIn = async () => {
      const again = await fetch(`${api.baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'agent@demo.test', password: 'Demo-agent-2026!' }),
      });
      auth = `Bearer ${(await again.json()).accessToken}`;
    };
    // node:http without timeouts: fetch (undici) gives up on an answer after 300 s of waiting.
    const call = (method, path, body) =>
      new Promise((resolve, reject) => {
        const req = request(`${api.baseUrl}${path}`, {
          method,
          headers: { authorization: auth, 'content-type': 'application/json' },
        });
        req.on('response', (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => {
            const buffer = Buffer.concat(chunks);
            if ((res.statusCode ?? 500) >= 400)
              reject(new Error(`${method} ${path}: ${res.statusCode} ${buffer}`));
            else resolve({ buffer, json: () => JSON.parse(buffer.toString('utf8')) });
          });
        });
        req.on('error', reject);
        req.end(body ? JSON.stringify(body) : undefined);
      });
    const rssBefore = rssMb(api.pid);

    // The physical limit first (warm the cache for both alike: it reads the same rows).
    let started = performance.now();
    const raw = (await db.query(RAW_SQL)).rows[0];
    const rawSeconds = (performance.now() - started) / 1000;

    started = performance.now();
    const run = (await call('POST', '/api/admin/billing-runs', { period: PERIOD })).json();
    const draftSeconds = (performance.now() - started) / 1000;
    process.stderr.write(`draft: ${draftSeconds.toFixed(1)} s, raw SQL ${rawSeconds.toFixed(2)} s\n`);
    const peakAfterDraft = peakRssMb(api.pid);
    if (Number(run.totalCents) !== Number(raw.total)) {
      throw new Error(`the draft total ${run.totalCents} differs from the raw SQL's ${raw.total}`);
    }

    await signIn();
    started = performance.now();
    const finalized = await (
      await call('POST', `/api/admin/billing-runs/${run.id}/finalize`, { ignoreBlockers: true })
    ).json();
    const finalizeSeconds = (performance.now() - started) / 1000;
    const peakAfterFinalize = peakRssMb(api.pid);
    process.stderr.write(
      `finalize: ${finalizeSeconds.toFixed(1)} s, peak RSS ${peakAfterDraft.toFixed(0)} / ${peakAfterFinalize.toFixed(0)} MB\n`,
    );
    await signIn();

    const invoices = (
      await db.query(`SELECT id FROM invoices WHERE run_id = $1 ORDER BY random() LIMIT 200`, [run.id])
    ).rows;
    const pdfMs = [];
    for (const { id } of invoices) {
      const t0 = performance.now();
      await call('GET', `/api/agent/billing/invoices/${id}/pdf`);
      pdfMs.push(performance.now() - t0);
    }
    pdfMs.sort((a, b) => a - b);
    const gaps = (
      await db.query(
        `SELECT count(*)::int AS n, max(sequence) - min(sequence) + 1 AS span FROM invoices WHERE year = 2026`,
      )
    ).rows[0];

    const report = {
      households: HOUSEHOLDS,
      childDays: city.days,
      fillSeconds: Number(fillSeconds.toFixed(1)),
      draft: {
        seconds: Number(draftSeconds.toFixed(2)),
        households: run.householdCount,
        totalCents: run.totalCents,
        blockers: run.blockers.length,
      },
      rawSql: {
        seconds: Number(rawSeconds.toFixed(2)),
        households: raw.households,
        totalCents: Number(raw.total),
      },
      ratioDraftToRawSql: Number((draftSeconds / rawSeconds).toFixed(2)),
      finalize: {
        seconds: Number(finalizeSeconds.toFixed(2)),
        invoices: finalized.invoiceCount,
        numbersGapless: Number(gaps.n) === Number(gaps.span),
      },
      wholeMonthSeconds: Number((draftSeconds + finalizeSeconds).toFixed(2)),
      memoryMb: {
        rssBefore: Number(rssBefore.toFixed(0)),
        peakAfterDraft: Number(peakAfterDraft.toFixed(0)),
        peakAfterFinalize: Number(peakAfterFinalize.toFixed(0)),
      },
      invoicePdfMs: {
        p50: Number(percentile(pdfMs, 50).toFixed(1)),
        p95: Number(percentile(pdfMs, 95).toFixed(1)),
        n: pdfMs.length,
      },
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await api?.stop();
    await db.end().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});

// npm run bench:requests — the agents' queue and the resident's list of démarches at 100,000
// requests: each read's latency through the API (sequential calls, p50/p95/max), next to the same
// SQL statements sent straight through `pg` (captured from the API process by capture-sql.cjs), and
// the query plan of the queue's main statement. Targets: queue p95 < 100 ms, resident list < 50 ms.
//
// Needs a built API (npm run build, or the script builds it) and a PostgreSQL server: BENCH_DATABASE_URL,
// else TEST_DATABASE_URL, else postgresql://postgres@127.0.0.1:5432/postgres. A fresh database is
// created, seeded with the demo city and 100,000 requests (BENCH_REQUESTS), and dropped at the end.
// Options: BENCH_ITERATIONS calls per read (200). Writes the JSON report to stdout.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';

const serverUrl =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgresql://postgres@127.0.0.1:5432/postgres';
const iterations = Number(process.env.BENCH_ITERATIONS ?? 200);
const count = Number(process.env.BENCH_REQUESTS ?? 100_000);
const TARGETS = { queue: 100, resident: 50 };

const freePort = () =>
  new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const round = (ms) => Math.round(ms * 100) / 100;
const stats = (durations) => {
  const sorted = [...durations].sort((a, b) => a - b);
  return {
    p50Ms: round(percentile(sorted, 50)),
    p95Ms: round(percentile(sorted, 95)),
    maxMs: round(sorted[sorted.length - 1]),
  };
};

async function adminQuery(sql) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const name = `foyer_bench_${randomBytes(4).toString('hex')}`;
const dbUrl = new URL(serverUrl);
dbUrl.pathname = `/${name}`;
const work = mkdtempSync(join(tmpdir(), 'foyer-bench-'));
const sqlLog = join(work, 'sql.jsonl');
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const env = {
  ...process.env,
  NODE_ENV: 'development',
  PORT: String(port),
  HOST: '127.0.0.1',
  DATABASE_URL: dbUrl.toString(),
  JWT_SECRET: randomBytes(32).toString('hex'),
  FOYER_NOW: '2027-01-14T08:30:00+01:00',
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  DOCUMENTS_DIR: join(work, 'documents'),
  BENCH_SQL_LOG: sqlLog,
};

await adminQuery(`CREATE DATABASE "${name}"`);
let api;
try {
  const seed = spawnSync(process.execPath, ['dist/api/apps/api/src/cli/seed.js'], { env, encoding: 'utf8' });
  if (seed.status !== 0) throw new Error(`seed failed: ${seed.stderr}`);
  // The same bulk seed as the queue's integration test, from the built requests library.
  const require = createRequire(import.meta.url);
  require(resolve('dist/api/apps/api/src/register-aliases.js'));
  const { bulkRequestsSql } = require(resolve('dist/api/libs/api/requests/src/index.js'));
  const client = new pg.Client({ connectionString: dbUrl.toString() });
  await client.connect();
  const seeding = Date.now();
  await client.query('BEGIN');
  for (const sql of bulkRequestsSql())
    await client.query(sql, sql.includes('$1') ? [count, '2027-01-14'] : []);
  await client.query('COMMIT');
  const seedSeconds = (Date.now() - seeding) / 1000;

  api = spawn(
    process.execPath,
    ['--require', resolve('tools/bench/capture-sql.cjs'), 'dist/api/apps/api/src/main.js'],
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
  const login = async (email, password) => {
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (!res.ok) throw new Error(`login ${email}: ${res.status}`);
    return `Bearer ${(await res.json()).accessToken}`;
  };
  const parent = await login('parent@demo.test', 'Demo-parent-2026!');
  const agent = await login('agent@demo.test', 'Demo-agent-2026!');
  const reads = [
    {
      kind: 'queue',
      name: 'queue: open, by due date',
      path: '/api/admin/requests?status=submitted,in_review,waiting_resident&sort=due',
      auth: agent,
    },
    {
      kind: 'queue',
      name: 'queue: type + status, newest first',
      path: '/api/admin/requests?type=inscription-scolaire&status=in_review&sort=-submitted',
      auth: agent,
    },
    {
      kind: 'queue',
      name: 'queue: mine, by due date',
      path: '/api/admin/requests?assignee=me&status=submitted,in_review&sort=due',
      auth: agent,
    },
    {
      kind: 'queue',
      name: 'queue: overdue unassigned, page 3 with total',
      path: '/api/admin/requests?overdue=true&assignee=none&sort=due&page=3',
      auth: agent,
    },
    {
      kind: 'queue',
      name: 'queue: search a name',
      path: '/api/admin/requests?q=beregovoy&sort=-updated',
      auth: agent,
    },
    {
      kind: 'queue',
      name: 'queue: search a number',
      path: '/api/admin/requests?q=D-2025-031415',
      auth: agent,
    },
    { kind: 'resident', name: 'resident: my requests', path: '/api/requests', auth: parent },
  ];

  const results = [];
  for (const read of reads) {
    const call = async () => {
      const res = await fetch(`${base}${read.path}`, { headers: { Authorization: read.auth } });
      if (!res.ok) throw new Error(`${read.name}: ${res.status}`);
      await res.arrayBuffer();
    };
    for (let i = 0; i < 10; i++) await call();
    writeFileSync(sqlLog, '');
    api.kill('SIGUSR2');
    await sleep(100);
    await call();
    await sleep(100);
    api.kill('SIGUSR2');
    const statements = readFileSync(sqlLog, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line))
      .filter((s) => !/pgboss/i.test(s.text));
    const apiTimes = [];
    for (let i = 0; i < iterations; i++) {
      const started = performance.now();
      await call();
      apiTimes.push(performance.now() - started);
    }
    const sqlTimes = [];
    for (let i = 0; i < iterations; i++) {
      const started = performance.now();
      for (const s of statements) await client.query(s.text, s.values);
      sqlTimes.push(performance.now() - started);
    }
    const main =
      statements.find((s) => /FROM requests r/.test(s.text)) ??
      statements.find((s) => /requests/.test(s.text));
    let plan = null;
    if (main) {
      const explained = await client.query(
        `EXPLAIN (ANALYZE, BUFFERS OFF, COSTS OFF, TIMING OFF) ${main.text}`,
        main.values,
      );
      plan = explained.rows.map((r) => r['QUERY PLAN']);
    }
    const apiStats = stats(apiTimes);
    results.push({
      read: read.name,
      path: read.path,
      statements: statements.length,
      api: apiStats,
      rawSql: stats(sqlTimes),
      targetP95Ms: TARGETS[read.kind],
      meetsTarget: apiStats.p95Ms < TARGETS[read.kind],
      plan,
    });
    process.stderr.write(
      `${read.name}: API p95 ${apiStats.p95Ms} ms, raw SQL p95 ${stats(sqlTimes).p95Ms} ms\n`,
    );
  }
  await client.end();
  const report = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    // The machine's load when measured: figures under a shared, loaded machine read high.
    loadAverage: loadavg(),
    database: 'PostgreSQL',
    requests: count,
    seedSeconds,
    iterations,
    results,
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  if (results.some((r) => !r.meetsTarget)) process.exitCode = 1;
} finally {
  if (api && api.exitCode === null) {
    const exited = new Promise((r) => api.once('exit', r));
    api.kill('SIGTERM');
    await exited;
  }
  await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  rmSync(work, { recursive: true, force: true });
}

// npm run bench:api — the API's hot reads under load, next to the same SQL sent straight through
// `pg`. For each read: the SQL statements one request runs are captured from the API process
// (tools/bench/capture-sql.cjs), then autocannon drives the route and a pool of `pg` clients replays
// the statements, one request's statements in sequence per iteration, with the same concurrency.
// `ratio` = API requests/s ÷ raw SQL requests/s: the share of the database's throughput the API keeps.
//
// Needs a built API (npm run build) and a PostgreSQL server: BENCH_DATABASE_URL, else
// TEST_DATABASE_URL, else postgresql://postgres@127.0.0.1:5432/postgres. A fresh database is
// created on it, seeded with the demo city, and dropped at the end.
// Options (environment): BENCH_DURATION seconds per measure (10), BENCH_CONNECTIONS (10).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';

const serverUrl =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgresql://postgres@127.0.0.1:5432/postgres';
const duration = Number(process.env.BENCH_DURATION ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);

const freePort = () =>
  new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

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
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
  DOCUMENTS_DIR: join(work, 'documents'),
  BENCH_SQL_LOG: sqlLog,
};

await adminQuery(`CREATE DATABASE "${name}"`);
let api;
try {
  const seed = spawnSync(process.execPath, ['dist/api/apps/api/src/cli/seed.js'], { env, encoding: 'utf8' });
  if (seed.status !== 0) throw new Error(`seed failed: ${seed.stderr}`);
  api = spawn(
    process.execPath,
    ['--require', resolve('tools/bench/capture-sql.cjs'), 'dist/api/apps/api/src/main.js'],
    // The request logs go where production sends them: a pipe, drained.
    { env, stdio: ['ignore', 'pipe', 'inherit'] },
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
    { name: 'GET /api/me (parent)', path: '/api/me', auth: parent },
    { name: 'GET /api/household (parent)', path: '/api/household', auth: parent },
    {
      name: 'GET /api/agent/households?q=martin (agent)',
      path: '/api/agent/households?q=martin',
      auth: agent,
    },
  ];

  const pool = new pg.Pool({ connectionString: dbUrl.toString(), max: connections });
  const results = [];
  for (const read of reads) {
    const call = () => fetch(`${base}${read.path}`, { headers: { Authorization: read.auth } });
    const first = await call();
    if (!first.ok) throw new Error(`${read.name}: ${first.status}`);
    await first.arrayBuffer();

    // The statements of one request, captured from the API process.
    writeFileSync(sqlLog, '');
    api.kill('SIGUSR2');
    await sleep(100);
    await (await call()).arrayBuffer();
    await sleep(100);
    api.kill('SIGUSR2');
    const statements = readFileSync(sqlLog, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line))
      .filter((s) => !/pgboss/i.test(s.text));

    const http = await autocannon({
      url: `${base}${read.path}`,
      headers: { Authorization: read.auth },
      connections,
      duration,
    });
    if (http.non2xx) throw new Error(`${read.name}: ${http.non2xx} responses were not 2xx`);

    let done = 0;
    const until = Date.now() + duration * 1000;
    await Promise.all(
      Array.from({ length: connections }, async () => {
        const client = await pool.connect();
        try {
          while (Date.now() < until) {
            for (const s of statements) await client.query(s.text, s.values);
            done++;
          }
        } finally {
          client.release();
        }
      }),
    );
    const api_rps = http.requests.average;
    const sql_rps = done / duration;
    results.push({
      read: read.name,
      statements: statements.length,
      api: { requestsPerSecond: api_rps, latencyP50Ms: http.latency.p50, latencyP99Ms: http.latency.p99 },
      rawSql: { requestsPerSecond: Math.round(sql_rps) },
      ratio: Math.round((api_rps / sql_rps) * 100) / 100,
    });
  }
  await pool.end();
  const report = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: (await import('node:os')).cpus().length,
    database: 'PostgreSQL',
    connections,
    durationSeconds: duration,
    results,
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} finally {
  if (api && api.exitCode === null) {
    const exited = new Promise((r) => api.once('exit', r));
    api.kill('SIGTERM');
    await exited;
  }
  await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  rmSync(work, { recursive: true, force: true });
}

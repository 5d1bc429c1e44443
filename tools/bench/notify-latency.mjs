// npm run bench:notify — how long a mail waits between the commit of the request that caused it and
// its arrival in the SMTP server's hands.
// Starts the built API (dist/api) with SMTP_URL pointing at a real SMTP server on loopback, sends 200
// sign-ups (each commits the account and enqueues its verification mail in one transaction), and
// times each mail from the sign-up's HTTP answer (sent after the commit) to the end of its DATA in
// the SMTP server. Runs on the embedded database (PGlite) and, when BENCH_DATABASE_URL or
// TEST_DATABASE_URL names a PostgreSQL server, on a fresh database there too. Prints JSON.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { SMTPServer } = require('smtp-server');
const pg = require('pg');

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 200);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);

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

async function startSmtp(onMail) {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks = [];
      stream.on('data', (c) => chunks.push(c));
      stream.on('end', () => {
        onMail(session.envelope.rcptTo[0].address.toLowerCase(), performance.now());
        callback();
      });
    },
  });
  const port = await freePort();
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `smtp://127.0.0.1:${port}`, stop: () => new Promise((resolve) => server.close(resolve)) };
}

async function startApi(env) {
  const port = await freePort();
  const childEnv = { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'development' };
  childEnv.LOG_LEVEL = 'warn';
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  const child = spawn(process.execPath, [join(root, 'dist/api/apps/api/src/main.js')], {
    cwd: root,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c) => (output += c));
  child.stderr.on('data', (c) => (output += c));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited:\n${output}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the API did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    baseUrl,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function run(kind, databaseEnv) {
  const answered = new Map();
  const received = new Map();
  let resolveAll;
  const all = new Promise((resolve) => (resolveAll = resolve));
  const smtp = await startSmtp((to, at) => {
    received.set(to, at);
    if (received.size >= MESSAGES) resolveAll();
  });
  const api = await startApi({ ...databaseEnv, SMTP_URL: smtp.url, SEED_DEMO: 'false' });
  const stamp = Date.now();
  const started = performance.now();
  try {
    let next = 0;
    const worker = async () => {
      while (next < MESSAGES) {
        const i = next++;
        const email = `bench.${stamp}.${i}@example.test`;
        const res = await fetch(`${api.baseUrl}/api/auth/register`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            // One client address per sign-up: the per-address sign-up limit is not what is measured.
            'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
          },
          body: JSON.stringify({
            email,
            password: 'Cerf-volant-bleu-42',
            firstName: 'Banc',
            lastName: 'Essai',
            phone: '0612345678',
          }),
        });
        answered.set(email, performance.now());
        if (res.status !== 202) throw new Error(`sign-up answered ${res.status}: ${await res.text()}`);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const timeout = setTimeout(() => resolveAll(), 120_000);
    await all;
    clearTimeout(timeout);
  } finally {
    await api.stop();
    await smtp.stop();
  }
  const latencies = [...answered].filter(([to]) => received.has(to)).map(([to, at]) => received.get(to) - at);
  latencies.sort((a, b) => a - b);
  const round = (ms) => Math.round(ms * 10) / 10;
  return {
    database: kind,
    messages: MESSAGES,
    delivered: latencies.length,
    concurrency: CONCURRENCY,
    commitToSmtpMs: {
      p50: round(percentile(latencies, 50)),
      p95: round(percentile(latencies, 95)),
      max: round(latencies[latencies.length - 1]),
      min: round(latencies[0]),
    },
    totalSeconds: round((performance.now() - started) / 1000),
  };
}

async function main() {
  const results = [];
  const dir = mkdtempSync(join(tmpdir(), 'foyer-bench-notify-'));
  try {
    results.push(await run('embedded', { EMBEDDED_DB_DIR: join(dir, 'db'), DATABASE_URL: '' }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const name = `foyer_bench_${process.pid}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    try {
      results.push(await run('postgresql', { DATABASE_URL: url.toString() }));
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
  }
  console.log(JSON.stringify(results, null, 2));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

// npm run bench:embedded — why the embedded PostgreSQL runs in a child process.
// Runs the same heavy query against PGlite started (a) inside this process and (b) in the child
// process the API uses, and measures how long this process's event loop is blocked meanwhile
// (what every other HTTP request of the API would wait).
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const pg = require('pg');
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const HEAVY = `SELECT count(*), sum(x % 7) FROM generate_series(1, 3000000) AS x`;

async function measure(label, url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('SELECT 1');
  // A 5 ms ticker: the longest gap between two ticks is the longest time a request would wait.
  let last = performance.now();
  let worstGap = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    worstGap = Math.max(worstGap, now - last);
    last = now;
  }, 5);
  const started = performance.now();
  await client.query(HEAVY);
  const elapsed = performance.now() - started;
  await new Promise((r) => setTimeout(r, 20));
  clearInterval(ticker);
  await client.end();
  console.log(
    `${label.padEnd(14)} query ${elapsed.toFixed(0)} ms · longest event-loop stall ${worstGap.toFixed(0)} ms`,
  );
}

async function inProcess() {
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const db = await PGlite.create();
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 4 });
  await server.start();
  await measure('in-process', `postgresql://postgres@127.0.0.1:${server.server.address().port}/postgres`);
  await server.stop();
  await db.close();
}

async function childProcess() {
  const child = fork(join(root, 'libs/api/core/src/database/embedded-postgres-server.cjs'), ['memory']);
  const port = await new Promise((resolve) => child.once('message', (m) => resolve(m.port)));
  await measure('child process', `postgresql://postgres@127.0.0.1:${port}/postgres`);
  child.send({ stop: true });
}

await inProcess();
await childProcess();

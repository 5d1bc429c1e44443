// npm run bench:lighthouse — Lighthouse (from npm, driving Debian's Chromium) on a phone profile:
// the home page as a visitor and the family calendar (/reservations) signed in as the demo parent.
//
// Lighthouse 11 is the last line with the PWA category (12 removed it); its default profile is a
// mid-range phone (412×823, 1.75 dpr) with simulated slow 4G and a 4× slower CPU. The portal runs
// from the build (`npm run build` first; the script does it) on a fresh embedded database seeded
// with the demo city, clock at FOYER_NOW 2027-01-14 08:30. The signed-in page gets the refresh
// cookie of a fresh sign-in in the request headers (the app restores the session from it).
//
// Prints one JSON report: per page, the four category scores (0-100), the load metrics and every
// accessibility, best-practice or PWA audit that did not pass. There is no SQL limit for this one:
// it measures the browser side. The performance score depends on the machine's load (Lighthouse's
// own CPU benchmark is printed as `benchmarkIndex`); the others do not.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const NOW = '2027-01-14T08:30:00+01:00';
const PARENT = { email: 'parent@demo.test', password: 'Demo-parent-2026!' };
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'pwa'];
const METRICS = [
  'first-contentful-paint',
  'largest-contentful-paint',
  'total-blocking-time',
  'cumulative-layout-shift',
  'speed-index',
];

const freePort = () =>
  new Promise((ok) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });

async function startPortal() {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'foyer-lighthouse-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = { ...process.env, NODE_ENV: 'development', PORT: String(port), HOST: '127.0.0.1' };
  Object.assign(env, {
    PUBLIC_URL: baseUrl,
    FOYER_NOW: NOW,
    LOG_LEVEL: 'warn',
    EMBEDDED_DB_DIR: join(dir, 'db'),
    DOCUMENTS_DIR: join(dir, 'documents'),
  });
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['dist/api/apps/api/src/main.js'], { env, stdio: 'ignore' });
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the portal exited (${child.exitCode})`);
    const healthy = await fetch(`${baseUrl}/api/health`).then(
      (res) => res.ok,
      () => false,
    );
    if (healthy) break;
    if (Date.now() > deadline) throw new Error('the portal did not become healthy in 120 s');
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    baseUrl,
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh sign-in's refresh cookie: refresh tokens rotate, so one per measured page load. */
async function refreshCookie(baseUrl) {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(PARENT),
  });
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (!res.ok || !cookie) throw new Error(`sign-in failed: ${res.status}`);
  return cookie;
}

function summary(lhr) {
  const failed = [];
  for (const category of ['accessibility', 'best-practices', 'pwa']) {
    for (const ref of lhr.categories[category]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
        failed.push({ category, id: ref.id, title: audit.title });
      }
    }
  }
  return {
    url: lhr.finalDisplayedUrl,
    scores: Object.fromEntries(
      CATEGORIES.map((c) => [c, lhr.categories[c] ? Math.round(lhr.categories[c].score * 100) : null]),
    ),
    metrics: Object.fromEntries(METRICS.map((m) => [m, lhr.audits[m]?.displayValue ?? null])),
    failed,
    benchmarkIndex: lhr.environment.benchmarkIndex,
  };
}

const portal = await startPortal();
const chrome = await chromeLauncher.launch({
  chromePath: CHROME,
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
});
try {
  const pages = [];
  for (const { path, signedIn } of [
    { path: '/', signedIn: false },
    { path: '/reservations', signedIn: true },
  ]) {
    const extraHeaders = signedIn ? { Cookie: await refreshCookie(portal.baseUrl) } : undefined;
    const result = await lighthouse(`${portal.baseUrl}${path}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: CATEGORIES,
      extraHeaders,
    });
    pages.push({ path, signedIn, ...summary(result.lhr) });
  }
  const lighthouseVersion = createRequire(import.meta.url)('lighthouse/package.json').version;
  process.stdout.write(
    `${JSON.stringify({ lighthouse: lighthouseVersion, profile: 'mobile (Lighthouse default)', pages }, null, 2)}\n`,
  );
} finally {
  await chrome.kill();
  await portal.stop();
}

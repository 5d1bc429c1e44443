import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

/** The built portal running as a separate process, exactly as `npm start` runs it, on its own database. */
export interface Portal {
  baseUrl: string;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function createDatabase(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `foyer_e2e_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

/**
 * Starts dist/api/apps/api/src/main.js with the demo city seeded and the clock set by FOYER_NOW.
 * Uses a fresh database on TEST_DATABASE_URL's server when set, else a fresh embedded one.
 */
export interface PortalOptions {
  /** FOYER_NOW: the instant the application clock starts at. */
  now?: string;
  /** Keep the data in this folder (and leave it on stop), to start again on the same data. */
  dataDir?: string;
  /** Use the embedded database even when TEST_DATABASE_URL is set. */
  embedded?: boolean;
  /** Extra environment variables. */
  env?: Record<string, string>;
}

export async function startPortal(options: PortalOptions = {}): Promise<Portal> {
  const port = await freePort();
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'foyer-e2e-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    JWT_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'warn',
    FOYER_NOW: options.now ?? '2027-01-14T08:30:00+01:00',
    EMBEDDED_DB_DIR: join(dataDir, 'db'),
    DOCUMENTS_DIR: join(dataDir, 'documents'),
    ...options.env,
  };
  let dropDatabase = async () => undefined as void;
  if (process.env['TEST_DATABASE_URL'] && !options.embedded) {
    const database = await createDatabase(process.env['TEST_DATABASE_URL']);
    env['DATABASE_URL'] = database.url;
    dropDatabase = database.drop;
    const seed = spawnSync(process.execPath, ['dist/api/apps/api/src/cli/seed.js'], {
      env,
      encoding: 'utf8',
    });
    if (seed.status !== 0) throw new Error(`seed failed: ${seed.stderr}`);
  } else {
    delete env['DATABASE_URL'];
  }
  const child: ChildProcess = spawn(process.execPath, ['dist/api/apps/api/src/main.js'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the portal exited (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the portal did not become healthy in 60 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    baseUrl,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      await dropDatabase();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

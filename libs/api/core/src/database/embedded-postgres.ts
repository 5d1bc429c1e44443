import { fork } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * PostgreSQL without installing PostgreSQL: PGlite (PostgreSQL compiled to WebAssembly) served over
 * the wire protocol by pglite-socket on a loopback port, so the app, pg-boss and the migration CLI
 * all speak to it through the same `pg` driver and the same URL as to a real server.
 */
export interface EmbeddedPostgres {
  url: string;
  /** True when the data folder was empty: the database was created by this start. */
  created: boolean;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Folder of the data files, or 'memory' for a database that lives only as long as the process. */
  dataDir: string;
  /**
   * 'child-process' keeps the WebAssembly engine off the API's event loop (used by the server);
   * 'in-process' starts faster and suits short-lived test databases.
   */
  mode: 'child-process' | 'in-process';
}

// PGlite has one session; the socket server multiplexes clients and serialises their transactions.
const MAX_CONNECTIONS = 20;

function isEmptyDir(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}

/** Starts PGlite and its socket server in this process; returns the port. */
export async function startPgliteServer(
  dataDir: string,
): Promise<{ port: number; stop: () => Promise<void> }> {
  // Loaded lazily (ESM packages) so that the API does not pay for them when it uses DATABASE_URL.
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const db = await PGlite.create(dataDir === 'memory' ? undefined : dataDir);
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: MAX_CONNECTIONS });
  await server.start();
  const address = (server as unknown as { server: { address(): { port: number } } }).server.address();
  return {
    port: address.port,
    stop: async () => {
      await server.stop();
      await db.close();
    },
  };
}

function urlFor(port: number): string {
  return `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const dataDir = options.dataDir === 'memory' ? 'memory' : resolve(options.dataDir);
  const created = dataDir === 'memory' || isEmptyDir(dataDir);
  if (dataDir !== 'memory') mkdirSync(dataDir, { recursive: true });

  if (options.mode === 'in-process') {
    const server = await startPgliteServer(dataDir);
    return { url: urlFor(server.port), created, stop: server.stop };
  }

  const script = join(__dirname, 'embedded-postgres.process.js');
  const child = fork(script, [dataDir], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolvePort, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`embedded PostgreSQL exited with code ${code}`)));
    child.once('message', (message: { port?: number; error?: string }) => {
      if (message.port) resolvePort(message.port);
      else reject(new Error(message.error ?? 'embedded PostgreSQL did not start'));
    });
  });
  child.removeAllListeners('exit');
  return {
    url: urlFor(port),
    created,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        // The child flushes PGlite's files and exits on this message.
        child.send({ stop: true });
      }),
  };
}

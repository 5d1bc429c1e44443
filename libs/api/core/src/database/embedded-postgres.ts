import { fork } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * PostgreSQL without installing PostgreSQL: PGlite (PostgreSQL compiled to WebAssembly) served over
 * the wire protocol by pglite-socket on a loopback port, so the app, pg-boss and the migration CLI
 * all speak to it through the same `pg` driver and the same URL as to a real server. It runs in a
 * child process (embedded-postgres-server.cjs) to keep heavy SQL off the API's event loop.
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
}

function isEmptyDir(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const dataDir = options.dataDir === 'memory' ? 'memory' : resolve(options.dataDir);
  const created = dataDir === 'memory' || isEmptyDir(dataDir);
  if (dataDir !== 'memory') mkdirSync(dataDir, { recursive: true });

  // Under `node --watch` (npm run dev) Node reports every loaded file to its parent over IPC when
  // WATCH_REPORT_DEPENDENCIES is set: the database process is not something to watch.
  const env = { ...process.env };
  delete env['WATCH_REPORT_DEPENDENCIES'];
  const child = fork(join(__dirname, 'embedded-postgres-server.cjs'), [dataDir], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: [],
    env,
  });
  const port = await new Promise<number>((resolvePort, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`embedded PostgreSQL exited with code ${code}`)));
    const onMessage = (message: { port?: number; error?: string }) => {
      if (typeof message?.port === 'number') resolvePort(message.port);
      else if (typeof message?.error === 'string')
        reject(new Error(`embedded PostgreSQL did not start: ${message.error}`));
      else return; // not ours: keep waiting
      child.off('message', onMessage);
    };
    child.on('message', onMessage);
  });
  child.removeAllListeners('exit');
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    created,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => done());
        // The child flushes PGlite's files, then exits.
        child.send({ stop: true });
      }),
  };
}

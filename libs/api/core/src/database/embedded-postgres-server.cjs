// Child process running the embedded PostgreSQL (PGlite served over the wire protocol by
// pglite-socket), so the WebAssembly engine never blocks the API's event loop. Plain CommonJS on
// purpose: the same file is forked by the compiled server and by the tests, with no build step.
// Protocol with the parent (IPC): sends { port } once listening, or { error }; stops on { stop: true },
// on SIGTERM, or when the parent goes away.
'use strict';

// PGlite has one session; the socket server multiplexes clients and serialises their transactions.
const MAX_CONNECTIONS = 20;

async function main() {
  const dataDir = process.argv[2];
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const db = await PGlite.create(dataDir === 'memory' ? undefined : dataDir);
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: MAX_CONNECTIONS });
  await server.start();
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    try {
      await server.stop();
      await db.close();
    } finally {
      process.exit(0);
    }
  };
  process.on('message', (message) => {
    if (message && message.stop) void stop();
  });
  process.on('disconnect', () => void stop());
  // The parent decides when to stop: a Ctrl-C reaching the whole process group must not cut the files.
  process.on('SIGINT', () => undefined);
  process.on('SIGTERM', () => void stop());
  process.send({ port: server.server.address().port });
}

main().catch((error) => {
  if (process.send) process.send({ error: error && error.message ? error.message : String(error) });
  process.exit(1);
});

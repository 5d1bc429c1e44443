/**
 * Child process that runs the embedded PostgreSQL (see embedded-postgres.ts), so the WebAssembly
 * engine never blocks the API's event loop. It reports its port, and stops cleanly when told to or
 * when its parent goes away.
 */
import { startPgliteServer } from './embedded-postgres';

async function main(): Promise<void> {
  const dataDir = process.argv[2];
  const server = await startPgliteServer(dataDir);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.stop();
    process.exit(0);
  };
  process.on('message', (message: { stop?: boolean }) => {
    if (message?.stop) void stop();
  });
  process.on('disconnect', () => void stop());
  // The parent decides when to stop; a Ctrl-C reaching the whole group must not cut the files.
  process.on('SIGINT', () => undefined);
  process.on('SIGTERM', () => void stop());
  process.send?.({ port: server.port });
}

main().catch((error: unknown) => {
  process.send?.({ error: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});

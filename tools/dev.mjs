// npm run dev: the API recompiled and restarted on every change (SWC watch + node --watch) and the
// Angular dev server with live reload, proxying /api to the API. Open http://localhost:4200.
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

const children = [];
const run = (command, args) => {
  const child = spawn(command, args, { stdio: 'inherit', env: process.env });
  children.push(child);
  return child;
};
const stop = () => children.forEach((child) => child.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

const build = spawn(process.execPath, ['tools/build-api.mjs'], { stdio: 'inherit' });
build.on('exit', async (code) => {
  if (code !== 0) process.exit(code ?? 1);
  run(process.execPath, [
    'node_modules/@swc/cli/bin/swc.js',
    'apps/api/src',
    'libs/api',
    'libs/shared',
    '-d',
    'dist/api',
    '--config-file',
    '.swcrc',
    '--watch',
    '--quiet',
    '--ignore',
    '**/*.spec.ts,**/*.integration-spec.ts,**/testing/**',
  ]);
  // SWC's watch mode first rewrites every file: let it settle before the API starts watching dist,
  // or the API restarts while the embedded database is still opening.
  await sleep(4000);
  run(process.execPath, ['--enable-source-maps', '--watch-path=dist/api', 'dist/api/apps/api/src/main.js']);
  run('npx', ['nx', 'run', 'web:serve']);
});

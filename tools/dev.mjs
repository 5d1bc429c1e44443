// npm run dev: the API recompiled and restarted on every change (SWC watch + node --watch) and the
// Angular dev server with live reload, proxying /api to the API. Open http://localhost:4200.
import { spawn } from 'node:child_process';

const run = (command, args, env = {}) =>
  spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });

const build = spawn(process.execPath, ['tools/build-api.mjs'], { stdio: 'inherit' });
build.on('exit', (code) => {
  if (code !== 0) process.exit(code ?? 1);
  const children = [
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
    ]),
    run(process.execPath, ['--enable-source-maps', '--watch-path=dist/api', 'dist/api/apps/api/src/main.js']),
    run('npx', ['nx', 'run', 'web:serve']),
  ];
  const stop = () => children.forEach((child) => child.kill('SIGTERM'));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
});

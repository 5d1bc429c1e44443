// Compiles the API and the libraries it uses with SWC (type checking is `npm run typecheck`), then
// copies the data files (JSON seed data, word lists) next to the compiled code.
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync, statSync } from 'node:fs';

const sources = ['apps/api/src', 'libs/api', 'libs/shared'];
rmSync('dist/api', { recursive: true, force: true });
execFileSync(
  process.execPath,
  [
    'node_modules/@swc/cli/bin/swc.js',
    ...sources,
    '-d',
    'dist/api',
    '--config-file',
    '.swcrc',
    '--quiet',
    '--ignore',
    '**/*.spec.ts,**/*.integration-spec.ts,**/testing/**',
  ],
  { stdio: 'inherit' },
);
for (const dir of sources) {
  cpSync(dir, `dist/api/${dir}`, {
    recursive: true,
    filter: (src) => statSync(src).isDirectory() || (/\/src\//.test(src) && /\.(json|txt|cjs)$/.test(src)),
  });
}

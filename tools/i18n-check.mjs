#!/usr/bin/env node
// Checks the English locale against the messages Angular extracts from the web app
// (`nx run web:extract-i18n`, run here, writes tmp/i18n/messages.json; `--no-extract` reuses it):
// - the extraction warns about nothing (one id given to two different texts, for instance);
// - every message has a custom id (`@@lib.component.key`), so translations survive wording changes;
// - every message has an English translation, with the same placeholders;
// - no English translation is left for a message that no longer exists.
// Prints what is wrong and exits 1. `--print-missing` prints the missing ids with their French text.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const problems = [];
if (!process.argv.includes('--no-extract')) {
  const run = spawnSync('npx', ['nx', 'run', 'web:extract-i18n', '--outputStyle=static', '--skip-nx-cache'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', FORCE_COLOR: '0' },
  });
  const output = `${run.stdout}\n${run.stderr}`;
  if (run.status !== 0) {
    console.error(output);
    console.error('i18n: the extraction failed');
    process.exit(1);
  }
  for (const line of output.split('\n')) {
    if (/duplicate messages|warning/i.test(line) && !/^\s*$/.test(line))
      problems.push(`extraction: ${line.trim()}`);
  }
}
const extracted = JSON.parse(readFileSync(join(root, 'tmp/i18n/messages.json'), 'utf8')).translations;
const dir = join(root, 'apps/web/src/i18n/en');
const english = {};
for (const file of readdirSync(dir)
  .filter((name) => name.endsWith('.json'))
  .sort()) {
  for (const [id, text] of Object.entries(JSON.parse(readFileSync(join(dir, file), 'utf8')))) {
    if (id in english) problems.push(`${id}: translated twice (second time in ${file})`);
    english[id] = text;
  }
}

const placeholders = (text) =>
  [...text.matchAll(/\{\$([A-Z0-9_]+)\}/g)]
    .map((m) => m[1])
    .sort()
    .join(',');
const missing = [];
for (const [id, source] of Object.entries(extracted)) {
  if (!/^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9-]+)+$/.test(id)) {
    problems.push(`${id}: no custom id for « ${source} » (add i18n="@@lib.component.key")`);
  } else if (typeof english[id] !== 'string' || english[id].trim() === '') {
    missing.push(id);
  } else if (placeholders(english[id]) !== placeholders(source)) {
    problems.push(`${id}: placeholders differ: « ${source} » / « ${english[id]} »`);
  }
}
for (const id of Object.keys(english)) {
  if (!(id in extracted)) problems.push(`${id}: translated but no longer in the app`);
}
for (const id of missing) problems.push(`${id}: no English translation for « ${extracted[id]} »`);

if (process.argv.includes('--print-missing')) {
  console.log(JSON.stringify(Object.fromEntries(missing.map((id) => [id, extracted[id]])), null, 2));
}
const count = Object.keys(extracted).length;
if (problems.length) {
  console.error(problems.join('\n'));
  console.error(`i18n: ${problems.length} problem(s) in ${count} messages`);
  process.exit(1);
}
console.log(`i18n: ${count} messages, every one translated into English`);

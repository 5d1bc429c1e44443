// Lints code snippets as if they were files at the given paths, with the workspace's real ESLint
// configuration (module boundaries included), and prints each snippet's problems as JSON.
// Input on stdin: [{ "filePath": "libs/api/core/src/x.ts", "code": "import ..." }, ...].
// A separate process because ESLint loads eslint.config.mjs with a dynamic import, which Jest's
// module sandbox does not allow (used by tools/lint/module-boundaries.spec.ts).
import { ESLint } from 'eslint';

await import('./project-graph.mjs'); // a fresh project graph, as `npm run lint` has

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const snippets = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const eslint = new ESLint({ cwd: process.cwd() });
const results = [];
for (const { filePath, code } of snippets) {
  const [result] = await eslint.lintText(code, { filePath });
  results.push(result.messages.map((m) => ({ ruleId: m.ruleId, message: m.message })));
}
process.stdout.write(JSON.stringify(results));

// What a browser downloads on its first visit to the portal: index.html and every script and
// stylesheet it names, as sent on the wire (compressed when the server compresses), without cache.
// Usage: node tools/bench/first-load.mjs [http://localhost:3000]
import { request } from 'node:http';

const base = process.argv[2] ?? 'http://localhost:3000';

function get(path) {
  return new Promise((resolve, reject) => {
    const req = request(
      new URL(path, base),
      { headers: { Accept: path === '/' ? 'text/html' : '*/*', 'Accept-Encoding': 'br, gzip' } },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const index = await get('/');
const html = index.body.toString('utf8'); // index.html is small; read it as sent when not compressed
const paths = new Set();
const page = index.headers['content-encoding'] ? null : html;
const source = page ?? (await (await fetch(new URL('/', base), { headers: { Accept: 'text/html' } })).text());
for (const [, path] of source.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)) paths.add(`/${path}`);

const files = [
  { path: '/', bytes: index.body.length, encoding: index.headers['content-encoding'] ?? 'identity' },
];
for (const path of paths) {
  const res = await get(path);
  files.push({
    path,
    bytes: res.body.length,
    encoding: res.headers['content-encoding'] ?? 'identity',
    cacheControl: res.headers['cache-control'] ?? null,
  });
}
const total = files.reduce((sum, f) => sum + f.bytes, 0);
process.stdout.write(
  `${JSON.stringify({ base, totalBytes: total, totalKB: Math.round(total / 102.4) / 10, files }, null, 2)}\n`,
);

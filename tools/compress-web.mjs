// Post-build step of the web app: writes a brotli (.br) and a gzip (.gz) copy next to every text
// asset of dist/web/browser, so the API serves them pre-compressed (express-static-gzip) without
// compressing on each request. Brotli at its highest quality: done once per build, read many times.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = process.argv[2] ?? 'dist/web/browser';
const TEXT = /\.(js|mjs|css|html|svg|json|txt|map|webmanifest|ico)$/;
const MIN_BYTES = 1024; // below one packet compression saves nothing worth a second file

function* files(root) {
  for (const name of readdirSync(root)) {
    const path = join(root, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (TEXT.test(name)) yield path;
  }
}

let raw = 0;
let br = 0;
for (const path of files(dir)) {
  const content = readFileSync(path);
  if (content.length < MIN_BYTES) continue;
  const brotli = brotliCompressSync(content, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
    },
  });
  writeFileSync(`${path}.br`, brotli);
  writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
  raw += content.length;
  br += brotli.length;
}
process.stdout.write(
  `Compressed ${dir}: ${Math.round(raw / 1024)} KB -> ${Math.round(br / 1024)} KB (brotli)\n`,
);

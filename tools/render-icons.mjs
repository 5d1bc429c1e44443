// Draws the PWA icons (apps/web/public/icons/*.png) from the portal's logo, rendered by Chromium
// through playwright-core: `node tools/render-icons.mjs`. The PNGs are committed; run this again
// only when the logo changes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const { findChromium } = require('../apps/web-e2e/src/support/chromium.js');

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'apps/web/public/icons');

const BRAND = '#1d4f91';
/** The logo's house and heart in its 64 × 64 box (apps/web/public/logo.svg). */
const GLYPH = `
  <path d="M32 12 10 31h6v21h12V40h8v12h12V31h6z" fill="#ffffff"/>
  <path d="M32 27.5c-1.6-2.6-6.5-2.2-6.5 1.8 0 3.1 4.1 5.6 6.5 7.7 2.4-2.1 6.5-4.6 6.5-7.7 0-4-4.9-4.4-6.5-1.8z" fill="#e1000f"/>`;

/** `scale` shrinks the glyph around the centre: maskable icons keep it in the 80 % safe circle. */
const svg = ({ rounded, scale }) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">
  <rect width="64" height="64" ${rounded ? 'rx="12"' : ''} fill="${BRAND}"/>
  <g transform="translate(32 32) scale(${scale}) translate(-32 -32)">${GLYPH}</g>
</svg>`;

const ICONS = [
  // Browsers and the install dialog: the logo as it is, rounded corners on a transparent ground.
  { file: 'icon-192.png', size: 192, rounded: true, scale: 1 },
  { file: 'icon-512.png', size: 512, rounded: true, scale: 1 },
  // Android's adaptive icons crop to any shape inside the central 80 % circle: full bleed, smaller glyph.
  { file: 'icon-maskable-192.png', size: 192, rounded: false, scale: 0.72 },
  { file: 'icon-maskable-512.png', size: 512, rounded: false, scale: 0.72 },
  // iOS home screen: square (iOS rounds it), opaque.
  { file: 'apple-touch-icon.png', size: 180, rounded: false, scale: 0.85 },
];

const browser = await chromium.launch({
  executablePath: findChromium(),
  headless: true,
  args: ['--no-sandbox'],
});
try {
  mkdirSync(out, { recursive: true });
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const icon of ICONS) {
    await page.setViewportSize({ width: icon.size, height: icon.size });
    const data = Buffer.from(svg(icon)).toString('base64');
    await page.setContent(
      `<html><body style="margin:0;background:transparent">` +
        `<img src="data:image/svg+xml;base64,${data}" width="${icon.size}" height="${icon.size}" style="display:block"></body></html>`,
    );
    await page.locator('img').evaluate((img) => img.decode());
    const png = await page.screenshot({
      clip: { x: 0, y: 0, width: icon.size, height: icon.size },
      omitBackground: icon.rounded,
    });
    writeFileSync(join(out, icon.file), png);
    console.log(`${icon.file}: ${icon.size}×${icon.size}, ${png.length} bytes`);
  }
} finally {
  await browser.close();
}

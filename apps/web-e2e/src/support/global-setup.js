// Browser journeys run the built portal (dist/api + dist/web) as a black box: check both are built,
// and that a Chromium can be found, before any test starts.
const { existsSync } = require('node:fs');
const { findChromium } = require('./chromium');

module.exports = async () => {
  for (const file of ['dist/web/browser/index.html', 'dist/api/apps/api/src/main.js']) {
    if (!existsSync(file)) {
      throw new Error(
        `${file} is missing: run "npm run build" (npm test does it) before the browser journeys`,
      );
    }
  }
  process.stdout.write(`\n[browser journeys] Chromium: ${findChromium()}\n`);
};

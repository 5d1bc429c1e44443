// Which Chromium the journeys drive: CHROME_PATH, else Debian's /usr/bin/chromium, else the one
// Playwright installed itself. Plain JavaScript: Jest's global setup loads it without compiling.
const { existsSync } = require('node:fs');

function findChromium() {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  try {
    candidates.push(require('playwright-core').chromium.executablePath());
  } catch {
    // playwright-core has no browser of its own installed
  }
  const found = candidates.find((path) => path && existsSync(path));
  if (!found) {
    throw new Error(
      'No Chromium found for the browser journeys. Install one: "sudo apt-get install -y chromium" (Debian/Ubuntu), ' +
        'or set CHROME_PATH to a Chrome/Chromium executable.',
    );
  }
  return found;
}

module.exports = { findChromium };

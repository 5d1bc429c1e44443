import { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, launchBrowser, watchConsole } from './support/browser';
import { Portal, startPortal } from './support/portal';

interface ManifestIcon {
  src: string;
  sizes: string;
  type: string;
  purpose?: string;
}

/** Width and height from a PNG's IHDR chunk (bytes 16–23), after checking the signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('journey: the portal as an installable app that reads offline', () => {
  let portal: Portal;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let consoleErrors: string[];

  beforeAll(async () => {
    [portal, browser] = await Promise.all([startPortal(), launchBrowser()]);
    context = await browser.newContext();
    page = await context.newPage();
    consoleErrors = watchConsole(page);
  });
  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
  });

  it('serves a valid web app manifest whose icons are PNGs of the announced sizes', async () => {
    await page.goto(portal.baseUrl, { waitUntil: 'networkidle' });
    const href = await page.getAttribute('link[rel="manifest"]', 'href');
    expect(href).toBe('manifest.webmanifest');
    const res = await fetch(`${portal.baseUrl}/${href}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/manifest\+json/);
    const manifest = (await res.json()) as Record<string, unknown> & { icons: ManifestIcon[] };
    expect(manifest).toMatchObject({
      name: 'Foyer — Portail famille',
      short_name: 'Foyer',
      lang: 'fr',
      display: 'standalone',
      scope: '/',
      theme_color: '#1d4f91',
      background_color: '#ffffff',
    });
    expect(new URL(manifest['start_url'] as string, portal.baseUrl).origin).toBe(portal.baseUrl);
    const sizes = (purpose: string) =>
      manifest.icons.filter((i) => (i.purpose ?? 'any') === purpose).map((i) => i.sizes);
    expect(sizes('any')).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(sizes('maskable')).toEqual(expect.arrayContaining(['512x512']));
    for (const icon of manifest.icons) {
      const file = await fetch(new URL(icon.src, `${portal.baseUrl}/${href}`));
      expect({ src: icon.src, status: file.status, type: file.headers.get('content-type') }).toEqual({
        src: icon.src,
        status: 200,
        type: 'image/png',
      });
      const { width, height } = pngSize(Buffer.from(await file.arrayBuffer()));
      expect(`${width}x${height}`).toBe(icon.sizes);
    }
    const apple = await page.getAttribute('link[rel="apple-touch-icon"]', 'href');
    const appleIcon = await fetch(`${portal.baseUrl}/${apple}`);
    expect(pngSize(Buffer.from(await appleIcon.arrayBuffer()))).toEqual({ width: 180, height: 180 });
    expect(await page.getAttribute('meta[name="theme-color"]', 'content')).toBe('#1d4f91');
  });

  it('registers the service worker, which takes control and caches the app', async () => {
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(`${portal.baseUrl}/`);
    // The first visit is not controlled yet: the next load is, once the worker cached the app.
    await page.waitForFunction(
      async () => {
        for (const name of await caches.keys()) {
          if ((await caches.open(name).then((c) => c.match('/index.html'))) !== undefined) return true;
        }
        return false;
      },
      undefined,
      { timeout: 30_000, polling: 250 },
    );
    await page.reload({ waitUntil: 'networkidle' });
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await page.getByRole('heading', { level: 2, name: 'Actualités de la ville' }).waitFor();
  });

  it('still shows a page already visited when offline, from the service worker, with the offline banner', async () => {
    await context.setOffline(true);
    const response = await page.reload({ waitUntil: 'domcontentloaded' });
    expect(response?.fromServiceWorker()).toBe(true);
    await page.getByRole('heading', { level: 1, name: 'Bienvenue sur le portail famille' }).waitFor();
    const banner = page.getByRole('status').filter({ hasText: 'Hors ligne' });
    await banner.waitFor();
    expect(await banner.textContent()).toMatch(
      /Hors ligne, mis à jour le \d{2}\/\d{2}\/\d{4} à \d{2}:\d{2}\./,
    );
    // The announcements read online come back from the worker's data cache.
    await page.getByRole('heading', { level: 3, name: /Inscriptions aux vacances d’hiver/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('refuses a change offline with a message saying it needs a connection', async () => {
    await page.getByRole('link', { name: 'Me connecter' }).click();
    await page.getByLabel('Adresse e-mail').fill('parent@demo.test');
    await page.getByLabel('Mot de passe', { exact: true }).fill('Demo-parent-2026!');
    await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'Cette action nécessite une connexion' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('hides the banner when the connection comes back', async () => {
    await context.setOffline(false);
    await page.getByRole('status').filter({ hasText: 'Hors ligne' }).waitFor({ state: 'detached' });
    // Offline failures are expected above; nothing else went wrong.
    expect(
      consoleErrors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource|Offline/.test(e)),
    ).toEqual([]);
  });
});

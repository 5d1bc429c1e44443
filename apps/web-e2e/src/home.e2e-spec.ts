import { Browser, Page } from 'playwright-core';
import { axeViolations, launchBrowser, watchConsole } from './support/browser';
import { Portal, startPortal } from './support/portal';

describe('journey: a visitor opens the portal', () => {
  let portal: Portal;
  let browser: Browser;
  let page: Page;
  let consoleErrors: string[];

  beforeAll(async () => {
    [portal, browser] = await Promise.all([startPortal(), launchBrowser()]);
    page = await browser.newPage();
    consoleErrors = watchConsole(page);
  });
  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
  });

  it('shows the home page in French with the main navigation', async () => {
    await page.goto(portal.baseUrl, { waitUntil: 'networkidle' });
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    const nav = page.getByRole('navigation', { name: /principal/i });
    for (const label of ['Accueil', 'Ma famille', 'Réservations', 'Factures', 'Démarches']) {
      await expect(nav.getByRole('link', { name: label }).count()).resolves.toBeGreaterThan(0);
    }
    await expect(page.getByRole('link', { name: /Accessibilité : non conforme/ }).count()).resolves.toBe(1);
  });

  it('finds no accessibility violation (WCAG 2.1 AA rules of axe-core)', async () => {
    expect(await axeViolations(page)).toEqual([]);
  });

  it('is usable with the keyboard: the first Tab reaches the skip link', async () => {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
    expect(focused).toBe('Aller au contenu');
  });

  it('logs no error in the console', () => {
    expect(consoleErrors).toEqual([]);
  });
});

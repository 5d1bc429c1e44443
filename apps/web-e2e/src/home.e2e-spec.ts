import { Browser, Page } from 'playwright-core';
import { axeViolations, launchBrowser, watchConsole } from './support/browser';
import { Portal, startPortal } from './support/portal';
import { signIn } from './support/pages';

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
    await expect(
      page.getByRole('link', { name: /^Accessibilité : partiellement conforme$/ }).count(),
    ).resolves.toBe(1);
  });

  it('finds no accessibility violation (WCAG 2.1 AA rules of axe-core)', async () => {
    expect(await axeViolations(page)).toEqual([]);
  });

  it('is usable with the keyboard: the first Tab reaches the skip link', async () => {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
    expect(focused).toBe('Aller au contenu');
  });

  it('signs the demo parent in with the keyboard alone and shows the family', async () => {
    await page.goto(`${portal.baseUrl}/connexion`);
    await page.getByLabel('Adresse e-mail').focus();
    await page.keyboard.type('parent@demo.test');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Demo-parent-2026!');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /Bonjour Camille/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${portal.baseUrl}/famille`);
    const children = page.getByRole('main').getByRole('link', { name: /Durand$/ });
    await children.first().waitFor();
    expect(await children.count()).toBe(2);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('keeps the session across a reload (refresh cookie), with the token in memory only', async () => {
    await page.reload({ waitUntil: 'networkidle' });
    await page
      .getByRole('main')
      .getByRole('link', { name: /Durand$/ })
      .first()
      .waitFor();
    const stored = await page.evaluate(
      () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
    );
    expect(stored).not.toMatch(/eyJ/);
  });

  it('shows the agent the back office, and hides it from the parent', async () => {
    const nav = page.getByRole('navigation', { name: /principal/i });
    expect(await nav.getByRole('link', { name: 'Espace agent' }).count()).toBe(0);
    const agentPage = await browser.newPage();
    await signIn(agentPage, portal.baseUrl, 'agent@demo.test', 'Demo-agent-2026!');
    await agentPage
      .getByRole('navigation', { name: /principal/i })
      .getByRole('link', { name: 'Espace agent' })
      .click();
    await agentPage.waitForURL(/\/agent$/);
    await agentPage.goto(`${portal.baseUrl}/agent/familles`);
    await agentPage.getByLabel('Rechercher une famille').fill('Martin');
    await agentPage.getByRole('button', { name: 'Rechercher' }).click();
    await agentPage.getByText('parent@demo.test').first().waitFor();
    expect(await axeViolations(agentPage)).toEqual([]);
    await agentPage.close();
  });

  it('logs no error in the console', () => {
    expect(consoleErrors).toEqual([]);
  });
});

import { Browser, Page, Request } from 'playwright-core';
import { axeViolations, launchBrowser, watchConsole } from './support/browser';
import { Portal, startPortal } from './support/portal';

/** Clicks the language switch and waits for the page to start again in the other language. */
async function switchLanguage(page: Page, label: 'English' | 'Français'): Promise<void> {
  const button = page.getByRole('contentinfo').getByRole('button', { name: label, exact: true });
  await Promise.all([page.waitForEvent('load'), button.click()]);
  await page.waitForLoadState('networkidle');
}

describe('journey: a visitor reads the portal in English', () => {
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

  it('offers « English » in the footer of a French page, marked as English, and reachable by keyboard', async () => {
    await page.goto(portal.baseUrl, { waitUntil: 'networkidle' });
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    const button = page.getByRole('contentinfo').getByRole('button', { name: 'English', exact: true });
    expect(await button.getAttribute('lang')).toBe('en');
    await button.focus();
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('English');
  });

  it('switches to English: html lang, shell, navigation, footer and home page', async () => {
    await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
    await page.waitForLoadState('networkidle');

    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.evaluate(() => localStorage.getItem('foyer.locale'))).toBe('en');
    expect(await page.title()).toBe('Home — Foyer');

    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    for (const label of ['Home', 'My family', 'Bookings', 'Invoices', 'Requests']) {
      expect(await nav.getByRole('link', { name: label, exact: true }).count()).toBe(1);
    }
    const banner = page.getByRole('banner');
    expect(await banner.getByRole('link', { name: 'Sign in', exact: true }).count()).toBe(1);
    expect(await banner.textContent()).toContain('City of Foyer-sur-Marne');
    expect(await banner.textContent()).toContain('Family portal');

    const main = page.getByRole('main');
    await main.getByRole('heading', { level: 1, name: 'Welcome to the family portal' }).waitFor();
    expect(await main.getByRole('heading', { level: 2, name: 'Your services' }).count()).toBe(1);
    expect(await main.getByRole('link', { name: 'Create an account' }).count()).toBe(1);
    expect(await main.textContent()).not.toMatch(/Bienvenue|Vos services|Créer un compte/);

    const footer = page.getByRole('contentinfo');
    const legal = footer.getByRole('navigation', { name: 'Legal information' });
    for (const label of ['Accessibility: partially compliant', 'Legal notice', 'Personal data', 'Site map']) {
      expect(await legal.getByRole('link', { name: label }).count()).toBe(1);
    }
    expect(await footer.textContent()).toContain('powered by Foyer, free software');
    const back = footer.getByRole('button', { name: 'Français', exact: true });
    expect(await back.getAttribute('lang')).toBe('fr');
    expect(await page.getByRole('link', { name: 'Skip to content' }).count()).toBe(1);
  });

  it('finds no accessibility violation on the English home page', async () => {
    expect(await axeViolations(page)).toEqual([]);
  });

  it('keeps English across a reload and on the other static pages', async () => {
    await page.reload({ waitUntil: 'networkidle' });
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.getByRole('heading', { level: 1, name: 'Welcome to the family portal' }).waitFor();

    await page.getByRole('contentinfo').getByRole('link', { name: 'Personal data' }).click();
    await page.getByRole('heading', { level: 1, name: 'Personal data' }).waitFor();
    expect(await page.title()).toBe('Personal data — Foyer');
    expect(await page.getByRole('heading', { level: 2, name: 'Your rights' }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('signs in in English: the form, and a wrong password refused with the API asked for English', async () => {
    await page.getByRole('banner').getByRole('link', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(await page.title()).toBe('Sign in — Foyer');

    await page.getByLabel('E-mail address').fill('parent@demo.test');
    await page.getByLabel('Password', { exact: true }).fill('Not-the-password-2026!');
    const login = page.waitForRequest(
      (request: Request) => request.url().endsWith('/api/auth/login') && request.method() === 'POST',
    );
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    expect((await login).headers()['accept-language']).toBe('en');

    const alert = page.getByRole('alert').filter({ hasText: /\S/ });
    await alert.waitFor();
    // The alert's frame is English; the API's own sentence follows Accept-Language once the API
    // translates its errors (another branch of issue 11): until then it stays French.
    expect(await alert.textContent()).toMatch(/^\s*Error:\s*\S/);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('signs in with the right password and shows the English greeting and account menu', async () => {
    await page.getByLabel('Password', { exact: true }).fill('Demo-parent-2026!');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /^Hello Camille/ }).waitFor();
    await page.getByText('What would you like to do today?').waitFor();

    const banner = page.getByRole('banner');
    await banner.getByRole('button', { name: /Camille/ }).click();
    // Visible once the menu opens (waitFor fails on a hidden or missing item).
    await banner.getByRole('link', { name: 'My account' }).waitFor();
    await banner.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.keyboard.press('Escape');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('reads the messages in English: unread count, plural, dates in British order with Paris time', async () => {
    const bell = page.getByRole('banner').getByRole('link', { name: /^Messages/ });
    await bell.filter({ hasText: '2 unread' }).waitFor();
    await bell.click();
    await page.getByRole('heading', { level: 1, name: 'My messages' }).waitFor();
    expect(await page.title()).toBe('My messages — Foyer');
    await page.getByText('2 unread messages.').waitFor();
    const main = (await page.getByRole('main').textContent()) ?? '';
    expect(main).toMatch(/Received on \d\d\/\d\d\/\d{4} at \d\d:\d\d/);
    expect(main).not.toMatch(/Reçu le| à \d\d:\d\d/);
    expect(await page.getByRole('button', { name: 'Mark all as read' }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('shows the account page and its notification preferences in English', async () => {
    await page.goto(`${portal.baseUrl}/mon-compte`, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Messages and notifications' }).waitFor();
    const table = page.getByRole('table', { name: 'Channels chosen for each type of message' });
    expect(await table.getByRole('columnheader', { name: 'Browser notification' }).count()).toBe(1);
    await table.getByRole('rowheader', { name: /^Invoices issued/ }).waitFor();
    expect(await table.textContent()).toContain('Required: the regulations say you must be told.');
    expect(await page.getByRole('button', { name: 'Save my choices' }).count()).toBe(1);
    expect(await page.getByRole('main').textContent()).not.toMatch(/Factures émises|Enregistrer mes choix/);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('switches back to French, which sticks', async () => {
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Home' })
      .click();
    await page.getByRole('heading', { level: 1, name: /^Hello Camille/ }).waitFor();
    await switchLanguage(page, 'Français');
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await page.evaluate(() => localStorage.getItem('foyer.locale'))).toBe('fr');
    await page.getByRole('heading', { level: 1, name: /^Bonjour Camille/ }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    expect(await nav.getByRole('link', { name: 'Accueil', exact: true }).count()).toBe(1);
    const english = page.getByRole('contentinfo').getByRole('button', { name: 'English', exact: true });
    expect(await english.getAttribute('lang')).toBe('en');

    await page.reload({ waitUntil: 'networkidle' });
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await page.getByRole('heading', { level: 1, name: /^Bonjour Camille/ }).waitFor();
  });

  it('logged no console error apart from the refused sign-in', async () => {
    expect(consoleErrors.filter((error) => !/401/.test(error))).toEqual([]);
  });
});

import { Browser, Page } from 'playwright-core';
import { axeViolations, launchBrowser, watchConsole } from './support/browser';
import { signIn } from './support/pages';
import { Portal, startPortal } from './support/portal';

/**
 * The English locale on the bookings and billing pages (issue 11): people sign in as usual, choose
 * English on their device (the portal remembers it in localStorage and reloads), and read these pages,
 * their dates and their amounts in British English. The clock is Thursday 14 January 2027, 08:30 Paris.
 */
describe('journey: the bookings and billing pages in English', () => {
  let portal: Portal;
  let browser: Browser;
  const consoleErrors: string[] = [];
  const a11y: Record<string, string[]> = {};

  async function check(page: Page, name: string): Promise<void> {
    a11y[name] = await axeViolations(page);
  }

  /** Signs in (in French, the default) and then switches this device to English. */
  async function englishPage(email: string, password: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = watchConsole(page);
    page.on('close', () => consoleErrors.push(...errors));
    await signIn(page, portal.baseUrl, email, password);
    await page.evaluate(() => localStorage.setItem('foyer.locale', 'en'));
    return page;
  }

  let parent: Page;
  let agent: Page;
  let admin: Page;

  beforeAll(async () => {
    [portal, browser] = await Promise.all([startPortal(), launchBrowser()]);
    parent = await englishPage('parent@demo.test', 'Demo-parent-2026!');
  });
  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
  });

  it('shows the family calendar in English: month, days, states and deadlines', async () => {
    await parent.goto(`${portal.baseUrl}/reservations`);
    await parent.getByRole('heading', { level: 1, name: 'Bookings', exact: true }).waitFor();
    expect(await parent.evaluate(() => document.documentElement.lang)).toBe('en');
    await parent.getByRole('heading', { level: 2, name: /January 2027$/ }).waitFor();
    // Each day's checkbox names the activity and the day, in English.
    await parent
      .getByRole('checkbox', { name: /^Book .+, Monday 18 January$/ })
      .first()
      .waitFor();
    await parent
      .getByText(/^Can be changed until \w+day \d+ January, \d\d:\d\d$/)
      .first()
      .waitFor();
    await parent.getByText('No changes waiting.', { exact: true }).waitFor();
    await parent.getByRole('button', { name: 'Next month' }).waitFor();
    await parent.getByRole('heading', { level: 2, name: 'Typical week', exact: true }).waitFor();
    expect(await parent.title()).toContain('Bookings');
    await check(parent, 'bookings');
  });

  it('saves a booking and says the outcome in English', async () => {
    const box = parent.getByRole('checkbox', { name: /^Book .+, Friday 22 January$/ }).first();
    await box.click();
    await parent.getByText('1 change to save.', { exact: true }).waitFor();
    await parent.getByRole('button', { name: 'Save', exact: true }).click();
    await parent.getByText(/^(Saved: .+\.|No change\.)$/).waitFor();
    await check(parent, 'bookings saved');
  });

  it('lists the invoices in English, with months and amounts the English way', async () => {
    await parent.goto(`${portal.baseUrl}/factures`);
    await parent.getByRole('heading', { level: 1, name: 'My invoices', exact: true }).waitFor();
    const december = parent.getByRole('row').filter({ hasText: 'December 2026' });
    await december.getByText('To pay', { exact: true }).waitFor();
    await parent.getByText(/^1 invoice to pay, €\d[\d,]*\.\d\d in total\.$/).waitFor();
    await check(parent, 'invoices');
    await december.getByRole('link', { name: /^F-\d{4}-\d{6}$/ }).click();
    await parent.getByRole('heading', { level: 1, name: /^Invoice F-/ }).waitFor();
    await parent
      .getByRole('heading', { level: 2, name: 'The detail of your invoice', exact: true })
      .waitFor();
    await parent.getByText('Left to pay', { exact: true }).waitFor();
    await parent.getByRole('button', { name: 'Download the invoice (PDF)', exact: true }).waitFor();
    await check(parent, 'invoice');
  });

  it('shows the family account and the direct debit page in English', async () => {
    await parent.goto(`${portal.baseUrl}/factures/compte`);
    await parent.getByRole('heading', { level: 1, name: 'My family account', exact: true }).waitFor();
    await parent.getByText(/^€\d[\d,]*\.\d\d to pay$|^Nothing due$/).waitFor();
    await check(parent, 'account');
    await parent.goto(`${portal.baseUrl}/factures/prelevement`);
    await parent.getByRole('heading', { level: 1, name: 'Direct debit', exact: true }).waitFor();
    await parent.getByRole('button', { name: 'Sign the mandate', exact: true }).click();
    await parent.getByText('The mandate cannot be signed: correct the fields marked.').waitFor();
    await check(parent, 'direct debit');
    await parent.close();
  });

  it('gives the agent the attendance sheet and the billing runs in English', async () => {
    agent = await englishPage('agent@demo.test', 'Demo-agent-2026!');
    await agent.goto(`${portal.baseUrl}/agent/pointage`);
    await agent.getByRole('heading', { level: 1, name: 'Attendance', exact: true }).waitFor();
    await agent.getByRole('button', { name: 'Show the list', exact: true }).waitFor();
    await check(agent, 'attendance');
    await agent.goto(`${portal.baseUrl}/agent/facturation/campagnes`);
    await agent.getByRole('heading', { level: 1, name: 'Billing runs', exact: true }).waitFor();
    await agent.getByRole('button', { name: 'Work out the draft', exact: true }).waitFor();
    await check(agent, 'billing runs');
    await agent.close();
  });

  it('gives the administrator the activities and the tariffs in English', async () => {
    admin = await englishPage('admin@demo.test', 'Demo-admin-2026!');
    await admin.goto(`${portal.baseUrl}/admin/activites`);
    await admin.getByRole('heading', { level: 1, name: 'Activities', exact: true }).waitFor();
    await admin.getByRole('heading', { level: 2, name: 'Add an activity', exact: true }).waitFor();
    await check(admin, 'activities');
    await admin.goto(`${portal.baseUrl}/admin/tarifs`);
    await admin.getByRole('heading', { level: 1, name: 'Tariffs', exact: true }).waitFor();
    await admin
      .getByRole('cell')
      .filter({ hasText: /Family quotient \(QF\) bands|Single rate|Effort rate/ })
      .first()
      .waitFor();
    await admin.getByRole('cell').filter({ hasText: / per / }).first().waitFor();
    await check(admin, 'tariffs');
    await admin.close();
  });

  it('had no accessibility violation and no console error on any page', () => {
    expect(a11y).toEqual(Object.fromEntries(Object.keys(a11y).map((name) => [name, []])));
    expect(consoleErrors).toEqual([]);
  });
});

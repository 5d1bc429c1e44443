import { Browser, Page } from 'playwright-core';
import { axeViolations, launchBrowser, watchConsole } from './support/browser';
import { signIn } from './support/pages';
import { Portal, startPortal } from './support/portal';

describe('journey: the demo parent sees unread messages in the header, opens « Mes messages » and reads one', () => {
  let portal: Portal;
  let browser: Browser;
  let page: Page;
  let consoleErrors: string[];
  const a11y: Record<string, string[]> = {};

  beforeAll(async () => {
    [portal, browser] = await Promise.all([startPortal(), launchBrowser()]);
    page = await (await browser.newContext()).newPage();
    consoleErrors = watchConsole(page);
  });
  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
  });

  const bell = () => page.getByRole('banner').getByRole('link', { name: /^Messages/ });

  it('shows the unread count in words in the header', async () => {
    await signIn(page, portal.baseUrl, 'parent@demo.test', 'Demo-parent-2026!');
    await bell().filter({ hasText: '2 non lus' }).waitFor();
    a11y['accueil'] = await axeViolations(page);
  });

  it('opens « Mes messages » and reads the newest message', async () => {
    await bell().click();
    await page.getByRole('heading', { level: 1, name: 'Mes messages' }).waitFor();
    await page.getByText('2 messages non lus.').waitFor();
    a11y['mes messages'] = await axeViolations(page);

    const subject = page.getByRole('button', { name: /Justificatif bientôt expiré/ });
    await subject.focus();
    await page.keyboard.press('Enter');
    await page.getByText('expire le lundi 1 février 2027').waitFor();
    expect(await subject.getAttribute('aria-expanded')).toBe('true');
    await page.getByText('1 message non lu.').waitFor();
    await bell().filter({ hasText: '1 non lu' }).waitFor();
    a11y['message ouvert'] = await axeViolations(page);

    // The message links to what it is about.
    await page.getByRole('link', { name: 'Voir la page concernée' }).click();
    await page.waitForURL(/\/famille$/);
  });

  it('marks everything read', async () => {
    await bell().click();
    await page.getByRole('button', { name: 'Tout marquer comme lu' }).click();
    await page.getByText('Tous les messages sont marqués comme lus.').waitFor();
    await bell().filter({ hasText: 'aucun non lu' }).waitFor();
  });

  it('shows the preferences on the account page, law-required topics locked with the reason', async () => {
    await page.goto(`${portal.baseUrl}/mon-compte`);
    await page.getByRole('heading', { level: 2, name: 'Messages et notifications' }).waitFor();
    const invoiceEmail = page.getByRole('checkbox', { name: /E-mail \(toujours activé\) : Factures émises/ });
    expect(await invoiceEmail.isChecked()).toBe(true);
    expect(await invoiceEmail.isDisabled()).toBe(true);
    const announcements = page.getByRole('checkbox', { name: /^E-mail\s*: Annonces de la ville/ });
    await announcements.uncheck();
    await page.getByRole('button', { name: 'Enregistrer mes choix' }).click();
    await page.getByText('Vos choix sont enregistrés.').waitFor();
    a11y['mon compte'] = await axeViolations(page);
  });

  it('lets an administrator see the failed background jobs', async () => {
    const admin = await (await browser.newContext()).newPage();
    const adminErrors = watchConsole(admin);
    await signIn(admin, portal.baseUrl, 'admin@demo.test', 'Demo-admin-2026!');
    await admin.goto(`${portal.baseUrl}/admin/jobs`);
    await admin.getByRole('heading', { level: 1, name: 'Tâches en échec' }).waitFor();
    await admin.getByText('Aucune tâche en échec.').waitFor();
    a11y['tâches en échec'] = await axeViolations(admin);
    expect(adminErrors).toEqual([]);
    // A parent is refused the page.
    await page.goto(`${portal.baseUrl}/admin/jobs`);
    await page.getByRole('heading', { level: 1, name: 'Accès refusé' }).waitFor();
  });

  it('has no accessibility violations and no console errors', () => {
    expect(Object.entries(a11y).filter(([, v]) => v.length > 0)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});

import { Browser, Page } from 'playwright-core';
import { axeViolations, launchBrowser, watchConsole } from './support/browser';
import { signIn } from './support/pages';
import { Portal, startPortal } from './support/portal';

describe('journey: the admin invites an agent, reads the audit log, adds a site and a holiday period', () => {
  let portal: Portal;
  let browser: Browser;
  let admin: Page;
  let consoleErrors: string[];
  const a11y: Record<string, string[]> = {};
  const overflow: Record<string, number> = {};

  /** At 360 px: the page never scrolls sideways; and axe finds nothing. */
  async function check(name: string): Promise<void> {
    await admin.waitForLoadState('networkidle');
    overflow[name] = await admin.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    a11y[name] = await axeViolations(admin);
  }

  beforeAll(async () => {
    [portal, browser] = await Promise.all([startPortal(), launchBrowser()]);
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    admin = await context.newPage();
    consoleErrors = watchConsole(admin);
  });
  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
  });

  it('reaches the admin area from the navigation, with its menu', async () => {
    await signIn(admin, portal.baseUrl, 'admin@demo.test', 'Demo-admin-2026!');
    await admin.getByRole('button', { name: 'Menu' }).click();
    await admin.getByRole('link', { name: 'Administration' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
    const menu = admin.getByRole('navigation', { name: 'Administration' });
    for (const item of ['Agents', "Journal d'audit", 'Sites', 'Calendriers scolaires', 'Tâches en échec']) {
      await menu.getByRole('link', { name: item }).waitFor();
    }
    expect(await menu.getByRole('link', { name: 'Tâches en échec' }).getAttribute('href')).toBe(
      '/admin/jobs',
    );
    await check('administration');
  });

  it('invites an agent with a scope, changes the scopes, deactivates the account', async () => {
    await admin.goto(`${portal.baseUrl}/admin/agents`);
    await admin.getByRole('heading', { level: 1, name: 'Agents' }).waitFor();
    await admin.getByRole('button', { name: "Inviter l'agent" }).click();
    await admin.getByText("L'invitation contient des erreurs.").waitFor();
    await admin.getByLabel('Prénom').fill('Nadia');
    await admin.getByLabel('Nom', { exact: true }).fill('Haddad');
    await admin.getByLabel('Adresse e-mail professionnelle').fill('nadia.haddad@ville.test');
    await admin
      .getByRole('checkbox', { name: /Facturation/ })
      .first()
      .check();
    await admin.getByRole('button', { name: "Inviter l'agent" }).click();
    await admin.getByText('Invitation envoyée à nadia.haddad@ville.test.').waitFor();
    expect(await admin.getByText('Ce champ est obligatoire.').count()).toBe(0);

    const card = admin.getByRole('listitem').filter({ hasText: 'nadia.haddad@ville.test' });
    await card.waitFor();
    expect(await card.getByRole('checkbox', { name: /Facturation/ }).isChecked()).toBe(true);
    await card.getByRole('checkbox', { name: /Enfance/ }).check();
    await card.getByRole('button', { name: /Enregistrer les périmètres/ }).click();
    await card.getByText('Périmètres de Nadia Haddad enregistrés.').waitFor();
    await card.getByRole('button', { name: /Désactiver/ }).click();
    await card.getByText('Désactivé', { exact: true }).waitFor();
    await check('agents');
  });

  it('filters the audit log by action and by person', async () => {
    await admin.goto(`${portal.baseUrl}/admin/journal`);
    await admin.getByRole('heading', { level: 1, name: "Journal d'audit" }).waitFor();
    await admin.getByRole('combobox', { name: 'Action' }).click();
    await admin.getByRole('option', { name: 'Agents (toutes)' }).click();
    await admin.getByRole('button', { name: 'Afficher' }).click();
    // The unfiltered list (with the quotient validations of the demo) gives way to the agents' entries:
    // waiting for « Agent invité » alone would pass on the old list, before the filtered one arrives.
    await admin.getByText('Quotient familial validé').first().waitFor({ state: 'detached' });
    await admin.getByText('Agent invité').first().waitFor();
    expect(await admin.getByText('Quotient familial validé').count()).toBe(0);
    await admin.getByRole('combobox', { name: 'Personne' }).click();
    await admin.getByRole('option', { name: 'Karim Benali' }).click();
    await admin.getByRole('button', { name: 'Afficher' }).click();
    await admin.getByText('Aucune entrée ne correspond à ces filtres.').waitFor();
    await check("journal d'audit");
  });

  it('adds a site the families can then choose', async () => {
    await admin.goto(`${portal.baseUrl}/admin/sites`);
    await admin.getByRole('heading', { level: 1, name: 'Sites' }).waitFor();
    await admin.getByLabel('Code').fill('ecole-des-iles');
    await admin.getByLabel('Nom', { exact: true }).fill('École des Îles');
    await admin.getByLabel('Adresse', { exact: true }).fill('3 allée des Îles');
    await admin.getByRole('button', { name: 'Ajouter le site' }).click();
    await admin.getByText('Site « École des Îles » ajouté.').waitFor();
    await admin.getByRole('heading', { level: 3, name: /École des Îles/ }).waitFor();
    const sites = (await (await fetch(`${portal.baseUrl}/api/sites`)).json()) as { code: string }[];
    expect(sites.map((s) => s.code)).toContain('ecole-des-iles');
    await check('sites');
  });

  it('adds a holiday period to the school calendar, then removes it', async () => {
    await admin.goto(`${portal.baseUrl}/admin/calendriers`);
    await admin.getByRole('heading', { level: 1, name: 'Calendriers scolaires' }).waitFor();
    await admin.getByLabel('Nom de la période').fill('Journée du maire');
    await admin.getByLabel('Premier jour sans classe').fill('2027-03-19');
    await admin.getByLabel('Dernier jour sans classe').fill('2027-03-19');
    await admin.getByRole('button', { name: 'Ajouter la période' }).click();
    await admin.getByText('Période « Journée du maire » ajoutée.').waitFor();
    await check('calendriers');
    await admin.getByRole('button', { name: 'Retirer Journée du maire' }).click();
    await admin.getByText('Période « Journée du maire » retirée.').waitFor();
    expect(await admin.getByRole('listitem').filter({ hasText: 'Journée du maire' }).count()).toBe(0);
  });

  it('found no page wider than a 360 px screen', () => {
    expect(Object.entries(overflow).filter(([, pixels]) => pixels > 0)).toEqual([]);
  });

  it('found no accessibility violation on any page visited', () => {
    expect(Object.entries(a11y).filter(([, v]) => v.length > 0)).toEqual([]);
  });

  it('logged no error in the console', () => {
    // The invitation sent empty on purpose is refused by the browser, not by the API: no error at all.
    expect(consoleErrors).toEqual([]);
  });
});

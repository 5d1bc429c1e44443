import { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, launchBrowser, watchConsole } from './support/browser';
import { signIn } from './support/pages';
import { Portal, startPortal } from './support/portal';

// A PDF small enough to type: what matters to the portal is the %PDF- signature.
const ATTESTATION = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe('journey: a new parent opens an account, adds a child and declares a quotient familial; an agent validates it', () => {
  let portal: Portal;
  let browser: Browser;
  let parentContext: BrowserContext;
  let parent: Page;
  let consoleErrors: string[];
  const email = `nouveau.parent.${Date.now()}@example.test`;
  const password = 'Un-mot-de-passe-solide-42';
  const a11y: Record<string, string[]> = {};

  async function checkA11y(page: Page, name: string): Promise<void> {
    a11y[name] = await axeViolations(page);
  }

  beforeAll(async () => {
    [portal, browser] = await Promise.all([startPortal(), launchBrowser()]);
    parentContext = await browser.newContext();
    parent = await parentContext.newPage();
    consoleErrors = watchConsole(parent);
  });
  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
  });

  it('signs up and is told to check the mailbox', async () => {
    await parent.goto(`${portal.baseUrl}/inscription`);
    await checkA11y(parent, 'inscription');
    await parent.getByLabel('Prénom').fill('Inès');
    await parent.getByLabel('Nom', { exact: true }).fill('Benali');
    await parent.getByLabel('Adresse e-mail').fill(email);
    await parent.getByLabel('Téléphone').fill('0611223344');
    // The live estimate says in words what the API will decide (zxcvbn-ts, same dictionaries).
    await parent.getByLabel('Mot de passe', { exact: true }).fill('password1234');
    await parent.getByText(/Robustesse du mot de passe : faible/).waitFor();
    await checkA11y(parent, 'inscription, mot de passe faible');
    await parent.getByLabel('Mot de passe', { exact: true }).fill(password);
    await parent.getByText('Ce mot de passe convient.', { exact: false }).waitFor();
    await parent.getByLabel('Confirmer le mot de passe').fill(password);
    await parent.getByRole('button', { name: 'Créer mon compte' }).click();
    await parent.getByRole('heading', { level: 1, name: 'Vérifiez votre messagerie' }).waitFor();
  });

  it('cannot sign in before confirming the address, and is offered a new link', async () => {
    await parent.goto(`${portal.baseUrl}/connexion`);
    await parent.getByLabel('Adresse e-mail').fill(email);
    await parent.getByLabel('Mot de passe', { exact: true }).fill(password);
    await parent.getByRole('button', { name: 'Se connecter', exact: true }).click();
    await parent.getByRole('button', { name: 'Renvoyer le lien' }).waitFor();
  });

  it('opens the verification link from the development mailbox', async () => {
    await parent.goto(`${portal.baseUrl}/dev/mailbox`);
    await checkA11y(parent, 'mailbox');
    const link = parent.locator('a[href*="verification-email?token="]').first();
    await link.waitFor();
    await link.click();
    await parent.getByText('Votre adresse e-mail est confirmée').waitFor();
  });

  it('signs in and adds a child', async () => {
    await signIn(parent, portal.baseUrl, email, password);
    await parent.goto(`${portal.baseUrl}/famille`);
    await parent.getByRole('heading', { level: 1 }).waitFor();
    await checkA11y(parent, 'famille (vide)');
    await parent.getByRole('link', { name: 'Ajouter un enfant' }).click();
    await parent.getByLabel('Prénom').fill('Nora');
    await parent.getByLabel('Nom', { exact: true }).fill('Benali');
    await parent.getByLabel('Date de naissance').fill('2019-05-14');
    await parent.getByRole('radio', { name: 'Fille' }).check();
    await parent.getByRole('combobox', { name: 'École' }).click();
    await parent.getByRole('option', { name: 'École Paul-Bert' }).click();
    await parent.getByRole('combobox', { name: 'Classe' }).click();
    await parent.getByRole('option', { name: 'Cours préparatoire (CP)' }).click();
    await checkA11y(parent, 'fiche enfant');
    await parent.getByRole('button', { name: 'Ajouter un enfant' }).click();
    await parent.getByRole('link', { name: 'Nora Benali' }).waitFor();
    // The phone typed at sign-up as 0611223344 reads like the contacts' numbers.
    await parent.getByText('06 11 22 33 44').waitFor();
  });

  it('declares a quotient familial from resources, with the tax notice', async () => {
    await parent.getByRole('link', { name: 'Gérer mon quotient familial' }).click();
    await parent.getByRole('radio', { name: /avis d'imposition/ }).check();
    await parent.getByLabel('Ressources annuelles imposables').fill('36000');
    await parent.getByLabel('Prestations familiales mensuelles').fill('150');
    await parent.getByLabel('Nombre de parts').fill('2.5');
    await parent.locator('input[type=file]').setInputFiles({
      name: 'avis-imposition.pdf',
      mimeType: 'application/pdf',
      buffer: ATTESTATION,
    });
    await checkA11y(parent, 'quotient');
    await parent.getByRole('button', { name: 'Déclarer mon quotient familial' }).click();
    // (36 000 / 12 + 150) / 2.5 = 1 260 € a month, waiting for the city to check it.
    await parent
      .getByText(/1\s?260/)
      .first()
      .waitFor();
    await parent
      .getByText(/en attente/i)
      .first()
      .waitFor();
  });

  it('an agent finds the quotient pending and validates it', async () => {
    const agentContext = await browser.newContext();
    const agent = await agentContext.newPage();
    const agentErrors = watchConsole(agent);
    await signIn(agent, portal.baseUrl, 'agent@demo.test', 'Demo-agent-2026!');
    await agent.goto(`${portal.baseUrl}/agent/quotients`);
    const card = agent.getByRole('article').filter({ hasText: 'Benali' });
    await card.waitFor();
    await checkA11y(agent, 'agent quotients');
    await card.getByRole('button', { name: 'Valider' }).click();
    await card.getByLabel('Applicable à partir du').waitFor();
    await card.getByRole('button', { name: 'Valider' }).last().click();
    await card.waitFor({ state: 'detached' });
    expect(agentErrors).toEqual([]);
    await agentContext.close();
  });

  it('the parent then sees the validated quotient on the family page', async () => {
    await parent.goto(`${portal.baseUrl}/famille`);
    await parent
      .getByText(/1\s?260/)
      .first()
      .waitFor();
    await parent
      .getByText(/validé/i)
      .first()
      .waitFor();
    await checkA11y(parent, 'famille');
  });

  it('found no accessibility violation on any page visited', () => {
    expect(Object.entries(a11y).filter(([, v]) => v.length > 0)).toEqual([]);
  });

  it('logged no error in the console', () => {
    // The sign-in refused before verification answers 403: expected, and the browser logs it.
    expect(consoleErrors.filter((e) => !/status of 403/.test(e))).toEqual([]);
  });
});

import { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, launchBrowser, watchConsole } from './support/browser';
import { signIn } from './support/pages';
import { Portal, startPortal } from './support/portal';

const ATTESTATION = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe('journey: the demo parent invites the second legal guardian, who signs up, joins the household and downloads its documents', () => {
  let portal: Portal;
  let browser: Browser;
  let parentContext: BrowserContext;
  let inviteeContext: BrowserContext;
  let parent: Page;
  let invitee: Page;
  let parentErrors: string[];
  let inviteeErrors: string[];
  const email = `second.parent.${Date.now()}@example.test`;
  const password = 'Un-mot-de-passe-solide-42';
  const a11y: Record<string, string[]> = {};

  async function checkA11y(page: Page, name: string): Promise<void> {
    a11y[name] = await axeViolations(page);
  }

  /** The first link of the last mail sent to `to` whose address contains `path`, from /dev/mailbox. */
  async function openMailLink(page: Page, to: string, path: string): Promise<void> {
    await page.goto(`${portal.baseUrl}/dev/mailbox`);
    const link = page.getByRole('article').filter({ hasText: to }).locator(`a[href*="${path}"]`).first();
    await link.waitFor();
    await link.click();
  }

  beforeAll(async () => {
    [portal, browser] = await Promise.all([startPortal(), launchBrowser()]);
    parentContext = await browser.newContext();
    inviteeContext = await browser.newContext({ acceptDownloads: true });
    parent = await parentContext.newPage();
    invitee = await inviteeContext.newPage();
    parentErrors = watchConsole(parent);
    inviteeErrors = watchConsole(invitee);
  });
  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
  });

  it('the demo parent deposits a document and invites the second guardian by e-mail', async () => {
    await signIn(parent, portal.baseUrl, 'parent@demo.test', 'Demo-parent-2026!');
    await parent.goto(`${portal.baseUrl}/famille/documents`);
    await parent.getByRole('combobox', { name: 'Type de document' }).click();
    await parent.getByRole('option', { name: "Attestation d'assurance" }).click();
    await parent.locator('input[type=file]').setInputFiles({
      name: 'assurance.pdf',
      mimeType: 'application/pdf',
      buffer: ATTESTATION,
    });
    await parent.getByRole('button', { name: 'Envoyer le document' }).click();
    await parent.getByRole('button', { name: 'Télécharger assurance.pdf' }).waitFor();

    await parent.goto(`${portal.baseUrl}/famille`);
    await parent.getByLabel('Adresse e-mail').fill(email);
    await parent.getByRole('button', { name: "Envoyer l'invitation" }).click();
    await parent.getByText(`Invitation envoyée à ${email}.`).waitFor();
    await parent.getByText(`Invitation en attente : ${email}`).waitFor();
    await checkA11y(parent, 'famille (invitation en attente)');
  });

  it('the invitee signs up and confirms the address', async () => {
    await invitee.goto(`${portal.baseUrl}/inscription`);
    await invitee.getByLabel('Prénom').fill('Marc');
    await invitee.getByLabel('Nom', { exact: true }).fill('Durand');
    await invitee.getByLabel('Adresse e-mail').fill(email);
    await invitee.getByLabel('Téléphone').fill('0622334455');
    await invitee.getByLabel('Mot de passe', { exact: true }).fill(password);
    await invitee.getByLabel('Confirmer le mot de passe').fill(password);
    await invitee.getByRole('button', { name: 'Créer mon compte' }).click();
    await invitee.getByRole('heading', { level: 1, name: 'Vérifiez votre messagerie' }).waitFor();
    await openMailLink(invitee, email, 'verification-email?token=');
    await invitee.getByText('Votre adresse e-mail est confirmée').waitFor();
  });

  it('opens the invitation, signs in on the way, and joins the household', async () => {
    await openMailLink(invitee, email, '/famille/rejoindre?token=');
    // Not signed in yet: the sign-in page keeps the invitation's address to come back to it.
    await invitee.waitForURL(/\/connexion\?retour=%2Ffamille%2Frejoindre%3Ftoken%3D/);
    await invitee.getByLabel('Adresse e-mail').fill(email);
    await invitee.getByLabel('Mot de passe', { exact: true }).fill(password);
    await invitee.getByRole('button', { name: 'Se connecter', exact: true }).click();
    await invitee.getByRole('heading', { level: 1, name: 'Rejoindre un foyer' }).waitFor();
    expect(await invitee.title()).toBe('Rejoindre un foyer — Foyer');
    await checkA11y(invitee, 'rejoindre un foyer');
    await invitee.getByRole('button', { name: 'Rejoindre ce foyer' }).click();
    await invitee.getByRole('heading', { level: 1, name: 'Ma famille' }).waitFor();
    await invitee.getByRole('link', { name: 'Léa Durand' }).waitFor();
    await invitee.getByRole('link', { name: 'Hugo Durand' }).waitFor();
    await checkA11y(invitee, 'famille (second responsable)');
  });

  it('downloads a document of the household', async () => {
    await invitee.goto(`${portal.baseUrl}/famille/documents`);
    const downloaded = invitee.waitForEvent('download');
    await invitee.getByRole('button', { name: 'Télécharger assurance.pdf' }).click();
    expect((await downloaded).suggestedFilename()).toBe('assurance.pdf');
    await checkA11y(invitee, 'documents');
  });

  it('found no accessibility violation on any page visited', () => {
    expect(Object.entries(a11y).filter(([, v]) => v.length > 0)).toEqual([]);
  });

  it('logged no error in the console', () => {
    expect([...parentErrors, ...inviteeErrors]).toEqual([]);
  });
});

import { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { axeViolations, launchBrowser, watchConsole } from './support/browser';
import { signIn } from './support/pages';
import { Portal, startPortal } from './support/portal';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const NARROW = { width: 360, height: 740 };

/** The bytes of a file the page handed to the browser's download. */
async function downloaded(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** How many CSS pixels the page is wider than the screen (0: nothing to scroll sideways). */
async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

describe('journey: what a new user meets (issue 12) — FranceConnect off, forms, narrow screens, agent search', () => {
  let portal: Portal;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const a11y: Record<string, string[]> = {};
  const overflow: Record<string, number> = {};
  const languages: Record<string, string> = {};

  async function open(): Promise<Page> {
    const context = await browser.newContext({ viewport: NARROW });
    contexts.push(context);
    const page = await context.newPage();
    consoleErrors.push(watchConsole(page));
    return page;
  }
  const consoleErrors: string[][] = [];

  /** Visits a page at 360 px: records its sideways overflow and its axe violations. */
  async function visit(page: Page, path: string, name: string): Promise<void> {
    await page.goto(`${portal.baseUrl}${path}`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForLoadState('networkidle');
    overflow[name] = await sidewaysOverflow(page);
    a11y[name] = await axeViolations(page);
    // The browser's own widgets (file inputs…) speak the page's language only if the page says it.
    languages[name] = (await page.getAttribute('html', 'lang')) ?? '';
  }

  beforeAll(async () => {
    [portal, browser] = await Promise.all([startPortal(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
  });

  it('hides the FranceConnect button when FranceConnect is not configured, and never shows JSON', async () => {
    const page = await open();
    await visit(page, '/connexion', 'connexion');
    await page.getByRole('button', { name: 'Se connecter', exact: true }).waitFor();
    expect(await page.getByText('FranceConnect').count()).toBe(0);
    // A bookmarked start link lands on the French sign-in page, saying so.
    await page.goto(`${portal.baseUrl}/api/auth/franceconnect`);
    await page.getByText("FranceConnect n'est pas disponible pour le moment").waitFor();
    expect(new URL(page.url()).pathname).toBe('/connexion');
  });

  it('after sign-up, says only what is true whether or not the address already had an account', async () => {
    const page = await open();
    await visit(page, '/inscription', 'inscription');
    await page.getByLabel('Prénom').fill('Jeanne');
    await page.getByLabel('Nom', { exact: true }).fill('Martin');
    // The demo parent's address: an account exists already, and the page must not say « créé ».
    await page.getByLabel('Adresse e-mail').fill('parent@demo.test');
    await page.getByLabel('Téléphone').fill('0611223344');
    await page.getByLabel('Mot de passe', { exact: true }).fill('Un-mot-de-passe-solide-42');
    await page.getByLabel('Confirmer le mot de passe').fill('Un-mot-de-passe-solide-42');
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await page
      .getByText(
        'Consultez votre messagerie : si cette adresse peut être utilisée, vous y trouverez un lien pour activer votre compte.',
      )
      .waitFor();
    expect(await page.getByText(/compte est créé/).count()).toBe(0);
    expect(await page.getByText(/vient de vous être envoyé/).count()).toBe(0);
  });

  it('the demo parent: no page scrolls sideways at 360 px; a reset form shows no error; documents say which child', async () => {
    const page = await open();
    await signIn(page, portal.baseUrl, 'parent@demo.test', 'Demo-parent-2026!');
    for (const [path, name] of [
      ['/', 'accueil (parent)'],
      ['/famille', 'famille'],
      ['/famille/enfants/nouveau', 'nouvel enfant'],
      ['/famille/quotient', 'quotient'],
      ['/mon-compte', 'mon compte (parent)'],
      ['/accessibilite', 'accessibilité'],
      ['/mentions-legales', 'mentions légales'],
      ['/donnees-personnelles', 'données personnelles'],
    ]) {
      await visit(page, path, name);
    }
    // Material's date picker, in French: « JJ/MM/AAAA » read and written, its buttons in French.
    await page.goto(`${portal.baseUrl}/famille/enfants/nouveau`);
    const birthDate = page.getByLabel('Date de naissance');
    await birthDate.fill('14/05/2019');
    await birthDate.blur();
    expect(await page.getByText('Saisissez une date', { exact: false }).count()).toBe(0);
    await page.getByRole('button', { name: 'Ouvrir le calendrier' }).click();
    await page.getByRole('dialog').getByText('mai 2019').waitFor();
    a11y['calendrier'] = await axeViolations(page);
    await page.keyboard.press('Escape');
    expect(await birthDate.inputValue()).toBe('14/05/2019');

    const child = page.getByRole('link', { name: /Léa|Hugo/ }).first();
    await page.goto(`${portal.baseUrl}/famille`);
    await child.waitFor();
    const childHref = await child.getAttribute('href');
    await visit(page, childHref as string, 'fiche enfant');

    await visit(page, '/famille/documents', 'documents');
    await page.getByRole('combobox', { name: 'Type de document' }).click();
    await page.getByRole('option', { name: "Attestation d'assurance" }).click();
    await page.getByRole('combobox', { name: 'Concerne' }).click();
    const childOption = page.getByRole('option').nth(1);
    const childName = (await childOption.textContent())?.trim() as string;
    await childOption.click();
    await page.locator('input[type=file]').setInputFiles({
      name: 'assurance.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await page.getByRole('button', { name: 'Envoyer le document' }).click();
    await page.getByText('Document « assurance.pdf » déposé.').waitFor();
    // The form is empty again, and says nothing is wrong with it.
    expect(await page.getByText('Ce champ est obligatoire.').count()).toBe(0);
    expect(await page.locator('[aria-invalid="true"]').count()).toBe(0);
    // The stacked card of the new document says which child it concerns, and keeps its state and button.
    const row = page.getByRole('row').filter({ hasText: 'assurance.pdf' });
    await row.getByText(childName).waitFor();
    await row.getByText('Valide').waitFor();
    expect(await row.getByRole('button', { name: /Télécharger/ }).isVisible()).toBe(true);
    overflow['documents (avec un document)'] = await sidewaysOverflow(page);
    a11y['documents (avec un document)'] = await axeViolations(page);

    // The quotient form resets after a declaration without turning its emptied fields red.
    await page.goto(`${portal.baseUrl}/famille/quotient`);
    await page.getByLabel("Numéro d'allocataire CAF").fill('1234567');
    await page.getByLabel('Quotient familial CAF').fill('640');
    await page.locator('input[type=file]').setInputFiles({
      name: 'attestation-caf.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await page.getByRole('button', { name: 'Déclarer mon quotient familial' }).click();
    await page.getByText('Votre quotient familial a été transmis.', { exact: false }).waitFor();
    expect(await page.getByText('Ce champ est obligatoire.').count()).toBe(0);
    expect(await page.locator('[aria-invalid="true"]').count()).toBe(0);
    overflow['quotient (après déclaration)'] = await sidewaysOverflow(page);
    a11y['quotient (après déclaration)'] = await axeViolations(page);
  });

  it('the agent: no « Ma famille »; a new search drops the stale message and ?q=; nothing scrolls sideways', async () => {
    const page = await open();
    await signIn(page, portal.baseUrl, 'agent@demo.test', 'Demo-agent-2026!');
    expect(await page.locator('#navigation-principale a[href="/famille"]').count()).toBe(0);

    await visit(page, '/agent', 'espace agent');
    await visit(page, '/agent/quotients', 'quotients à valider');
    const card = page.getByRole('article').filter({ hasText: 'Martin' });
    // The attestation the family uploaded opens from the card.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      card.getByRole('button', { name: /Voir le justificatif/ }).click(),
    ]);
    expect((await downloaded(download)).subarray(0, 5).toString()).toBe('%PDF-');
    // A date years back: the web asks for confirmation, then the API refuses it, in French, on the field.
    await card.getByRole('button', { name: 'Valider' }).click();
    await card.getByLabel('Applicable à partir du').fill('2019-01-01');
    await card.getByRole('button', { name: 'Valider' }).last().click();
    await card.getByText('Date passée').waitFor();
    a11y['quotient : confirmation de date passée'] = await axeViolations(page);
    await card.getByRole('button', { name: 'Confirmer et valider' }).click();
    await card
      .getByText(/ne peut pas être antérieure au 01\/11\/2026/)
      .first()
      .waitFor();
    // Today is accepted without a question.
    await card.getByLabel('Applicable à partir du').fill('2027-01-14');
    await card.getByRole('button', { name: 'Valider' }).last().click();
    await card.waitFor({ state: 'detached' });

    await visit(page, '/agent/familles?q=zzzz', 'recherche sans résultat');
    await page.getByText('Aucune famille ne correspond à « zzzz ».').waitFor();
    const field = page.getByRole('searchbox', { name: 'Rechercher une famille' });
    await field.fill('a');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page.getByText('Saisissez au moins 2 caractères.').waitFor();
    expect(await page.getByText(/zzzz/).count()).toBe(0);
    await page.waitForURL((url) => !url.search.includes('q='));

    await field.fill('Martin');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    const family = page
      .getByRole('heading', { level: 2 })
      .getByRole('link', { name: /Martin/ })
      .first();
    await family.waitFor();
    await family.click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    overflow['dossier famille'] = await sidewaysOverflow(page);
    a11y['dossier famille'] = await axeViolations(page);

    // The whole document list, not only what expires: the insurance the parent just deposited.
    const documents = page.locator('section', {
      has: page.getByRole('heading', { name: 'Documents', exact: true }),
    });
    await documents.getByText('assurance.pdf').first().waitFor();
    // An agent with every scope edits on the family's behalf; the history says an agent did it.
    await page.getByRole('button', { name: "Modifier l'adresse" }).click();
    await page.getByLabel('Numéro et rue').fill('8 rue Étienne-Dolet');
    await page.getByRole('button', { name: "Enregistrer l'adresse" }).click();
    await page.getByText('Adresse enregistrée au nom de la famille.').waitFor();
    await page.getByText('8 rue Étienne-Dolet').first().waitFor();
    await page.getByLabel('Prénom du contact').fill('Paul');
    await page.getByLabel('Nom du contact', { exact: true }).fill('Roux');
    await page.getByLabel('Téléphone du contact').fill('06 98 76 54 32');
    await page.getByLabel('Lien avec la famille').fill('voisin');
    await page.getByRole('button', { name: 'Ajouter le contact' }).click();
    await page.getByText('Contact ajouté : Paul Roux.').waitFor();
    expect(await page.getByText('Ce champ est obligatoire.').count()).toBe(0);
    await page.getByRole('button', { name: 'Modifier la fiche de Léa' }).click();
    await page.getByLabel('Allergies (facultatif)').fill('Arachide');
    await page.getByRole('button', { name: 'Enregistrer la fiche' }).click();
    await page.getByText('Fiche de Léa enregistrée au nom de la famille.').waitFor();
    await page.getByText('Arachide').first().waitFor();
    const history = page.locator('section', { has: page.getByRole('heading', { name: 'Historique' }) });
    await history.getByText('Adresse modifiée').first().waitFor();
    await history
      .getByText(/Fiche enfant modifiée — .*par un agent/)
      .first()
      .waitFor();
    await history
      .getByText(/Contact ajouté — .*par un agent/)
      .first()
      .waitFor();
    overflow['dossier famille (après modifications)'] = await sidewaysOverflow(page);
    a11y['dossier famille (après modifications)'] = await axeViolations(page);
    await visit(page, '/mon-compte', 'mon compte (agent)');
  });

  it('the admin: no « Ma famille » either, and no page scrolls sideways', async () => {
    const page = await open();
    await signIn(page, portal.baseUrl, 'admin@demo.test', 'Demo-admin-2026!');
    expect(await page.locator('#navigation-principale a[href="/famille"]').count()).toBe(0);
    await visit(page, '/agent', 'espace agent (admin)');
    await visit(page, '/mon-compte', 'mon compte (admin)');
  });

  it('« Mon compte »: changes the password, downloads the data, asks to close the account', async () => {
    const page = await open();
    await signIn(page, portal.baseUrl, 'parent@demo.test', 'Demo-parent-2026!');
    await page.goto(`${portal.baseUrl}/mon-compte`);
    await page.getByLabel('Mot de passe actuel').first().fill('Demo-parent-2026!');
    await page.getByLabel('Nouveau mot de passe', { exact: true }).fill('Une-nouvelle-phrase-de-passe-2027');
    await page.getByLabel('Confirmer le nouveau mot de passe').fill('Une-nouvelle-phrase-de-passe-2027');
    await page.getByRole('button', { name: 'Changer de mot de passe' }).click();
    await page.getByText('Votre mot de passe a été changé.', { exact: false }).waitFor();
    expect(await page.getByText('Ce champ est obligatoire.').count()).toBe(0);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Télécharger mes données' }).click(),
    ]);
    const data = JSON.parse((await downloaded(download)).toString('utf8'));
    expect(data.household.children.map((c: { firstName: string }) => c.firstName).sort()).toEqual([
      'Hugo',
      'Léa',
    ]);

    await page.getByRole('button', { name: 'Demander la clôture de mon compte' }).click();
    a11y['mon compte : confirmation de clôture'] = await axeViolations(page);
    await page.getByRole('button', { name: 'Confirmer la demande de clôture' }).click();
    await page.getByText('Votre demande de clôture a été transmise à la mairie.', { exact: false }).waitFor();
    overflow['mon compte (après actions)'] = await sidewaysOverflow(page);

    // The old password no longer opens the account; the new one does.
    const other = await open();
    await signIn(other, portal.baseUrl, 'parent@demo.test', 'Une-nouvelle-phrase-de-passe-2027');
  });

  it('every page visited says it is in French', () => {
    expect(Object.entries(languages).filter(([, lang]) => lang !== 'fr')).toEqual([]);
  });

  it('no page visited at 360 px is wider than the screen', () => {
    expect(Object.entries(overflow).filter(([, pixels]) => pixels > 0)).toEqual([]);
    expect(Object.keys(overflow).length).toBeGreaterThanOrEqual(15);
  });

  it('found no accessibility violation on any page visited', () => {
    expect(Object.entries(a11y).filter(([, v]) => v.length > 0)).toEqual([]);
  });

  it('logged no error in the console', () => {
    // The one expected refusal: the effective date of 2019, answered 400 and said on the card.
    expect(consoleErrors.flat().filter((e) => !/status of 400/.test(e))).toEqual([]);
  });
});

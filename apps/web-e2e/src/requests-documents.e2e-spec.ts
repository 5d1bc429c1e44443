import { Browser, Page } from 'playwright-core';
import { axeViolations, launchBrowser, watchConsole } from './support/browser';
import { signIn } from './support/pages';
import { Portal, startPortal } from './support/portal';

/** A small but real PDF: the API checks the content, not only the name. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

describe('journey: on a phone, the demo parent attaches a file to a quotient update, sends it, withdraws it, and ranks crèche wishes with the keyboard', () => {
  let portal: Portal;
  let browser: Browser;
  let page: Page;
  let consoleErrors: string[];
  const a11y: Record<string, string[]> = {};

  beforeAll(async () => {
    [portal, browser] = await Promise.all([startPortal(), launchBrowser()]);
    page = await (await browser.newContext({ viewport: { width: 360, height: 780 } })).newPage();
    consoleErrors = watchConsole(page);
  });
  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
  });

  it('refuses a file of the wrong type in the browser, before sending anything', async () => {
    await signIn(page, portal.baseUrl, 'parent@demo.test', 'Demo-parent-2026!');
    await page.goto(`${portal.baseUrl}/demarches`);
    await page.getByRole('link', { name: 'Mise à jour du quotient familial' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mise à jour du quotient familial' }).waitFor();
    const file = page.getByLabel('Ou : attestation CAF (fichier)');
    await file.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('bonjour') });
    await page
      .getByText('Ce fichier n’est pas accepté : choisissez un PDF, une image JPEG ou PNG.')
      .waitFor();
    expect(await file.getAttribute('aria-invalid')).toBe('true');
    a11y['fichier refusé'] = await axeViolations(page);
  });

  it('uploads a PDF (saving the draft first), checks the numbers and sends the request', async () => {
    await page.getByLabel('Ou : attestation CAF (fichier)').setInputFiles({
      name: 'attestation-caf.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await page.getByText('Fichier joint : attestation-caf.pdf').waitFor();
    await page.getByText(/Brouillon n° D-\d{4}-\d+ enregistré avec votre fichier\./).waitFor();

    await page.getByRole('textbox', { name: /Numéro d’allocataire CAF/ }).fill('12345');
    await page.getByRole('spinbutton', { name: /Quotient familial/ }).fill('640');
    await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
    await page
      .getByRole('link', { name: /Numéro d’allocataire CAF : Le format n'est pas valide\./ })
      .waitFor();
    a11y['formulaire refusé'] = await axeViolations(page);

    await page.getByRole('textbox', { name: /Numéro d’allocataire CAF/ }).fill('1234567');
    await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
    await page.getByText('Votre demande est envoyée. Vous recevrez un message à chaque étape.').waitFor();
    // The answers say the file's name, and the file is among the request's documents.
    await page.locator('foyer-request-answers').getByText('attestation-caf.pdf').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Télécharger attestation-caf.pdf' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('attestation-caf.pdf');
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(PDF)).toBe(true);
    a11y['demande envoyée'] = await axeViolations(page);
  });

  it('withdraws the request after a confirmation', async () => {
    await page.getByRole('button', { name: 'Retirer ma demande…' }).click();
    await page.getByText('une demande retirée ne peut pas être reprise', { exact: false }).waitFor();
    await page.getByRole('textbox', { name: 'Motif (facultatif)' }).fill('Erreur de saisie.');
    a11y['retrait'] = await axeViolations(page);
    await page.getByRole('button', { name: 'Confirmer le retrait' }).click();
    await page.locator('.status-line').getByText('Retirée', { exact: true }).waitFor();
    await page.locator('foyer-request-history').getByText('Erreur de saisie.', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: 'Retirer ma demande…' }).count()).toBe(0);
  });

  it('fills a crèche request’s ranked wish list with the keyboard alone', async () => {
    await page.goto(`${portal.baseUrl}/demarches`);
    await page.getByRole('link', { name: 'Demande de place en crèche' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Demande de place en crèche' }).waitFor();

    /** Opens a Material select from the keyboard and picks the option `downs` below the first. */
    const pick = async (name: string | RegExp, downs: number) => {
      await page.getByRole('combobox', { name }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('listbox').waitFor();
      for (let i = 0; i < downs; i++) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.getByRole('listbox').waitFor({ state: 'detached' });
    };
    await pick(/Enfant concerné/, 0);
    // At least one wish is required: the first rank is there from the start.
    await pick('Choix 1', 0);
    await page.getByRole('button', { name: 'Ajouter un choix' }).focus();
    await page.keyboard.press('Enter');
    await pick('Choix 2', 1);
    await page.getByRole('combobox', { name: 'Choix 1' }).filter({ hasText: 'Crèche Les Lutins' }).waitFor();
    await page.getByRole('combobox', { name: 'Choix 2' }).filter({ hasText: 'Crèche Arc-en-ciel' }).waitFor();
    // The second wish becomes the first.
    await page.getByRole('button', { name: 'Monter le choix 2' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('combobox', { name: 'Choix 1' }).filter({ hasText: 'Crèche Arc-en-ciel' }).waitFor();
    await page.getByRole('combobox', { name: 'Choix 2' }).filter({ hasText: 'Crèche Les Lutins' }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Choix 3' }).count()).toBe(0);
    a11y['liste de vœux'] = await axeViolations(page);

    await page.getByLabel(/Date d’entrée souhaitée/).fill('2027-09-01');
    await page.getByRole('spinbutton', { name: /Jours d’accueil par semaine/ }).focus();
    await page.keyboard.type('4');
    await page.getByRole('button', { name: 'Envoyer ma demande' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Votre demande est envoyée. Vous recevrez un message à chaque étape.').waitFor();
    await page
      .locator('foyer-request-answers')
      .getByText('1. Crèche Arc-en-ciel ; 2. Crèche Les Lutins')
      .waitFor();
  });

  it('has no accessibility violations and no console errors', () => {
    expect(Object.entries(a11y).filter(([, v]) => v.length > 0)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});

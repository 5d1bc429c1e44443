import { Browser, Page } from 'playwright-core';
import { axeViolations, launchBrowser, watchConsole } from './support/browser';
import { signIn } from './support/pages';
import { Portal, startPortal } from './support/portal';

/** « 1 234,50 € » with any of the spaces French typography uses. */
const EUROS = /\d{1,3}(?:[\s\u00a0\u202f]\d{3})*,\d{2}[\s\u00a0\u202f]€/;

describe('journey: the demo parent reads why last month costs what it costs, pays it in the sandbox, and sees it paid', () => {
  let portal: Portal;
  let browser: Browser;
  let parent: Page;
  let consoleErrors: string[];
  const a11y: Record<string, string[]> = {};
  const overflow: Record<string, number> = {};
  let invoiceUrl = '';

  /** At 360 px the page never scrolls sideways, and axe finds nothing. */
  async function check(page: Page, name: string): Promise<void> {
    await page.waitForLoadState('networkidle');
    overflow[name] = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    a11y[name] = await axeViolations(page);
  }

  beforeAll(async () => {
    // The seed bills the demo family for December 2026 (unpaid) and November 2026 (paid).
    [portal, browser] = await Promise.all([
      startPortal({ now: '2027-01-14T08:30:00+01:00' }),
      launchBrowser(),
    ]);
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    parent = await context.newPage();
    consoleErrors = watchConsole(parent);
  });
  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
  });

  it('lists the invoices with their state in words', async () => {
    await signIn(parent, portal.baseUrl, 'parent@demo.test', 'Demo-parent-2026!');
    await parent.getByRole('button', { name: 'Menu' }).click();
    await parent
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Factures' })
      .click();
    await parent.getByRole('heading', { level: 1, name: 'Mes factures' }).waitFor();
    const december = parent.getByRole('row').filter({ hasText: 'Décembre 2026' });
    const november = parent.getByRole('row').filter({ hasText: 'Novembre 2026' });
    await december.getByText('À payer', { exact: true }).waitFor();
    await november.getByText('Payée', { exact: true }).waitFor();
    expect(await december.textContent()).toMatch(EUROS);
    await parent.getByText(/1 facture à payer/).waitFor();
    await check(parent, 'mes factures');
  });

  it("opens last month's invoice and reads each line's explanation, grouped by child and activity", async () => {
    const december = parent.getByRole('row').filter({ hasText: 'Décembre 2026' });
    await december.getByRole('link', { name: /^F-\d{4}-\d{6}$/ }).click();
    await parent.getByRole('heading', { level: 1, name: /^Facture F-\d{4}-\d{6}$/ }).waitFor();
    invoiceUrl = parent.url();
    await parent.getByText('Activités de décembre 2026.').waitFor();
    await parent.getByRole('heading', { level: 2, name: 'Le détail de votre facture' }).waitFor();
    // The lines say how they were computed: quantity x price, the bracket and the QF used…
    await parent
      .getByRole('cell', { name: /\d+ \S+ x \d+,\d{2}\s€ \(.*QF/ })
      .first()
      .waitFor();
    // …the late-booking surcharge and the justified absence the seed put there.
    await parent
      .getByRole('cell', { name: /majoration|tardive/i })
      .first()
      .waitFor();
    await parent
      .getByRole('cell', { name: /absence justifiée/i })
      .first()
      .waitFor();
    // Grouped: a heading per child, a table per activity with its subtotal.
    expect(await parent.locator('foyer-invoice-lines h3').count()).toBeGreaterThan(0);
    await parent
      .getByRole('rowheader', { name: /^Sous-total / })
      .first()
      .waitFor();
    await parent.getByText('À payer', { exact: true }).first().waitFor();
    await check(parent, 'facture à payer');
  });

  it('downloads the invoice as a PDF', async () => {
    const [download] = await Promise.all([
      parent.waitForEvent('download'),
      parent.getByRole('button', { name: 'Télécharger la facture (PDF)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^facture-F-\d{4}-\d{6}\.pdf$/);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('goes to the sandbox bank, refuses, and comes back told that nothing was debited', async () => {
    await parent.getByRole('button', { name: /^Payer en ligne/ }).click();
    // The sandbox page the portal serves plays the bank.
    await parent.getByRole('heading', { level: 1, name: 'Banque d’essai' }).waitFor();
    await check(parent, 'banque d’essai');
    await parent.getByRole('button', { name: 'Refuser le paiement', exact: true }).click();
    await parent.waitForURL(
      (url) => url.pathname.startsWith('/factures/') && url.search.includes('paiement='),
    );
    await parent.getByText('Paiement refusé', { exact: false }).waitFor({ timeout: 60_000 });
    await parent.getByText(/Aucune somme n’a été prélevée/).waitFor();
    await check(parent, 'paiement refusé');
  });

  it('pays in the sandbox and comes back to see the payment confirmed, then the invoice paid', async () => {
    await parent.getByRole('button', { name: /^Payer en ligne/ }).click();
    await parent.getByRole('heading', { level: 1, name: 'Banque d’essai' }).waitFor();
    await parent.getByRole('button', { name: 'Payer', exact: true }).click();
    await parent.waitForURL(
      (url) => url.pathname.startsWith('/factures/') && url.search.includes('paiement='),
    );
    await parent.getByRole('heading', { level: 1, name: /^Facture F-/ }).waitFor();
    // « Paiement en cours de confirmation » may show first, until the bank's notification arrives.
    await parent.getByText('Paiement accepté', { exact: false }).waitFor({ timeout: 60_000 });
    await parent.locator('dl.facts').getByText('Payée', { exact: true }).waitFor({ timeout: 30_000 });
    expect(await parent.getByRole('button', { name: /^Payer en ligne/ }).count()).toBe(0);
    await parent.getByRole('button', { name: 'Attestation de paiement (PDF)' }).waitFor();
    await check(parent, 'facture payée');
  });

  it('shows the invoice paid in the list and the payment in the family account', async () => {
    await parent.goto(`${portal.baseUrl}/factures`);
    const december = parent.getByRole('row').filter({ hasText: 'Décembre 2026' });
    await december.getByText('Payée', { exact: true }).waitFor();
    await parent.getByText(/aucune à payer/).waitFor();
    await parent.getByRole('link', { name: /Mon compte famille/ }).click();
    await parent.getByRole('heading', { level: 1, name: 'Mon compte famille' }).waitFor();
    // The payment is in the ledger, and the balance says nothing is due.
    await parent
      .getByRole('cell', { name: /Paiement en ligne/ })
      .first()
      .waitFor();
    await parent.getByText('Aucune somme due', { exact: true }).waitFor();
    await check(parent, 'mon compte famille');
  });

  it("reaches the invoice's download button with the keyboard alone", async () => {
    await parent.goto(invoiceUrl);
    await parent.getByRole('heading', { level: 1, name: /^Facture F-/ }).waitFor();
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await parent.keyboard.press('Tab');
      reached = await parent.evaluate(
        () => document.activeElement?.textContent?.trim() === 'Télécharger la facture (PDF)',
      );
    }
    expect(reached).toBe(true);
  });

  it('opens the direct-debit page and its mandate form', async () => {
    await parent.goto(`${portal.baseUrl}/factures/prelevement`);
    await parent.getByRole('heading', { level: 1, name: 'Prélèvement automatique' }).waitFor();
    await parent.getByRole('button', { name: 'Signer le mandat' }).click();
    await parent.getByText('Le mandat ne peut pas être signé').waitFor();
    await parent.getByLabel('IBAN').fill('FR76 3000 6000 0112 3456 7890 188');
    await parent.getByLabel('IBAN').blur();
    await parent.getByText(/Cet IBAN n'est pas valide/).waitFor();
    await check(parent, 'prélèvement');
  });

  it('signs a mandate with a valid IBAN, sees it active, then revokes it after confirming', async () => {
    await parent.getByLabel('Titulaire du compte').fill('Camille Martin');
    await parent.getByLabel('IBAN').fill('FR76 3000 6000 0112 3456 7890 189');
    await parent.getByRole('checkbox', { name: /J'autorise la ville/ }).check();
    await parent.getByRole('button', { name: 'Signer le mandat' }).click();
    await parent.getByText(/^Mandat \S+ signé\./).waitFor();
    await parent.getByText('Actif', { exact: true }).waitFor();
    await parent.getByText(/FR76 \*{4}/).waitFor();
    await check(parent, 'mandat actif');
    await parent.getByRole('button', { name: 'Révoquer le mandat' }).click();
    await parent.getByRole('button', { name: 'Confirmer la révocation' }).click();
    await parent.getByText(/^Mandat révoqué\./).waitFor();
    await parent.getByRole('button', { name: 'Signer le mandat' }).waitFor();
  });

  it('met no accessibility violation, no sideways scrolling and no console error on the way', () => {
    expect(a11y).toEqual(Object.fromEntries(Object.keys(a11y).map((name) => [name, []])));
    expect(overflow).toEqual(Object.fromEntries(Object.keys(overflow).map((name) => [name, 0])));
    expect(consoleErrors).toEqual([]);
  });
});

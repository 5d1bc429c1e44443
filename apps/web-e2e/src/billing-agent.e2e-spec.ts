import { Browser, Page } from 'playwright-core';
import { axeViolations, launchBrowser, watchConsole } from './support/browser';
import { signIn } from './support/pages';
import { Portal, startPortal } from './support/portal';

describe('journey: a billing agent drafts and finalizes a month, takes a payment at the counter, exports; the admin reads the tariffs', () => {
  let portal: Portal;
  let browser: Browser;
  let agent: Page;
  let consoleErrors: string[];
  const a11y: Record<string, string[]> = {};
  const overflow: Record<string, number> = {};

  async function check(page: Page, name: string): Promise<void> {
    await page.waitForLoadState('networkidle');
    overflow[name] = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    a11y[name] = await axeViolations(page);
  }

  async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([page.waitForEvent('download'), click()]);
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
  }

  beforeAll(async () => {
    [portal, browser] = await Promise.all([
      startPortal({ now: '2027-01-14T08:30:00+01:00' }),
      launchBrowser(),
    ]);
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    agent = await context.newPage();
    consoleErrors = watchConsole(agent);
  });
  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
  });

  it('finds the billing tools on the agents’ home', async () => {
    await signIn(agent, portal.baseUrl, 'agent@demo.test', 'Demo-agent-2026!');
    await agent.goto(`${portal.baseUrl}/agent`);
    for (const tool of [
      'Campagnes de facturation',
      'Paiements au guichet',
      'Relances',
      'Exports comptables',
    ]) {
      await agent.getByRole('link', { name: tool }).waitFor();
    }
    await check(agent, 'espace agent');
  });

  it('drafts the current month: the days whose attendance is not taken yet block it', async () => {
    await agent.getByRole('link', { name: 'Campagnes de facturation' }).click();
    await agent.getByRole('heading', { level: 1, name: 'Campagnes de facturation' }).waitFor();
    await check(agent, 'campagnes');
    await agent.getByRole('combobox', { name: 'Mois à facturer' }).click();
    await agent.getByRole('option', { name: 'Janvier 2027' }).click();
    await agent.getByRole('button', { name: 'Calculer le brouillon' }).click();
    await agent.getByRole('heading', { level: 1, name: 'Campagne de janvier 2027' }).waitFor();
    await agent.getByText('Brouillon', { exact: true }).waitFor();
    await agent.getByRole('heading', { level: 2, name: 'Blocages' }).waitFor();
    // The seed's January days before today have bookings whose attendance nobody took.
    await agent.getByText(/Levez-les/).waitFor();
    expect(await agent.locator('ul.blockers li').count()).toBeGreaterThan(0);
    await check(agent, 'campagne brouillon');
    await agent.getByRole('button', { name: 'Recalculer le brouillon' }).click();
    await agent.getByText(/^Brouillon recalculé/).waitFor();
  });

  it('asks for a confirmation before finalizing, and cancelling changes nothing', async () => {
    await agent.getByRole('button', { name: 'Émettre les factures…' }).click();
    await agent.getByText(/Confirmez l'émission/).waitFor();
    await check(agent, 'confirmation de l’émission');
    await agent.getByRole('button', { name: 'Annuler', exact: true }).click();
    await agent.getByText('Brouillon', { exact: true }).waitFor();
    expect(await agent.getByText(/Confirmez l'émission/).count()).toBe(0);
  });

  it('finalizes once the agent accepts to bill the days not pointed as booked', async () => {
    await agent.getByRole('button', { name: 'Émettre les factures…' }).click();
    const confirm = agent.getByRole('button', { name: "Confirmer l'émission des factures" });
    expect(await confirm.isDisabled()).toBe(true);
    await agent.getByRole('checkbox', { name: /Émettre malgré les \d+ blocages/ }).check();
    await confirm.click();
    await agent.getByText(/^Factures de janvier 2027 émises : \d+\./).waitFor({ timeout: 60_000 });
    await agent.getByText('Factures émises', { exact: true }).first().waitFor();
    expect(await agent.getByRole('button', { name: 'Émettre les factures…' }).count()).toBe(0);
    await check(agent, 'campagne émise');
  });

  it('records a cheque at the counter for the demo family', async () => {
    await agent.goto(`${portal.baseUrl}/agent/facturation/guichet`);
    await agent.getByRole('heading', { level: 1, name: 'Paiements au guichet' }).waitFor();
    await agent.getByLabel('Nom, e-mail ou téléphone').fill('Martin');
    await agent.getByRole('button', { name: 'Rechercher' }).click();
    await agent
      .getByRole('button', { name: /Martin/ })
      .first()
      .click();
    await agent.getByRole('heading', { level: 2, name: /Enregistrer le paiement/ }).waitFor();
    await check(agent, 'guichet');
    // Cash above 300 € is refused before anything is sent.
    await agent.getByRole('combobox', { name: 'Moyen de paiement' }).click();
    await agent.getByRole('option', { name: 'Espèces', exact: true }).click();
    await agent.getByLabel('Montant en euros').fill('300,01');
    await agent.getByLabel('Numéro de reçu').fill('Q-2027-0042');
    await agent.getByRole('button', { name: 'Enregistrer le paiement' }).click();
    await agent
      .getByText(/En espèces, au plus 300,00/)
      .first()
      .waitFor();
    await agent.getByRole('combobox', { name: 'Moyen de paiement' }).click();
    await agent.getByRole('option', { name: 'Chèque', exact: true }).click();
    await agent.getByLabel('Montant en euros').fill('10');
    await agent.getByLabel('Référence (facultatif)').fill('Chèque 1234567');
    await agent.getByRole('button', { name: 'Enregistrer le paiement' }).click();
    await agent.getByText(/^Paiement de 10,00\s€ \(Chèque\) enregistré/).waitFor();
  });

  it('downloads the treasury CSV of the period', async () => {
    await agent.goto(`${portal.baseUrl}/agent/facturation/exports`);
    await agent.getByRole('heading', { level: 1, name: 'Exports comptables' }).waitFor();
    await check(agent, 'exports');
    const csv = await downloaded(agent, () =>
      agent.getByRole('button', { name: 'Télécharger le CSV' }).click(),
    );
    expect(csv.name).toBe('tresorerie-2026-12-01-2026-12-31.csv');
    expect(csv.text.split(/\r?\n/).length).toBeGreaterThan(1);
  });

  it("reads a family's overdue invoices and account on the reminders page", async () => {
    await agent.goto(`${portal.baseUrl}/agent/facturation/relances`);
    await agent.getByRole('heading', { level: 1, name: 'Relances' }).waitFor();
    await agent.getByLabel('Nom, e-mail ou téléphone').fill('Martin');
    await agent.getByRole('button', { name: 'Rechercher' }).click();
    await agent
      .getByRole('button', { name: /Martin/ })
      .first()
      .click();
    await agent
      .getByText(/impayée.* après (son )?échéance/)
      .first()
      .waitFor();
    await agent.getByText(/^Solde : /).waitFor();
    await check(agent, 'relances');
  });

  it('opens an invoice from the account and corrects it with a credit note', async () => {
    await agent
      .getByRole('link', { name: /^Facture F-\d{4}-\d{6}/ })
      .first()
      .click();
    await agent.getByRole('heading', { level: 1, name: /^Facture F-\d{4}-\d{6}$/ }).waitFor();
    await agent.getByRole('button', { name: "Émettre l'avoir" }).click();
    await agent.getByText("L'avoir n'est pas émis").waitFor();
    await agent.getByLabel("Montant de l'avoir en euros").fill('1,00');
    await agent.getByLabel('Motif').fill('Repas du 18 compté à tort : absence justifiée après coup.');
    await agent.getByRole('button', { name: "Émettre l'avoir" }).click();
    await agent.getByText(/^Avoir \S+ de 1,00\s€ émis sur la facture F-/).waitFor();
    await agent
      .getByText(/Repas du 18 compté à tort/)
      .first()
      .waitFor();
    await check(agent, 'facture (agent) avec avoir');
  });

  it('reads and edits the tariffs (scope facturation)', async () => {
    await agent.goto(`${portal.baseUrl}/admin/tarifs`);
    await agent.getByRole('heading', { level: 1, name: 'Tarifs' }).waitFor();
    await agent
      .getByRole('cell', { name: /tranches? de QF/ })
      .first()
      .waitFor();
    await check(agent, 'tarifs');
    await agent
      .getByRole('button', { name: /^Modifier/ })
      .first()
      .click();
    await agent.getByRole('heading', { level: 2, name: /^Modifier le tarif de / }).waitFor();
    await agent.getByLabel('Prix en euros, tranche 1').fill('abc');
    await agent.getByRole('button', { name: 'Enregistrer le tarif' }).click();
    await agent.getByText(/Tranche .* : saisissez un montant/).waitFor();
    await check(agent, 'tarif en modification');
  });

  it('met no accessibility violation, no sideways scrolling and no console error on the way', () => {
    expect(a11y).toEqual(Object.fromEntries(Object.keys(a11y).map((name) => [name, []])));
    expect(overflow).toEqual(Object.fromEntries(Object.keys(overflow).map((name) => [name, 0])));
    expect(consoleErrors).toEqual([]);
  });
});

import { mkdirSync, writeFileSync } from 'node:fs';
import { Browser, Locator, Page } from 'playwright-core';
import { axeViolations, launchBrowser, watchConsole } from './support/browser';
import { FocusStop, focusStop, hasFocus, tabTo } from './support/keyboard';
import { Portal, startPortal } from './support/portal';

/**
 * The core tasks done with the keyboard alone (issue 11, evidence for the RGAA audit): Tab, Shift+Tab,
 * Enter, Space, the arrow keys and typing; never a click, a fill or a check. Every element the focus
 * lands on must show it (support/keyboard.ts), and every page reached passes axe.
 *
 * The portal's clock: Thursday 14 January 2027, 08:30 (Paris); « next week » is 18 to 22 January.
 */
describe('journey: the core tasks with the keyboard alone, the focus visible at every step', () => {
  let portal: Portal;
  let browser: Browser;
  const a11y: Record<string, string[]> = {};
  const consoleErrors: string[] = [];
  /** Every focus stop met, across the journeys: all of them showed the focus (tabTo checks each). */
  const stops: (FocusStop & { path: string })[] = [];

  async function checkA11y(page: Page, name: string): Promise<void> {
    await page.waitForLoadState('networkidle');
    a11y[name] = await axeViolations(page);
    // Said at once, so a journey run alone (-t) fails on it too.
    expect({ [name]: a11y[name] }).toEqual({ [name]: [] });
  }

  async function tab(page: Page, target: Locator, max = 40, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
    const path = new URL(page.url()).pathname;
    stops.push(...(await tabTo(page, target, { max, key })).map((stop) => ({ ...stop, path })));
  }

  /** `expected`: console errors the journey causes on purpose, each expected exactly once. */
  async function newPage(width = 1280, height = 900, expected: RegExp[] = []): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    const errors = watchConsole(page);
    page.on('close', () => {
      for (const pattern of expected) {
        const found = errors.findIndex((error) => pattern.test(error));
        if (found < 0) consoleErrors.push(`expected, not met: ${pattern}`);
        else errors.splice(found, 1);
      }
      consoleErrors.push(...errors);
    });
    return page;
  }

  /**
   * After a link or a button took the keyboard user to another page: the focus moves to the page's
   * content (the shell focuses <main>), so the next Tab goes on from there and not from the top.
   */
  async function focusMovedToContent(page: Page): Promise<void> {
    await page.waitForFunction(() => document.activeElement?.closest('main#contenu') !== null, undefined, {
      timeout: 10_000,
    });
  }

  /** From the sign-in page: e-mail, password, « Se connecter », all by Tab and typing. */
  async function signInByKeyboard(page: Page, email: string, password: string): Promise<void> {
    await page.goto(`${portal.baseUrl}/connexion`);
    await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
    await tab(page, page.getByLabel('Adresse e-mail'));
    await page.keyboard.type(email);
    await tab(page, page.getByLabel('Mot de passe', { exact: true }), 2);
    await page.keyboard.type(password);
    await tab(page, page.getByRole('button', { name: 'Se connecter', exact: true }), 5);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /Bonjour/ }).waitFor();
    await focusMovedToContent(page);
  }

  /**
   * A Material select that has the focus: opens it with Enter, moves with ArrowDown to the option
   * named `name` (the active option is the combobox's aria-activedescendant), and chooses it with Enter.
   */
  async function chooseOption(page: Page, combobox: Locator, name: string | RegExp): Promise<void> {
    expect(await hasFocus(combobox)).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('listbox').waitFor();
    const matches = (text: string) => (typeof name === 'string' ? text === name : name.test(text));
    /** The active option's id once it differs from `previous` (null: it did not move within 5 s). */
    const activeAfter = async (previous: string | null): Promise<string | null> => {
      for (const deadline = Date.now() + 5000; Date.now() < deadline;) {
        const id = await combobox.getAttribute('aria-activedescendant');
        if (id && id !== previous) return id;
        await page.waitForTimeout(50);
      }
      return null;
    };
    const seen: string[] = [];
    let id = await activeAfter(null);
    while (id) {
      const active = ((await page.locator(`[id="${id}"]`).textContent()) ?? '').trim();
      seen.push(active);
      if (matches(active)) {
        await page.keyboard.press('Enter');
        await page.getByRole('listbox').waitFor({ state: 'detached' });
        // The focus comes back to the select, which now says the choice.
        expect(await hasFocus(combobox)).toBe(true);
        expect((await combobox.textContent())?.trim()).toBe(active);
        return;
      }
      await page.keyboard.press('ArrowDown');
      // The active option moves after the key; at the last one it stays put.
      id = await activeAfter(id);
    }
    throw new Error(`no option ${name} in the list; met: ${seen.join(' | ')}`);
  }

  beforeAll(async () => {
    [portal, browser] = await Promise.all([startPortal(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
  });

  it('signs in from the home page: the skip link first, then the sign-in link, e-mail, password, submit', async () => {
    // Chromium logs the refused sign-in's answer (401) as an error.
    const page = await newPage(1280, 900, [/status of 401 \(Unauthorized\)/]);
    await page.goto(portal.baseUrl, { waitUntil: 'networkidle' });
    await checkA11y(page, 'accueil');

    // The very first Tab reaches the skip link, which shows its focus; Enter moves the focus to the content.
    await page.keyboard.press('Tab');
    const first = await focusStop(page);
    expect(first.element).toMatch(/^a « Aller au contenu »$/);
    expect(first.indicator).not.toBeNull();
    stops.push({ ...first, path: '/' });
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('contenu');

    // Back up into the header to the sign-in link, and follow it.
    const signInLink = page.getByRole('banner').getByRole('link', { name: 'Se connecter', exact: true });
    await tab(page, signInLink, 15, 'Shift+Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
    await page.waitForURL((url) => url.pathname === '/connexion');
    await focusMovedToContent(page);
    await checkA11y(page, 'connexion');

    await tab(page, page.getByLabel('Adresse e-mail'), 30);
    await page.keyboard.type('parent@demo.test');
    const password = page.getByLabel('Mot de passe', { exact: true });
    await tab(page, password, 2);
    // A mistyped password first: the error is said, and the focus stays where the person was.
    await page.keyboard.type('Demo-parent-2025!');
    const submit = page.getByRole('button', { name: 'Se connecter', exact: true });
    await tab(page, submit, 5);
    await page.keyboard.press('Enter');
    await page
      .getByRole('alert')
      .getByText(/^Erreur :/)
      .waitFor();
    expect((await focusStop(page)).element).toBe('button « Se connecter »');
    await checkA11y(page, 'connexion refusée');
    await tab(page, password, 5, 'Shift+Tab');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('Demo-parent-2026!');
    await tab(page, submit, 5);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /Bonjour Camille/ }).waitFor();
    await focusMovedToContent(page);
    await page
      .getByRole('banner')
      .getByRole('button', { name: /Camille/ })
      .waitFor();
    await checkA11y(page, 'tableau de bord');
    await page.close();
  });

  it('books next Monday’s and Friday’s evening care for Léa, reads it booked, and finds it booked after a reload', async () => {
    const page = await newPage();
    await signInByKeyboard(page, 'parent@demo.test', 'Demo-parent-2026!');
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    await tab(page, nav.getByRole('link', { name: 'Réservations' }), 20);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Réservations' }).waitFor();
    await focusMovedToContent(page);

    // The child: a toggle button, pressed with Space.
    const lea = page.getByRole('button', { name: 'Léa', exact: true });
    await tab(page, lea, 20);
    await page.keyboard.press('Space');
    await page.getByRole('heading', { level: 2, name: 'Léa — janvier 2027' }).waitFor();
    await page.getByRole('button', { name: 'Léa', exact: true, pressed: true }).waitFor();
    await checkA11y(page, 'calendrier');

    // The seed books Léa's evening care on Tuesdays and Thursdays: Monday 18 and Friday 22 are free.
    const labels = await page
      .getByRole('checkbox', { name: /^Réserver .*, lundi 18 janvier$/ })
      .evaluateAll((boxes) => boxes.map((box) => box.getAttribute('aria-label') ?? ''));
    const evening = labels
      .map((label) => label.replace(/^Réserver /, '').replace(/, [^,]+$/, ''))
      .find((name) => /soir|étude/i.test(name));
    if (!evening) throw new Error(`no evening care among: ${labels.join(' | ')}`);
    const days = ['lundi 18 janvier', 'vendredi 22 janvier'];
    const box = (day: string) =>
      page.getByRole('checkbox', { name: `Réserver ${evening}, ${day}`, exact: true });
    for (const day of days) {
      expect(await box(day).isChecked()).toBe(false);
      await tab(page, box(day), 80);
      await page.keyboard.press('Space');
      expect(await box(day).isChecked()).toBe(true);
    }
    await page.getByText('2 modifications à enregistrer.').waitFor();
    await page.getByText('À réserver (non enregistré)').first().waitFor();

    const save = page.getByRole('button', { name: 'Enregistrer', exact: true });
    await tab(page, save, 80);
    await page.keyboard.press('Enter');
    await page.getByText('Enregistré : 2 jours réservés.').waitFor();
    for (const day of days) {
      await page.getByText(`${day}, ${evening} : Réservé`, { exact: true }).waitFor();
    }
    await page.getByText('Aucune modification en attente.').waitFor();
    // The focus was not lost on the way: it is still on the page's controls, not on the body.
    expect((await focusStop(page)).element).not.toBe('body');
    await checkA11y(page, 'calendrier, après enregistrement');

    // Persisted: after a reload, the same days are checked and say « Réservé ».
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Réservations' }).waitFor();
    await page.getByRole('heading', { level: 2, name: /^Léa — janvier 2027$/ }).waitFor();
    for (const day of days) {
      await box(day).waitFor();
      expect(await box(day).isChecked()).toBe(true);
      const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: day }) });
      expect(await row.getByText('Réservé', { exact: true }).count()).toBeGreaterThanOrEqual(2);
    }
    await page.close();
  });

  it('pays the December invoice in the sandbox bank and comes back to it paid', async () => {
    const page = await newPage();
    await signInByKeyboard(page, 'parent@demo.test', 'Demo-parent-2026!');
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    await tab(page, nav.getByRole('link', { name: 'Factures' }), 20);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Mes factures' }).waitFor();
    await focusMovedToContent(page);
    await checkA11y(page, 'mes factures');

    const december = page.getByRole('row').filter({ hasText: 'Décembre 2026' });
    await december.getByText('À payer', { exact: true }).waitFor();
    await tab(page, december.getByRole('link', { name: /^F-\d{4}-\d{6}$/ }), 30);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /^Facture F-\d{4}-\d{6}$/ }).waitFor();
    await focusMovedToContent(page);
    await checkA11y(page, 'facture à payer');

    await tab(page, page.getByRole('button', { name: /^Payer en ligne/ }), 30);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Banque d’essai' }).waitFor();
    await checkA11y(page, 'banque d’essai');
    await tab(page, page.getByRole('button', { name: 'Payer', exact: true }), 10);
    await page.keyboard.press('Enter');

    await page.waitForURL((url) => url.pathname.startsWith('/factures/') && url.search.includes('paiement='));
    await page.getByRole('heading', { level: 1, name: /^Facture F-/ }).waitFor();
    await page.getByText('Paiement accepté', { exact: false }).waitFor({ timeout: 60_000 });
    await page.locator('dl.facts').getByText('Payée', { exact: true }).waitFor({ timeout: 30_000 });
    expect(await page.getByRole('button', { name: /^Payer en ligne/ }).count()).toBe(0);
    await checkA11y(page, 'facture payée');
    // The receipt is reachable from there too.
    await tab(page, page.getByRole('button', { name: 'Attestation de paiement (PDF)' }), 40);
    await page.close();
  });

  it('asks for a payment certificate through a démarche form and reads the confirmation', async () => {
    const page = await newPage();
    await signInByKeyboard(page, 'parent@demo.test', 'Demo-parent-2026!');
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    await tab(page, nav.getByRole('link', { name: 'Démarches' }), 20);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Mes démarches' }).waitFor();
    await focusMovedToContent(page);
    await checkA11y(page, 'mes démarches');

    await tab(page, page.getByRole('link', { name: 'Demande d’attestation' }), 60);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Demande d’attestation' }).waitFor();
    await focusMovedToContent(page);
    await checkA11y(page, 'formulaire d’attestation');

    // A radio group: Tab enters it, the arrow keys choose.
    const payment = page.getByRole('radio', { name: 'Attestation de paiement' });
    await tab(page, page.getByRole('radio', { name: 'Attestation de présence' }), 20);
    await page.keyboard.press('ArrowDown');
    expect(await hasFocus(payment)).toBe(true);
    expect(await payment.isChecked()).toBe(true);

    const year = page.getByRole('spinbutton', { name: /Année/ });
    await tab(page, year, 10);
    await page.keyboard.type('2026');
    await tab(page, page.getByRole('button', { name: 'Envoyer ma demande' }), 10);
    await page.keyboard.press('Enter');
    await page.getByText('Votre demande est envoyée. Vous recevrez un message à chaque étape.').waitFor();
    await page.locator('.status-line').getByText('Envoyée', { exact: true }).waitFor();
    await focusMovedToContent(page);
    await checkA11y(page, 'demande envoyée');
    await page.close();
  });

  it('an agent takes attendance at the school gate, marks Léa present then absent, and hears it said', async () => {
    const page = await newPage(390, 844);
    await signInByKeyboard(page, 'agent@demo.test', 'Demo-agent-2026!');
    // On a phone the navigation hides behind « Menu », a disclosure button.
    const menu = page.getByRole('button', { name: 'Menu', exact: true });
    await tab(page, menu, 20);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Menu', exact: true, expanded: true }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    await tab(page, nav.getByRole('link', { name: 'Espace agent' }), 10);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/agent');
    await focusMovedToContent(page);
    await tab(page, page.getByRole('link', { name: 'Pointage' }), 40);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Pointage' }).waitFor();
    await focusMovedToContent(page);
    // Material opens a select only once it has options: wait for the sites to arrive.
    await page.waitForLoadState('networkidle');
    await checkA11y(page, 'pointage, choix');

    const site = page.getByRole('combobox', { name: 'Site' });
    await tab(page, site, 30);
    await chooseOption(page, site, 'École Jean-Jaurès');
    const activity = page.getByRole('combobox', { name: 'Activité' });
    await tab(page, activity, 3);
    await chooseOption(page, activity, /cantine|restauration/i);
    // The day is the portal's today, Thursday 14 January: the seed booked Léa's canteen that day.
    expect(await page.getByLabel('Jour').inputValue()).toBe('14/01/2027');
    await tab(page, page.getByRole('button', { name: 'Afficher la liste' }), 5);
    await page.keyboard.press('Enter');

    const present = page.getByRole('button', { name: 'Présent : Léa Durand' });
    const absent = page.getByRole('button', { name: 'Absent : Léa Durand', exact: true });
    await tab(page, present, 40);
    expect(await present.getAttribute('aria-pressed')).toBe('false');
    await page.keyboard.press('Space');
    await page.getByText('Léa Durand : présent.').waitFor();
    await page.getByRole('button', { name: 'Présent : Léa Durand', pressed: true }).waitFor();
    const lea = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Léa Durand' }) });
    await lea
      .locator('.mark')
      .getByText(/présent/i)
      .waitFor();
    await page.getByText(/ 1 présents?,/).waitFor();
    // The focus stayed on the button just pressed: the next Tab goes on to « Absent ».
    expect(await hasFocus(present)).toBe(true);
    await checkA11y(page, 'pointage, liste');

    await tab(page, absent, 1);
    await page.keyboard.press('Enter');
    await page.getByText('Léa Durand : absent.').waitFor();
    await page.getByRole('button', { name: 'Absent : Léa Durand', exact: true, pressed: true }).waitFor();
    await page.getByRole('button', { name: 'Présent : Léa Durand', pressed: false }).waitFor();
    expect(await hasFocus(absent)).toBe(true);
    await checkA11y(page, 'pointage, absente');
    await page.close();
  });

  it('the focus check itself fails on a page whose focus does not show', async () => {
    const page = await newPage();
    await page.goto(portal.baseUrl, { waitUntil: 'networkidle' });
    await page.addStyleTag({ content: ':focus-visible { outline: none !important; }' });
    const signInLink = page.getByRole('banner').getByRole('link', { name: 'Se connecter', exact: true });
    await expect(tabTo(page, signInLink, { max: 10 })).rejects.toThrow(
      /^no visible focus on a « Aller au contenu »/,
    );
    await page.close();
  });

  it('met no accessibility violation, no focus without a visible indicator, and no console error', () => {
    expect(a11y).toEqual(Object.fromEntries(Object.keys(a11y).map((name) => [name, []])));
    expect(consoleErrors).toEqual([]);
    expect(stops.length).toBeGreaterThan(50);
    // The focus path, stop by stop with the indicator each showed, for the audit report (tmp/ is ignored by git).
    mkdirSync('tmp', { recursive: true });
    writeFileSync('tmp/keyboard-focus-stops.json', JSON.stringify(stops, null, 2));
    expect(stops.filter((stop) => stop.element !== 'body' && !stop.indicator)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});

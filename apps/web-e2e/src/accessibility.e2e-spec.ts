import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, launchBrowser, watchConsole } from './support/browser';
import { signIn } from './support/pages';
import { Portal, startPortal } from './support/portal';

/**
 * What the statement page must show: the object the generator wrote as JSON into the web app's
 * generated file (read as text: an app does not import a library's files by path).
 */
const RGAA_AUDIT: {
  rate: number;
  nonConforming: number;
  unmet: { number: string; title: string }[];
} = (() => {
  const source = readFileSync(
    join(__dirname, '../../../libs/web/core/src/lib/pages/rgaa-audit.generated.ts'),
    'utf8',
  );
  return JSON.parse(
    source.slice(source.indexOf('RgaaAuditSummary = ') + 'RgaaAuditSummary = '.length).replace(/;\s*$/, ''),
  );
})();

/** What the RGAA asks beyond axe: the statement, focus, error summaries, reflow, zoom, spacing, focus rings. */
describe('journey: accessibility beyond axe (RGAA 4.1 self-audit)', () => {
  let portal: Portal;
  let browser: Browser;
  let page: Page;
  let consoleErrors: string[];

  beforeAll(async () => {
    [portal, browser] = await Promise.all([startPortal(), launchBrowser()]);
    page = await browser.newPage();
    consoleErrors = watchConsole(page);
  });
  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
  });

  it('states the level, the rate and the unmet criteria computed from the audit (axe-clean)', async () => {
    await page.goto(`${portal.baseUrl}/accessibilite`);
    await page.getByRole('heading', { level: 1, name: "Déclaration d'accessibilité" }).waitFor();
    const level = await page.locator('.conformity-level').innerText();
    expect(level).toContain('partiellement conforme');
    const rate = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 }).format(RGAA_AUDIT.rate);
    expect((await page.locator('.conformity-rate').innerText()).replace(/\s/g, ' ')).toBe(`${rate} %`);
    const unmet = page.locator('.unmet-criteria li');
    expect(await unmet.count()).toBe(RGAA_AUDIT.nonConforming);
    expect(RGAA_AUDIT.nonConforming).toBeGreaterThan(0);
    for (const criterion of RGAA_AUDIT.unmet) {
      await expect(unmet.filter({ hasText: `Critère ${criterion.number} :` }).innerText()).resolves.toContain(
        criterion.title,
      );
    }
    await page.getByText(/Défenseur des droits, Libre réponse 71120/).waitFor();
    await expect(
      page.getByRole('link', { name: 'Accessibilité : partiellement conforme', exact: true }).count(),
    ).resolves.toBe(1);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('states it in English for a person who chose English, the French criterion titles marked lang="fr"', async () => {
    const english = await (await browser.newContext()).newPage();
    consoleErrors.push(...watchConsole(english));
    await english.goto(`${portal.baseUrl}/accessibilite`);
    await english.evaluate(() => localStorage.setItem('foyer.locale', 'en'));
    await english.reload();
    await english.getByRole('heading', { level: 1, name: 'Accessibility statement' }).waitFor();
    expect(await english.getAttribute('html', 'lang')).toBe('en');
    expect(await english.locator('.conformity-level').innerText()).toContain('partially compliant');
    const rate = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }).format(RGAA_AUDIT.rate);
    expect((await english.locator('.conformity-rate').innerText()).replace(/\s/g, ' ')).toBe(`${rate} %`);
    const first = english.locator('.unmet-criteria li').first();
    expect(await first.innerText()).toMatch(
      new RegExp(`^Criterion ${RGAA_AUDIT.unmet[0].number.replace('.', '\\.')}:`),
    );
    expect(await first.locator('[lang="fr"]').innerText()).toContain(RGAA_AUDIT.unmet[0].title);
    await english.getByRole('link', { name: 'Accessibility: partially compliant', exact: true }).waitFor();
    expect(await axeViolations(english)).toEqual([]);
    await english.context().close();
  });

  it('summarises a refused sign-in in an alert, focused, whose links lead to the fields', async () => {
    await page.goto(`${portal.baseUrl}/connexion`);
    await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
    await page.getByRole('main').getByRole('button', { name: 'Se connecter', exact: true }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Le formulaire contient 2 erreurs' });
    await summary.waitFor();
    await page.waitForFunction(() => document.activeElement?.classList.contains('form-error-summary'));
    const links = summary.getByRole('link');
    expect(await links.allInnerTexts()).toEqual([
      'Adresse e-mail : Ce champ est obligatoire.',
      'Mot de passe : Ce champ est obligatoire.',
    ]);
    expect(await axeViolations(page)).toEqual([]);

    await links.nth(1).click();
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe(
      'password',
    );
    expect(page.url()).toBe(`${portal.baseUrl}/connexion`);

    // Corrected in part: the summary follows, with one error left.
    await page.getByLabel('Adresse e-mail').fill('parent@demo.test');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'Le formulaire contient 1 erreur' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.classList.contains('form-error-summary'));
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe(
      'password',
    );
  });

  it('summarises the errors of the registration form too', async () => {
    await page.goto(`${portal.baseUrl}/inscription`);
    await page.getByRole('heading', { level: 1, name: 'Créer un compte' }).waitFor();
    await page.getByLabel('Prénom').fill('Alex');
    await page.getByRole('main').locator('button[type=submit]').click();
    const summary = page.locator('.form-error-summary');
    await summary.getByText(/^Le formulaire contient \d+ erreurs$/).waitFor();
    await page.waitForFunction(() => document.activeElement?.classList.contains('form-error-summary'));
    const first = summary.getByRole('link').first();
    expect(await first.innerText()).toMatch(/^Nom : /);
    await first.click();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('formcontrolname'))).toBe(
      'lastName',
    );
    expect(await axeViolations(page)).toEqual([]);
  });

  it('offers a site map from the footer of every page, listing what the person may open', async () => {
    await page.goto(`${portal.baseUrl}/mentions-legales`);
    await page.getByRole('contentinfo').getByRole('link', { name: 'Plan du site' }).click();
    await page.getByRole('heading', { level: 1, name: 'Plan du site' }).waitFor();
    const main = page.getByRole('main');
    for (const name of [
      'Accueil',
      'Se connecter',
      'Réservations',
      'Factures',
      'Démarches',
      'Accessibilité',
    ]) {
      await expect(main.getByRole('link', { name, exact: true }).count()).resolves.toBe(1);
    }
    // A visitor is no agent: no agent area listed.
    await expect(main.getByRole('heading', { name: 'Espace agent' }).count()).resolves.toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('moves the focus to the new page heading after a menu link, not on the first load', async () => {
    await page.goto(portal.baseUrl);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);

    await signIn(page, portal.baseUrl, 'parent@demo.test', 'Demo-parent-2026!');
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    await nav.getByRole('link', { name: 'Factures' }).click();
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(
      await page.getByRole('main').locator('h1').innerText(),
    );
    expect(await page.evaluate(() => location.pathname)).toBe('/factures');

    // With the keyboard: Enter on a menu link.
    await nav.getByRole('link', { name: 'Démarches' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () => document.activeElement?.tagName === 'H1' && location.pathname === '/demarches',
    );
    expect(await page.evaluate(() => document.activeElement?.getAttribute('tabindex'))).toBe('-1');
  });

  it('shows a visible focus on every link, button and field reached with Tab', async () => {
    const unseen: string[] = [];
    for (const path of ['/connexion', '/reservations']) {
      await page.goto(`${portal.baseUrl}${path}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForLoadState('networkidle');
      const kinds = new Set<string>();
      for (let step = 0; step < 40; step++) {
        await page.keyboard.press('Tab');
        const focus = await page.evaluate(focusIndicator);
        if (!focus) break;
        kinds.add(focus.kind);
        if (!focus.visible) unseen.push(`${path}: ${focus.kind} « ${focus.name} »`);
      }
      expect([...kinds].sort()).toEqual(expect.arrayContaining(['button', 'link']));
      if (path === '/connexion') expect(kinds.has('field')).toBe(true);
    }
    expect(unseen).toEqual([]);
  });

  describe.each([
    ['a 320 px wide phone', { viewport: { width: 320, height: 640 } }],
    ['a 1280 px window zoomed to 200 %', { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 }],
  ])('on %s', (_name, options) => {
    let context: BrowserContext;
    let narrow: Page;
    beforeAll(async () => {
      context = await browser.newContext(options);
      narrow = await context.newPage();
      consoleErrors.push(...watchConsole(narrow));
    });
    afterAll(async () => context?.close());

    it('shows home, sign in, calendar, invoices and requests without horizontal scroll, heading in view', async () => {
      const problems: string[] = [];
      const visit = async (path: string) => {
        await narrow.goto(`${portal.baseUrl}${path}`);
        await narrow.getByRole('main').locator('h1').first().waitFor();
        await narrow.waitForLoadState('networkidle');
        problems.push(...(await narrow.evaluate(reflowProblems)).map((problem) => `${path}: ${problem}`));
      };
      await visit('/');
      await visit('/connexion');
      await signIn(narrow, portal.baseUrl, 'parent@demo.test', 'Demo-parent-2026!');
      for (const path of ['/reservations', '/factures', '/demarches']) await visit(path);
      expect(problems).toEqual([]);
    });
  });

  it('keeps the content with WCAG text spacing (line height, paragraph, letter and word spacing)', async () => {
    const problems: string[] = [];
    // A fresh context: the shared page signed in earlier, and Chromium may fill the sign-in form
    // from that (floating its labels), which is not the page a visitor with a spacing style sees.
    const fresh = await browser.newContext();
    const visitor = await fresh.newPage();
    try {
      for (const path of ['/', '/connexion', '/accessibilite']) {
        await visitor.goto(`${portal.baseUrl}${path}`);
        await visitor.getByRole('main').locator('h1').first().waitFor();
        await visitor.addStyleTag({
          content: `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
          p { margin-bottom: 2em !important; }`,
        });
        problems.push(...(await visitor.evaluate(reflowProblems)).map((problem) => `${path}: ${problem}`));
      }
    } finally {
      await fresh.close();
    }
    expect(problems).toEqual([]);
  });

  it('logs no error in the console', () => {
    expect(consoleErrors).toEqual([]);
  });
});

/** Runs in the page: horizontal scroll, a main heading out of view, text cut by its box. */
function reflowProblems(): string[] {
  const problems: string[] = [];
  const width = window.innerWidth;
  if (document.documentElement.scrollWidth > width + 1)
    problems.push(`scrolls sideways (${document.documentElement.scrollWidth} px for ${width} px)`);
  const heading = document.querySelector('main h1');
  const box = heading?.getBoundingClientRect();
  if (!heading || !box || box.width === 0 || box.left < 0 || box.right > width + 1)
    problems.push(`heading not in view (${box?.left}–${box?.right} for ${width} px)`);
  // Text cut by a box too small for it (a fixed height or width with hidden overflow).
  for (const element of Array.from(document.querySelectorAll<HTMLElement>('main *, header *, footer *'))) {
    const style = getComputedStyle(element);
    if (style.overflowX !== 'hidden' && style.overflowY !== 'hidden') continue;
    if (
      element.classList.contains('visually-hidden') ||
      element.closest('.visually-hidden, .cdk-visually-hidden')
    )
      continue;
    if (!element.innerText?.trim() || element.offsetParent === null) continue;
    // Hidden on purpose for sight, kept for screen readers (clip, clip-path, a 1 px box).
    if (style.clip !== 'auto' || style.clipPath !== 'none' || element.clientWidth <= 1) continue;
    if (element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1)
      problems.push(`text cut in <${element.tagName.toLowerCase()} class="${element.className}">`);
  }
  return problems;
}

/**
 * Runs in the page: the focused element and whether a person sees where the focus is: an outline,
 * a box shadow, Material's focus ring (::before of .mat-focus-indicator), or the thick outline of a
 * focused Material field.
 */
function focusIndicator(): { kind: string; name: string; visible: boolean } | null {
  const element = document.activeElement as HTMLElement | null;
  if (!element || element === document.body) return null;
  const tag = element.tagName.toLowerCase();
  const kind =
    tag === 'a'
      ? 'link'
      : tag === 'button' || element.getAttribute('role') === 'button'
        ? 'button'
        : ['input', 'select', 'textarea'].includes(tag) || element.getAttribute('role') === 'combobox'
          ? 'field'
          : tag;
  const name = (element.getAttribute('aria-label') || element.textContent || tag).trim().slice(0, 40);
  const style = getComputedStyle(element);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  const shadow = style.boxShadow !== 'none';
  // Material's strong focus indicator: a ring drawn by ::before of the button or of its inner span.
  const indicator = element.matches('.mat-focus-indicator')
    ? element
    : element.querySelector(':scope > .mat-focus-indicator');
  const before = indicator ? getComputedStyle(indicator, '::before') : null;
  const ring =
    !!before &&
    before.content !== 'none' &&
    before.display !== 'none' &&
    parseFloat(before.borderTopWidth) >= 2 &&
    before.borderTopStyle !== 'none';
  const formField = element.closest('mat-form-field');
  const field =
    !!formField &&
    formField.classList.contains('mat-focused') &&
    parseFloat(
      getComputedStyle(formField.querySelector('.mdc-notched-outline__leading') ?? formField).borderTopWidth,
    ) >= 2;
  return { kind, name, visible: outline || shadow || ring || field };
}

import { Browser, Page } from 'playwright-core';
import { axeViolations, launchBrowser, watchConsole } from './support/browser';
import { signIn } from './support/pages';
import { Portal, startPortal } from './support/portal';

describe('journey: the city publishes an announcement, visitors and families read it on the home page', () => {
  let portal: Portal;
  let browser: Browser;
  let visitor: Page;
  let admin: Page;
  let consoleErrors: string[][] = [];
  const a11y: Record<string, string[]> = {};
  const overflow: Record<string, number> = {};

  /** At 360 px: the page never scrolls sideways; and axe finds nothing. */
  async function check(page: Page, name: string): Promise<void> {
    await page.waitForLoadState('networkidle');
    overflow[name] = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    a11y[name] = await axeViolations(page);
  }

  beforeAll(async () => {
    [portal, browser] = await Promise.all([startPortal(), launchBrowser()]);
    const phone = { viewport: { width: 360, height: 740 } };
    visitor = await (await browser.newContext(phone)).newPage();
    admin = await (await browser.newContext(phone)).newPage();
    consoleErrors = [watchConsole(visitor), watchConsole(admin)];
  });
  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
  });

  const news = (page: Page) => page.getByRole('region', { name: 'Actualités de la ville' });

  it('shows a visitor the announcements for everyone only, links as links', async () => {
    await visitor.goto(portal.baseUrl);
    await news(visitor)
      .getByRole('heading', { level: 3, name: /Inscriptions aux vacances d’hiver/ })
      .waitFor();
    expect(await news(visitor).getByText('Important').count()).toBe(1);
    const link = news(visitor).getByRole('link', { name: /foyer-sur-marne\.example\/loisirs\/hiver/ });
    expect(await link.getAttribute('href')).toBe('https://www.foyer-sur-marne.example/loisirs/hiver');
    // Targeted at a school's families: not for visitors.
    expect(await news(visitor).getByText('Travaux au restaurant scolaire Jean Jaurès').count()).toBe(0);
    await check(visitor, 'accueil visiteur');
  });

  it('shows the demo family the announcements targeted at its school and class level', async () => {
    const family = await (await browser.newContext()).newPage();
    await signIn(family, portal.baseUrl, 'parent@demo.test', 'Demo-parent-2026!');
    await news(family).getByRole('heading', { name: 'Travaux au restaurant scolaire Jean Jaurès' }).waitFor();
    await news(family).getByRole('heading', { name: 'Classe découverte des CE2' }).waitFor();
    await check(family, 'accueil famille');
  });

  it('lets the admin publish an announcement from « Annonces », text never read as HTML', async () => {
    await signIn(admin, portal.baseUrl, 'admin@demo.test', 'Demo-admin-2026!');
    await admin.goto(`${portal.baseUrl}/admin`);
    await admin
      .getByRole('navigation', { name: 'Administration' })
      .getByRole('link', { name: 'Annonces' })
      .click();
    await admin.getByRole('heading', { level: 1, name: 'Annonces' }).waitFor();
    await admin.getByRole('heading', { level: 3, name: /Inscriptions aux vacances d’hiver/ }).waitFor();
    await check(admin, 'annonces');
    await admin.getByRole('button', { name: 'Publier l’annonce' }).click();
    await admin.getByText('L’annonce contient des erreurs.').waitFor();
    await admin.getByLabel('Titre').fill('Piscine fermée');
    await admin
      .getByLabel('Texte')
      .fill('La piscine est fermée mardi <b>toute la journée</b>. Horaires : https://ville.example/piscine');
    await admin.getByRole('button', { name: 'Publier l’annonce' }).click();
    await admin.getByText('Annonce « Piscine fermée » publiée.').waitFor();
    await check(admin, 'annonces après publication');

    await visitor.reload();
    const card = news(visitor).getByRole('listitem').filter({ hasText: 'Piscine fermée' });
    await card.waitFor();
    expect(await card.getByText('<b>toute la journée</b>', { exact: false }).count()).toBe(1);
    expect(await card.locator('b').count()).toBe(0);
    expect(await card.getByRole('link', { name: /ville\.example\/piscine/ }).getAttribute('href')).toBe(
      'https://ville.example/piscine',
    );
  });

  it('lets the admin write to the families enrolled in an activity, who then read it', async () => {
    await admin.getByLabel('Titre').fill('Sortie au parc mercredi');
    await admin.getByLabel('Texte').fill('Prévoyez une casquette et une gourde.');
    await admin.getByRole('combobox', { name: 'Destinataires' }).click();
    await admin.getByRole('option', { name: 'Les familles ayant un enfant inscrit à une activité' }).click();
    await admin.getByRole('combobox', { name: 'Activité' }).click();
    await admin.getByRole('option', { name: 'Mercredi au centre de loisirs (journée)' }).click();
    await check(admin, 'annonces pour une activité');
    await admin.getByRole('button', { name: 'Publier l’annonce' }).click();
    await admin.getByText('Annonce « Sortie au parc mercredi » publiée.').waitFor();
    await admin
      .getByRole('listitem')
      .filter({ hasText: 'Sortie au parc mercredi' })
      .getByText(/Familles — inscrits à Mercredi au centre de loisirs \(journée\)/)
      .waitFor();

    // Léa (demo family) is enrolled in it: the family reads it; a visitor does not.
    const family = await (await browser.newContext()).newPage();
    await signIn(family, portal.baseUrl, 'parent@demo.test', 'Demo-parent-2026!');
    await news(family).getByRole('heading', { name: 'Sortie au parc mercredi' }).waitFor();
    await visitor.reload();
    await news(visitor)
      .getByRole('heading', { level: 3, name: /Inscriptions aux vacances d’hiver/ })
      .waitFor();
    expect(await news(visitor).getByText('Sortie au parc mercredi').count()).toBe(0);
  });

  it('has no accessibility violation, no sideways scrolling at 360 px and no console error', () => {
    expect(Object.entries(a11y).filter(([, v]) => v.length > 0)).toEqual([]);
    expect(Object.entries(overflow).filter(([, v]) => v > 0)).toEqual([]);
    expect(consoleErrors.flat()).toEqual([]);
  });
});

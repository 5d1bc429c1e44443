import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, launchBrowser, watchConsole } from './support/browser';
import { signIn } from './support/pages';
import { Portal, startPortal } from './support/portal';

/**
 * The portal's clock starts on Thursday 14 January 2027 at 08:30 (Paris), support/portal.ts's default
 * FOYER_NOW: « next week » is Monday 18 to Friday 22 January, whose deadlines have not passed.
 */
const NEXT_WEEK = ['lundi 18 janvier', 'mardi 19 janvier', 'jeudi 21 janvier', 'vendredi 22 janvier'];
const CANTEEN = /cantine|restauration/i;
const EVENING = /soir|étude/i;

// A PDF small enough to type: what the portal checks is the %PDF- signature.
const CERTIFICATE = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('journey: the demo parent books next week from the calendar and cancels a day; an agent takes attendance', () => {
  let portal: Portal;
  let browser: Browser;
  let parentContext: BrowserContext;
  let parent: Page;
  let consoleErrors: string[];
  const a11y: Record<string, string[]> = {};
  /** The activity names as the calendar shows them, found from its checkboxes. */
  let canteen = '';
  let evening = '';

  async function checkA11y(page: Page, name: string): Promise<void> {
    a11y[name] = await axeViolations(page);
  }

  /** The checkbox of one activity on one day: its accessible name says both. */
  function dayBox(page: Page, activity: string, day: string) {
    return page.getByRole('checkbox', { name: `Réserver ${activity}, ${day}`, exact: true });
  }

  async function activityNamed(page: Page, pattern: RegExp, day: string): Promise<string> {
    const names = await page
      .getByRole('checkbox', { name: new RegExp(`^Réserver .*, ${day}$`) })
      .evaluateAll((boxes) => boxes.map((box) => box.getAttribute('aria-label') ?? ''));
    const match = names
      .map((label) => label.replace(/^Réserver /, '').replace(/, [^,]+$/, ''))
      .find((name) => pattern.test(name));
    if (!match) throw new Error(`no activity matching ${pattern} among: ${names.join(' | ')}`);
    return match;
  }

  beforeAll(async () => {
    [portal, browser] = await Promise.all([startPortal(), launchBrowser()]);
    parentContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await parentContext.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: portal.baseUrl });
    parent = await parentContext.newPage();
    consoleErrors = watchConsole(parent);
  });
  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
  });

  it('opens the family calendar on the month of the portal’s today, states and deadlines in words', async () => {
    await signIn(parent, portal.baseUrl, 'parent@demo.test', 'Demo-parent-2026!');
    await parent
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: 'Réservations' })
      .click();
    await parent.getByRole('heading', { level: 1, name: 'Réservations' }).waitFor();
    await parent.getByRole('button', { name: 'Léa', exact: true }).click();
    await parent.getByRole('heading', { level: 2, name: 'Léa — janvier 2027' }).waitFor();
    // Each changeable day says until when, in the city's words; closed days say why.
    await parent
      .getByText(/^Modifiable jusqu'au \w+ \d+ janvier, \d+ h \d\d$/)
      .first()
      .waitFor();
    // The demo seed put Léa first on the waiting list of a full Wednesday outing.
    await parent.getByText("Liste d'attente (position 1)").first().waitFor();
    canteen = await activityNamed(parent, CANTEEN, NEXT_WEEK[0]);
    evening = await activityNamed(parent, EVENING, NEXT_WEEK[0]);
    await checkA11y(parent, 'calendrier');
  });

  it('clears next week with the week pattern (the demo seed booked it) and reads the outcome of each day', async () => {
    // The seed books the demo children three weeks ahead; the journey starts from an empty week.
    for (const activity of [canteen, evening]) {
      await parent.getByRole('combobox', { name: 'Activité' }).click();
      await parent.getByRole('option', { name: activity, exact: true }).click();
      await parent.getByLabel('Du', { exact: true }).fill('18/01/2027');
      await parent.getByLabel('Au', { exact: true }).fill('22/01/2027');
      for (const weekday of ['Lundi', 'Mardi', 'Jeudi', 'Vendredi']) {
        const box = parent.getByRole('checkbox', { name: weekday, exact: true });
        if (!(await box.isChecked())) await box.check();
      }
      await parent.getByRole('radio', { name: 'Annuler ces jours' }).check();
      await parent.getByRole('button', { name: 'Appliquer la semaine type' }).click();
      await parent.getByRole('heading', { level: 3, name: 'Résultat jour par jour' }).waitFor();
      await parent
        .getByText(new RegExp(`^${NEXT_WEEK[3]}, ${escape(activity)} : (Annulé|Inchangé)$`))
        .waitFor();
    }
    await checkA11y(parent, 'calendrier, semaine type');
    for (const day of NEXT_WEEK) {
      for (const activity of [canteen, evening]) {
        expect(await dayBox(parent, activity, day).isChecked()).toBe(false);
      }
    }
  });

  it('books next week’s canteen and evening care in one « Enregistrer » and says what became of each day', async () => {
    for (const day of NEXT_WEEK) {
      for (const activity of [canteen, evening]) await dayBox(parent, activity, day).check();
    }
    await parent.getByText('8 modifications à enregistrer.').waitFor();
    await parent.getByText('À réserver (non enregistré)').first().waitFor();
    await checkA11y(parent, 'calendrier, modifications en attente');
    await parent.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await parent.getByText('Enregistré : 8 jours réservés.').waitFor();
    for (const day of NEXT_WEEK) {
      for (const activity of [canteen, evening]) {
        await parent.getByText(`${day}, ${activity} : Réservé`, { exact: true }).waitFor();
      }
    }
    // The month reloaded from the API: every day of next week is held, and says so in words.
    await parent.getByText('Aucune modification en attente.').waitFor();
    for (const day of NEXT_WEEK) {
      for (const activity of [canteen, evening]) {
        expect(await dayBox(parent, activity, day).isChecked()).toBe(true);
      }
    }
    const monday = parent
      .getByRole('row')
      .filter({ has: parent.getByRole('rowheader', { name: NEXT_WEEK[0] }) });
    expect(await monday.getByText('Réservé', { exact: true }).count()).toBeGreaterThanOrEqual(2);
    await checkA11y(parent, 'calendrier, après enregistrement');
  });

  it('cancels one day, and the calendar says it is free again', async () => {
    const tuesday = dayBox(parent, canteen, NEXT_WEEK[1]);
    await tuesday.uncheck();
    await parent.getByText('À annuler (non enregistré)').waitFor();
    await parent.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await parent.getByText(`${NEXT_WEEK[1]}, ${canteen} : Annulé`, { exact: true }).waitFor();
    await parent.getByText('Aucune modification en attente.').waitFor();
    expect(await dayBox(parent, canteen, NEXT_WEEK[1]).isChecked()).toBe(false);
    expect(await dayBox(parent, canteen, NEXT_WEEK[0]).isChecked()).toBe(true);
    // The same cell now says it in words.
    const row = parent
      .getByRole('row')
      .filter({ has: parent.getByRole('rowheader', { name: NEXT_WEEK[1] }) });
    await row.getByText('Disponible').first().waitFor();
  });

  it('Hugo is ill this morning: today’s canteen is cancelled for illness, then justified by a certificate', async () => {
    await parent.getByRole('button', { name: 'Hugo', exact: true }).click();
    await parent.getByRole('heading', { level: 2, name: 'Hugo — janvier 2027' }).waitFor();
    await parent.getByRole('heading', { level: 2, name: "Hugo est malade aujourd'hui ?" }).waitFor();
    await parent.getByRole('button', { name: /^Absent pour maladie : .*(cantine|restauration)/i }).click();
    await parent.getByText(/^Absence pour maladie enregistrée : /).waitFor();
    const today = parent
      .getByRole('row')
      .filter({ has: parent.getByRole('rowheader', { name: /jeudi 14 janvier/ }) });
    await today.getByText('Absent pour maladie (certificat attendu)').waitFor();
    await checkA11y(parent, 'calendrier, absence pour maladie');
    await parent
      .getByLabel(/^Certificat médical pour .*jeudi 14 janvier$/)
      .setInputFiles({ name: 'certificat.pdf', mimeType: 'application/pdf', buffer: CERTIFICATE });
    await parent.getByRole('button', { name: 'Déposer le certificat' }).click();
    // The confirmation, or the refusal in its words (a failing run says why).
    const answer = parent
      .getByRole('region', { name: 'Absences pour maladie à justifier' })
      .locator('.notice')
      .first();
    await answer.waitFor();
    expect(await answer.textContent()).toMatch(/^\s*Certificat déposé : /);
    await today.getByText('Absence justifiée').waitFor();
  });

  it('gives a private calendar link to copy, which answers an iCalendar feed', async () => {
    await parent.getByRole('button', { name: "Créer le lien d'agenda" }).click();
    const link = parent.getByLabel("Lien de l'agenda");
    await link.waitFor();
    const url = await link.inputValue();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/calendar-feeds\/\S+$/);
    await parent.getByRole('button', { name: 'Copier le lien' }).click();
    await parent.getByText(/^Lien copié\./).waitFor();
    expect(await parent.evaluate(() => navigator.clipboard.readText())).toBe(url);
    const feed = await fetch(url);
    expect(feed.status).toBe(200);
    const calendar = new ICAL.Component(ICAL.parse(await feed.text()));
    expect(calendar.name).toBe('vcalendar');
    expect(calendar.getAllSubcomponents('vevent').length).toBeGreaterThan(0);
    // A new link replaces the old one, which stops answering.
    await parent.getByRole('button', { name: 'Créer un nouveau lien' }).click();
    await parent.getByText(/^Nouveau lien créé\./).waitFor();
    await parent.waitForFunction(
      (old) => (document.querySelector('input[readonly]') as HTMLInputElement | null)?.value !== old,
      url,
    );
    expect((await fetch(url)).status).toBe(404);
    await checkA11y(parent, 'calendrier, lien d’agenda');
    await parent.getByRole('button', { name: 'Léa', exact: true }).click();
    await parent.getByRole('heading', { level: 2, name: 'Léa — janvier 2027' }).waitFor();
  });

  it('reads as one card per day on a 360 px phone, with nothing off-screen', async () => {
    await parent.setViewportSize({ width: 360, height: 780 });
    await parent.getByRole('heading', { level: 2, name: 'Léa — janvier 2027' }).waitFor();
    const overflow = await parent.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await checkA11y(parent, 'calendrier, 360 px');
    await parent.setViewportSize({ width: 1280, height: 900 });
  });

  it('asks for an enrolment, which waits for a decision', async () => {
    await parent.getByRole('link', { name: 'Inscriptions aux activités' }).click();
    await parent.getByRole('heading', { level: 1, name: 'Inscriptions aux activités' }).waitFor();
    await parent.getByRole('heading', { level: 2, name: 'Léa Durand' }).waitFor();
    await parent.getByText('Inscription acceptée').first().waitFor();
    await checkA11y(parent, 'inscriptions');
    await parent.getByRole('combobox', { name: 'Activité' }).click();
    await parent.getByRole('option', { name: 'Accueil du matin', exact: true }).click();
    await parent.getByRole('combobox', { name: 'Site' }).click();
    await parent.getByRole('option', { name: 'École Jean-Jaurès' }).click();
    await parent.getByRole('button', { name: "Demander l'inscription" }).click();
    await parent.getByText(/^Demande envoyée : Accueil du matin pour Léa/).waitFor();
    const lea = parent.getByRole('region', { name: 'Léa Durand' });
    await lea
      .getByRole('row')
      .filter({ hasText: 'Accueil du matin' })
      .getByText('En attente de décision')
      .waitFor();
  });

  it('an agent takes attendance at the gate with one tap per child', async () => {
    const agentContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const agent = await agentContext.newPage();
    const agentErrors = watchConsole(agent);
    await signIn(agent, portal.baseUrl, 'agent@demo.test', 'Demo-agent-2026!');
    await agent.goto(`${portal.baseUrl}/agent`);
    await agent.getByRole('link', { name: 'Pointage' }).click();
    await agent.getByRole('heading', { level: 1, name: 'Pointage' }).waitFor();
    await checkA11y(agent, 'pointage, choix');
    await agent.waitForLoadState('networkidle');
    await agent.getByRole('combobox', { name: 'Site' }).click();
    await agent.getByRole('option', { name: 'École Jean-Jaurès' }).click();
    await agent.getByRole('combobox', { name: 'Activité' }).click();
    await agent.getByRole('option', { name: canteen, exact: true }).click();
    // The day is the portal's today, Thursday 14 January: the seed booked Léa's canteen that day.
    expect(await agent.getByLabel('Jour').inputValue()).toBe('14/01/2027');
    await agent.getByRole('button', { name: 'Afficher la liste' }).click();
    const present = agent.getByRole('button', { name: 'Présent : Léa Durand' });
    await present.waitFor();
    expect(await present.getAttribute('aria-pressed')).toBe('false');
    await present.click();
    await agent.getByText('Léa Durand : présent.').waitFor();
    expect(await present.getAttribute('aria-pressed')).toBe('true');
    await agent.getByText(/ 1 présents?,/).waitFor();
    await checkA11y(agent, 'pointage, liste');

    // Hugo came without a booking: found by name, added present in one tap.
    await agent.getByLabel("Nom de l'enfant").fill('Hugo');
    await agent.getByRole('button', { name: 'Rechercher' }).click();
    await agent.getByRole('button', { name: 'Ajouter Hugo Durand (présent)' }).click();
    await agent.getByText('Hugo Durand ajouté(e), présent(e) sans réservation.').waitFor();
    const hugo = agent
      .getByRole('listitem')
      .filter({ has: agent.getByRole('heading', { name: 'Hugo Durand' }) });
    await hugo.getByText('Sans réservation').waitFor();
    expect(
      await agent.getByRole('button', { name: 'Présent : Hugo Durand' }).getAttribute('aria-pressed'),
    ).toBe('true');
    await checkA11y(agent, 'pointage, enfant sans réservation');

    // Hugo's evening care waits for a decision (demo seed): the agent accepts it.
    await agent.goto(`${portal.baseUrl}/agent/inscriptions`);
    await agent.getByRole('heading', { level: 1, name: "Demandes d'inscription" }).waitFor();
    // Hugo's evening care (demo seed) and Léa's morning care, asked a moment ago.
    await agent.getByText('2 demandes attendent une décision.').waitFor();
    await checkA11y(agent, "demandes d'inscription");
    await agent.getByRole('button', { name: /^Accepter l'inscription de Hugo/ }).click();
    await agent.getByText(/^Inscription de Hugo.* acceptée\. La famille est prévenue\.$/).waitFor();
    await agent.getByText('1 demande attend une décision.').waitFor();

    // A strike closes a school for a day; the page says how many bookings it cancelled.
    await agent.goto(`${portal.baseUrl}/agent/fermetures`);
    // Material opens a select only once it has options: wait for the sites to arrive.
    await agent.waitForLoadState('networkidle');
    await agent.getByRole('combobox', { name: 'Site' }).click();
    await agent.getByRole('option', { name: 'École Paul-Bert' }).click();
    await agent.getByLabel('Du', { exact: true }).fill('29/01/2027');
    await agent.getByLabel('Motif').fill('grève');
    await checkA11y(agent, 'fermetures');
    await agent.getByRole('button', { name: 'Enregistrer la fermeture' }).click();
    await agent.getByText(/^Fermeture enregistrée : École Paul-Bert, le 29\/01\/2027\./).waitFor();
    await agent.getByRole('cell', { name: 'grève' }).waitFor();

    // The kitchen's page opens on today and passes axe too.
    await agent.goto(`${portal.baseUrl}/agent/repas`);
    await agent.getByRole('heading', { level: 2, name: 'Repas du jeudi 14 janvier' }).waitFor();
    await agent.getByRole('rowheader', { name: 'Toutes les écoles' }).waitFor();
    await checkA11y(agent, 'effectifs des repas');
    // The kitchen's file: the same counts as the table, one school a line.
    const [download] = await Promise.all([
      agent.waitForEvent('download'),
      agent.getByRole('button', { name: 'Télécharger le fichier CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('repas-2027-01-14.csv');
    const lines = readFileSync((await download.path()) as string, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/)
      .map((line) => line.split(';'));
    expect(lines[0].slice(0, 3)).toEqual(['date', 'site', 'total']);
    const jaures = lines.find((line) => line[1] === 'École Jean-Jaurès');
    const tableTotal = await agent
      .getByRole('row')
      .filter({ has: agent.getByRole('rowheader', { name: 'École Jean-Jaurès' }) })
      .getByRole('cell')
      .last()
      .textContent();
    expect(jaures?.[2]).toBe(tableTotal?.trim());
    expect(agentErrors).toEqual([]);
    await agentContext.close();
  });

  it('an administrator reads an activity’s rules and gives a school one more place a day', async () => {
    const adminContext = await browser.newContext();
    const admin = await adminContext.newPage();
    const adminErrors = watchConsole(admin);
    await signIn(admin, portal.baseUrl, 'admin@demo.test', 'Demo-admin-2026!');
    await admin.goto(`${portal.baseUrl}/admin`);
    await admin.getByRole('link', { name: 'Activités' }).first().click();
    await admin.getByRole('heading', { level: 1, name: 'Activités' }).waitFor();
    await admin.getByRole('button', { name: canteen, exact: true }).click();
    await admin.getByRole('heading', { level: 2, name: canteen }).waitFor();
    await admin.getByText(/^Réservation jusqu'à /).waitFor();
    await checkA11y(admin, 'administration, activités');
    // One more place a day at Jean-Jaurès.
    await admin.getByRole('button', { name: 'Modifier les places de École Jean-Jaurès' }).click();
    const capacity = admin.getByLabel('Places par jour').first();
    const places = Number(await capacity.inputValue()) + 1;
    await capacity.fill(String(places));
    await admin.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await admin
      .getByText(`École Jean-Jaurès : ${places} places, liste d'attente de`, { exact: false })
      .waitFor();
    await admin
      .getByRole('cell', { name: String(places), exact: true })
      .first()
      .waitFor();
    expect(adminErrors).toEqual([]);
    await adminContext.close();
  });

  it('had no accessibility violation and no console error on any page', () => {
    expect(a11y).toEqual(Object.fromEntries(Object.keys(a11y).map((name) => [name, []])));
    expect(consoleErrors).toEqual([]);
  });
});

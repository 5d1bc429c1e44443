import { Browser, Page } from 'playwright-core';
import { axeViolations, launchBrowser, watchConsole } from './support/browser';
import { signIn } from './support/pages';
import { Portal, startPortal } from './support/portal';

/** No page may scroll sideways on a 360 px phone. */
async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
}

describe('journey: the demo parent asks for an activity enrolment, the agent asks a question, the parent answers, the agent approves', () => {
  let portal: Portal;
  let browser: Browser;
  let parent: Page;
  let agent: Page;
  let parentErrors: string[];
  let agentErrors: string[];
  let requestNumber = '';
  const a11y: Record<string, string[]> = {};
  const narrow: Record<string, boolean> = {};

  beforeAll(async () => {
    [portal, browser] = await Promise.all([startPortal(), launchBrowser()]);
    parent = await (await browser.newContext({ viewport: { width: 360, height: 780 } })).newPage();
    // The back office on a phone too: an agent at the counter may use a small tablet or a phone.
    agent = await (await browser.newContext({ viewport: { width: 360, height: 780 } })).newPage();
    parentErrors = watchConsole(parent);
    agentErrors = watchConsole(agent);
  });
  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
  });

  it('shows « Mes démarches » with the seeded requests and the catalogue', async () => {
    await signIn(parent, portal.baseUrl, 'parent@demo.test', 'Demo-parent-2026!');
    await parent.goto(`${portal.baseUrl}/demarches`);
    await parent.getByRole('heading', { level: 1, name: 'Mes démarches' }).waitFor();
    // The seed: one request waiting for the parent's answer, one approved.
    await parent.getByText(/1 attend votre réponse\./).waitFor();
    await parent.getByText('Acceptée', { exact: true }).first().waitFor();
    await parent.getByRole('link', { name: 'Inscription à une activité' }).waitFor();
    a11y['mes démarches'] = await axeViolations(parent);
    narrow['mes démarches'] = await fitsWidth(parent);
  });

  it('refuses an empty form with a summary whose links lead to the fields', async () => {
    await parent.getByRole('link', { name: 'Inscription à une activité' }).click();
    await parent.getByRole('heading', { level: 1, name: 'Inscription à une activité' }).waitFor();
    await parent.getByRole('combobox', { name: /Enfant/ }).waitFor();
    a11y['formulaire'] = await axeViolations(parent);
    narrow['formulaire'] = await fitsWidth(parent);

    await parent.getByRole('button', { name: 'Envoyer ma demande' }).click();
    const summary = parent.locator('.error-summary');
    await summary.getByText(/champs? (est|sont) à corriger/).waitFor();
    expect(await parent.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(
      true,
    );
    const childLink = summary.getByRole('link', { name: /^Enfant concerné : Ce champ est obligatoire\./ });
    await childLink.click();
    expect(await parent.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox');
    a11y['formulaire refusé'] = await axeViolations(parent);
  });

  it('saves a draft, comes back to it and sends it', async () => {
    await parent.getByRole('combobox', { name: /Enfant/ }).click();
    await parent.getByRole('option', { name: /Léa/ }).click();
    const activity = parent.getByRole('combobox', { name: /Activité/ });
    if (await activity.count()) {
      await activity.click();
      await parent.getByRole('option').first().click();
    } else {
      await parent.getByRole('textbox', { name: /Activité/ }).fill('Accueil périscolaire du soir');
    }
    await parent.getByLabel(/À partir du/).fill('2027-02-01');
    await parent.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    const saved = parent.getByText(/Brouillon n° (D-\d{4}-\d+) enregistré/);
    await saved.waitFor();
    requestNumber = /D-\d{4}-\d+/.exec((await saved.textContent()) ?? '')?.[0] ?? '';
    expect(requestNumber).not.toBe('');

    await parent.getByRole('link', { name: 'Mes démarches' }).first().click();
    await parent.getByRole('link', { name: requestNumber }).click();
    await parent.locator('.status-line').getByText('Brouillon', { exact: true }).waitFor();
    a11y['brouillon'] = await axeViolations(parent);
    await parent.getByRole('link', { name: 'Compléter et envoyer ma demande' }).click();
    await parent.getByRole('heading', { level: 1, name: 'Inscription à une activité' }).waitFor();
    await parent.getByText(`Brouillon n° ${requestNumber}`, { exact: false }).waitFor();
    expect(await parent.getByLabel(/À partir du/).inputValue()).toBe('2027-02-01');
    await parent.getByRole('button', { name: 'Envoyer ma demande' }).click();
    await parent.getByText('Votre demande est envoyée. Vous recevrez un message à chaque étape.').waitFor();
    await parent.locator('.status-line').getByText('Envoyée', { exact: true }).waitFor();
    a11y['demande envoyée'] = await axeViolations(parent);
    narrow['demande envoyée'] = await fitsWidth(parent);
  });

  it('lets the agent find it in the queue, take it and ask a question', async () => {
    await signIn(agent, portal.baseUrl, 'agent@demo.test', 'Demo-agent-2026!');
    await agent.goto(`${portal.baseUrl}/agent`);
    await agent.getByRole('link', { name: 'File de traitement des démarches' }).click();
    await agent.getByRole('heading', { level: 1, name: 'File de traitement des démarches' }).waitFor();
    await agent.getByText(/demandes? — page 1 sur/).waitFor();
    a11y['file de traitement'] = await axeViolations(agent);
    narrow['file de traitement'] = await fitsWidth(agent);

    await agent.getByRole('searchbox', { name: 'Rechercher' }).fill(requestNumber);
    await agent.getByRole('button', { name: 'Appliquer' }).click();
    await agent.getByText('1 demande — page 1 sur 1.').waitFor();
    await agent.getByRole('link', { name: requestNumber }).click();
    await agent.getByRole('heading', { level: 1, name: `Demande n° ${requestNumber}` }).waitFor();
    a11y['fiche demande'] = await axeViolations(agent);
    narrow['fiche demande'] = await fitsWidth(agent);

    await agent.getByRole('button', { name: 'M’attribuer la demande' }).click();
    await agent.getByText('La demande vous est attribuée.').waitFor();

    await agent
      .getByRole('textbox', { name: 'Message' })
      .fill('Pouvez-vous préciser les jours de présence de Léa ?');
    await agent.getByRole('checkbox', { name: /C’est une question/ }).check();
    await agent.getByRole('button', { name: 'Envoyer', exact: true }).click();
    await agent.getByText('Votre question est envoyée à l’usager', { exact: false }).waitFor();
    await agent.locator('.status-line').getByText('En attente de l’usager').waitFor();

    await agent
      .getByRole('textbox', { name: 'Nouvelle note interne' })
      .fill('Famille connue du centre de loisirs.');
    await agent.getByRole('button', { name: 'Ajouter la note' }).click();
    await agent.getByText('Famille connue du centre de loisirs.').waitFor();
  });

  it('lets the parent answer the question', async () => {
    await parent.reload();
    await parent.getByRole('heading', { level: 2, name: 'La mairie vous pose une question' }).waitFor();
    await parent.getByText('Pouvez-vous préciser les jours de présence de Léa ?').first().waitFor();
    // The internal note never reaches the family.
    expect(await parent.getByText('Famille connue du centre de loisirs.').count()).toBe(0);
    a11y['question'] = await axeViolations(parent);
    narrow['question'] = await fitsWidth(parent);
    await parent.getByRole('textbox', { name: 'Votre réponse' }).fill('Les lundis, mardis et jeudis.');
    await parent.getByRole('button', { name: 'Envoyer ma réponse' }).click();
    await parent.getByText('Votre réponse est envoyée', { exact: false }).waitFor();
    await parent.locator('.status-line').getByText('En cours d’instruction', { exact: true }).waitFor();
  });

  it('lets the agent approve with a reason, which the parent then reads', async () => {
    await agent.reload();
    await agent.getByText('Les lundis, mardis et jeudis.').waitFor();
    await agent.getByRole('radio', { name: 'Accepter la demande' }).check();
    await agent.getByRole('textbox', { name: /Motif ou commentaire/ }).fill('Inscription validée.');
    await agent.getByRole('button', { name: 'Enregistrer la décision' }).click();
    await agent.getByText('La demande est maintenant : Acceptée.').waitFor();

    await parent.reload();
    await parent.getByRole('heading', { level: 2, name: 'Décision de la mairie : Acceptée' }).waitFor();
    await parent.getByText('Inscription validée.').first().waitFor();
    const outcome = parent.getByText(/Ce qui change : Léa est inscrit·e à « (.+) »/);
    await outcome.waitFor();
    const activityName = /« ([^»]+) »/.exec((await outcome.textContent()) ?? '')?.[1];
    a11y['décision'] = await axeViolations(parent);

    // The approval created the bookings enrolment in the same transaction: the family can book now.
    const login = await fetch(`${portal.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'parent@demo.test', password: 'Demo-parent-2026!' }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const headers = { authorization: `Bearer ${accessToken}` };
    const household = (await (await fetch(`${portal.baseUrl}/api/household`, { headers })).json()) as {
      children: { id: string; firstName: string }[];
    };
    const lea = household.children.find((child) => child.firstName === 'Léa');
    const enrollments = (await (
      await fetch(`${portal.baseUrl}/api/children/${lea?.id}/enrollments`, { headers })
    ).json()) as { activityName: string; status: string; reason: string | null }[];
    expect(enrollments).toContainEqual(
      expect.objectContaining({ activityName, status: 'approved', reason: 'Inscription validée.' }),
    );

    // …and from the calendar: the activity's days are open to Léa, one is booked.
    await parent.goto(`${portal.baseUrl}/reservations`);
    await parent.getByRole('heading', { level: 1, name: 'Réservations' }).waitFor();
    await parent.getByRole('button', { name: 'Léa', exact: true }).click();
    await parent.getByRole('heading', { level: 2, name: /^Léa — / }).waitFor();
    const boxes = parent.getByRole('checkbox', {
      name: new RegExp(`^Réserver ${escapeRegExp(activityName ?? '')}, `),
    });
    await boxes.first().waitFor();
    let day = '';
    for (const box of await boxes.all()) {
      if ((await box.isEnabled()) && !(await box.isChecked())) {
        day = ((await box.getAttribute('aria-label')) ?? '').replace(/^.*, /, '');
        await box.check();
        break;
      }
    }
    expect(day).not.toBe('');
    await parent.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await parent.getByText(`${day}, ${activityName} : Réservé`, { exact: true }).waitFor();
    a11y['réservation après inscription'] = await axeViolations(parent);
  });

  it('shows the agents’ dashboard', async () => {
    await agent.goto(`${portal.baseUrl}/agent/demarches/tableau-de-bord`);
    await agent.getByRole('heading', { level: 1, name: 'Tableau de bord des démarches' }).waitFor();
    await agent.getByRole('heading', { level: 2, name: 'Demandes par état' }).waitFor();
    a11y['tableau de bord'] = await axeViolations(agent);
    narrow['tableau de bord'] = await fitsWidth(agent);
  });

  it('lets the agent file a request on a family’s behalf, recorded with its channel', async () => {
    await agent.goto(`${portal.baseUrl}/agent/familles?q=Martin`);
    await agent
      .getByRole('link', { name: /Martin/ })
      .first()
      .click();
    await agent.getByRole('link', { name: 'Déposer une démarche pour cette famille' }).click();
    await agent.getByRole('heading', { level: 1, name: 'Déposer une démarche pour une famille' }).waitFor();
    await agent.getByText('Pour la famille Camille Martin.').waitFor();
    await agent.getByRole('combobox', { name: 'Démarche' }).click();
    await agent.getByRole('option', { name: 'Écrire à la mairie' }).click();
    await agent.getByRole('combobox', { name: 'Canal' }).click();
    await agent.getByRole('option', { name: 'Par téléphone' }).click();
    await agent.getByRole('textbox', { name: /Objet/ }).fill('Horaires de la mairie');
    await agent
      .getByRole('textbox', { name: /Votre message/ })
      .fill('La famille demande les horaires d’été.');
    a11y['dépôt pour une famille'] = await axeViolations(agent);
    narrow['dépôt pour une famille'] = await fitsWidth(agent);
    await agent.getByRole('button', { name: 'Enregistrer et envoyer la demande' }).click();
    await agent.getByRole('heading', { level: 1, name: /^Demande n° D-/ }).waitFor();
    await agent.getByText(/Par téléphone\s+\(saisie par Karim Benali\)/).waitFor();
  });

  it('lets an administrator edit a type’s form with a live preview and the API’s verdict', async () => {
    const admin = await (await browser.newContext({ viewport: { width: 360, height: 780 } })).newPage();
    const adminErrors = watchConsole(admin);
    await signIn(admin, portal.baseUrl, 'admin@demo.test', 'Demo-admin-2026!');
    await admin.goto(`${portal.baseUrl}/admin`);
    await admin
      .getByRole('navigation', { name: 'Administration' })
      .getByRole('link', { name: 'Types de démarches' })
      .click();
    await admin.getByRole('heading', { level: 1, name: 'Types de démarches' }).waitFor();
    a11y['types de démarches'] = await axeViolations(admin);
    await admin.getByRole('link', { name: 'Demande de place en crèche' }).click();
    await admin.getByRole('heading', { level: 2, name: 'Aperçu du formulaire' }).waitFor();
    await admin.locator('.preview').getByRole('combobox').first().waitFor();
    a11y['éditeur de formulaire'] = await axeViolations(admin);
    narrow['éditeur de formulaire'] = await fitsWidth(admin);

    // A field without a title: the preview still draws, the API refuses it and says where.
    const schema = admin.getByRole('textbox', { name: /Formulaire \(JSON Schema/ });
    const text = JSON.parse(await schema.inputValue());
    text.properties.extra = { type: 'string' };
    await schema.fill(JSON.stringify(text, null, 2));
    await admin.getByRole('button', { name: 'Enregistrer' }).click();
    await admin.getByText('le serveur refuse ce formulaire', { exact: false }).waitFor();
    a11y['éditeur refusé'] = await axeViolations(admin);

    // Broken JSON: said at once, in French, and the preview says why it is gone.
    await schema.fill('{ "type": "object", ');
    await admin.getByText(/Aperçu indisponible : Ce n’est pas du JSON valide/).waitFor();
    // The refused save is the only failed call.
    expect(adminErrors.filter((e) => !/status of 400/.test(e))).toEqual([]);
  });

  it('has no accessibility violations, fits a 360 px phone and logs no console errors', () => {
    expect(Object.entries(a11y).filter(([, v]) => v.length > 0)).toEqual([]);
    expect(Object.entries(narrow).filter(([, fits]) => !fits)).toEqual([]);
    expect([...parentErrors, ...agentErrors]).toEqual([]);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

import { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, launchBrowser, watchConsole } from './support/browser';
import { signIn } from './support/pages';
import { Portal, startPortal } from './support/portal';

jest.setTimeout(180_000);

describe('journey: a public terminal (kiosk), QR sign-in from the phone, idle sign-out and wipe', () => {
  let portal: Portal;
  let browser: Browser;
  let kioskContext: BrowserContext;
  let kiosk: Page;
  let phone: Page;
  let consoleErrors: string[] = [];
  const a11y: Record<string, string[]> = {};

  /** Enrols a browser context as a terminal, as an administrator would (API), then opens the link there. */
  async function enrol(page: Page): Promise<void> {
    const login = await fetch(`${portal.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'admin@demo.test', password: 'Demo-admin-2026!' }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const created = await fetch(`${portal.baseUrl}/api/admin/kiosk/terminals`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ name: 'Mairie — hall RER' }),
    });
    const { activationUrl } = (await created.json()) as { activationUrl: string };
    await page.goto(activationUrl);
    await page.getByText('Cet appareil est maintenant la borne « Mairie — hall RER ».').waitFor();
  }

  /** From the attract screen to the kiosk home: « Commencer », the phone approves the QR code. */
  async function signInFromPhone(): Promise<void> {
    await kiosk.getByRole('button', { name: 'Commencer' }).click();
    const qr = kiosk.getByRole('img', { name: 'Code QR de connexion à la borne' });
    await qr.waitFor();
    const approveUrl = (await qr.getAttribute('data-approve-url')) as string;
    expect(approveUrl).toMatch(/\/borne\/approuver\?code=/);
    await phone.goto(approveUrl);
    await phone
      .getByText(/La borne « Mairie — hall RER » demande à ouvrir une session pour votre foyer/)
      .waitFor();
    // The number the kiosk shows proves the phone is in front of it: without it, nothing opens.
    const shown = (await kiosk.getByTestId('kiosk-confirmation').innerText()).trim();
    expect(shown).toMatch(/^[1-9][0-9]$/);
    await phone.getByRole('button', { name: 'Ouvrir la session sur la borne' }).click();
    await phone.getByText('Tapez les deux chiffres affichés sur la borne.').waitFor();
    await phone.getByLabel('Nombre affiché sur la borne').fill(shown);
    await phone.getByRole('button', { name: 'Ouvrir la session sur la borne' }).click();
    await phone
      .getByRole('status')
      .getByText('Session ouverte sur la borne « Mairie — hall RER ».')
      .waitFor();
    await kiosk.getByRole('heading', { level: 1, name: 'Bonjour Camille' }).waitFor();
  }

  beforeAll(async () => {
    [portal, browser] = await Promise.all([startPortal(), launchBrowser()]);
    kioskContext = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
    kiosk = await kioskContext.newPage();
    phone = await (await browser.newContext({ viewport: { width: 360, height: 740 } })).newPage();
    consoleErrors = watchConsole(phone);
    await signIn(phone, portal.baseUrl, 'parent@demo.test', 'Demo-parent-2026!');
    await enrol(kiosk);
  });
  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
  });

  it('signs the parent in on the kiosk from the phone, and the phone ends it', async () => {
    await kiosk.goto(`${portal.baseUrl}/borne`);
    await kiosk
      .getByRole('heading', { level: 1, name: 'Bienvenue à la borne « Mairie — hall RER »' })
      .waitFor();
    expect(await kiosk.evaluate(() => document.body.classList.contains('kiosk'))).toBe(true);
    // The city's news while idle.
    await kiosk.getByRole('region', { name: 'Actualités de la ville' }).waitFor();
    a11y['borne attente'] = await axeViolations(kiosk);
    // Touch targets of at least 44 px.
    const start = await kiosk.getByRole('button', { name: 'Commencer' }).boundingBox();
    expect(start?.height).toBeGreaterThanOrEqual(44);

    await kiosk.getByRole('button', { name: 'Commencer' }).click();
    await kiosk.getByRole('img', { name: 'Code QR de connexion à la borne' }).waitFor();
    a11y['borne code QR'] = await axeViolations(kiosk);
    await kiosk.getByRole('button', { name: 'Annuler' }).click();

    await signInFromPhone();
    a11y['approbation téléphone'] = await axeViolations(phone);
    await kiosk
      .getByRole('main')
      .getByRole('link', { name: /Démarches/ })
      .waitFor();
    await kiosk
      .getByRole('main')
      .getByRole('link', { name: /Factures et attestations/ })
      .waitFor();
    a11y['borne accueil'] = await axeViolations(kiosk);
    // No sign-in form on a kiosk: no password typed on a public screen.
    expect(await kiosk.getByRole('link', { name: 'Se connecter' }).isVisible()).toBe(false);

    // A text field gets the on-screen keyboard (AZERTY), which types into it.
    // In-app navigation (a reload would end the in-memory kiosk session, as it should).
    await kiosk.evaluate(() => {
      history.pushState({}, '', '/demarches/nouvelle/message-libre');
      dispatchEvent(new PopStateEvent('popstate'));
    });
    const subject = kiosk.getByLabel('Objet');
    await subject.click();
    const keyboard = kiosk.locator('.kiosk-keyboard');
    await keyboard.waitFor();
    for (const key of ['{shift}', 'A', 'z', 'e', 'r', 't', 'y', '{space}', 'é', '{bksp}', 'e']) {
      await keyboard.locator(`[data-skbtn="${key}"]`).click();
    }
    expect(await subject.inputValue()).toBe('Azerty e');
    expect(await subject.evaluate((el) => el === document.activeElement)).toBe(true);
    a11y['borne formulaire et clavier'] = await axeViolations(kiosk);

    // The phone says the session is open, and ends it.
    const banner = phone.getByRole('region', { name: 'Session ouverte sur une borne' });
    await banner.getByText('Session ouverte sur la borne « Mairie — hall RER »').waitFor();
    await banner.getByRole('button', { name: 'Terminer la session sur la borne' }).click();
    await banner.waitFor({ state: 'detached' });

    // The kiosk's next call is refused: it wipes itself and shows the attract screen again.
    await kiosk
      .getByRole('heading', { level: 1, name: 'Bienvenue à la borne « Mairie — hall RER »' })
      .waitFor({ timeout: 30_000 });
    expect(await kiosk.getByRole('button', { name: 'Commencer' }).isVisible()).toBe(true);
  });

  it('ends the session after 2 minutes without a touch, with a countdown, and leaves no trace', async () => {
    await kiosk.clock.install();
    await kiosk.goto(`${portal.baseUrl}/borne`);
    await signInFromPhone();
    // Traces a person could leave: web storage, caches (the service worker's data caches among them).
    await kiosk.evaluate(async () => {
      localStorage.setItem('trace', 'Camille');
      sessionStorage.setItem('trace', 'Camille');
      await (
        await caches.open('ngsw:/:1:data:dynamic:invoices:cache')
      ).put('/api/invoices', new Response('[]'));
      await (await caches.open('personnel')).put('/trace', new Response('Camille'));
    });

    await kiosk.clock.fastForward('01:35');
    const dialog = kiosk.getByRole('alertdialog', { name: 'Êtes-vous toujours là ?' });
    await dialog.waitFor();
    await dialog.getByText('Sans réponse, la session se termine dans :').waitFor();
    await dialog.getByText(/^\d+ secondes$/).waitFor();
    a11y['borne compte à rebours'] = await axeViolations(kiosk);
    // « Continuer » keeps the session.
    await dialog.getByRole('button', { name: 'Continuer' }).click();
    await dialog.waitFor({ state: 'detached' });
    await kiosk.getByRole('heading', { level: 1, name: 'Bonjour Camille' }).waitFor();

    await kiosk.clock.fastForward('01:35');
    await dialog.waitFor();
    await kiosk.clock.fastForward('00:30');
    await kiosk
      .getByRole('heading', { level: 1, name: 'Bienvenue à la borne « Mairie — hall RER »' })
      .waitFor({ timeout: 30_000 });

    const left = await kiosk.evaluate(async () => ({
      local: Object.keys(localStorage),
      session: Object.keys(sessionStorage),
      caches: await caches.keys(),
    }));
    // After the reload the attract screen reads the public announcements again, and the app notes
    // when its offline data was fetched (foyer.dataAsOf): nothing of the person.
    expect(left.local.filter((key) => key !== 'foyer.dataAsOf')).toEqual([]);
    expect(left.session).toEqual([]);
    expect(left.caches.filter((name) => name.includes(':data:') || !name.startsWith('ngsw:'))).toEqual([]);
    const cookies = (await kioskContext.cookies()).map((c) => c.name);
    expect(cookies).not.toContain('foyer_refresh');
    // The terminal stays a terminal.
    expect(cookies).toContain('foyer_kiosk');
    // Signed out: the kiosk home sends back to the attract screen.
    await kiosk.goto(`${portal.baseUrl}/borne/accueil`);
    await kiosk.getByRole('button', { name: 'Commencer' }).waitFor();
  });

  it('found no accessibility violation and no console error', () => {
    expect(a11y).toEqual(Object.fromEntries(Object.keys(a11y).map((k) => [k, []])));
    expect(consoleErrors).toEqual([]);
  });
});

import { Page } from 'playwright-core';

/** Signs in through the sign-in page, as a person would, and waits for the greeting. */
export async function signIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/connexion`);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: /Bonjour/ }).waitFor();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('banner').getByRole('button').filter({ hasText: /\S/ }).last().click();
  await page.getByRole('button', { name: 'Se déconnecter', exact: true }).click();
  await page.getByRole('banner').getByRole('link', { name: 'Se connecter', exact: true }).waitFor();
}

/** Text of the element that has the keyboard focus. */
export async function focusedText(page: Page): Promise<string | undefined> {
  return page.evaluate(() => document.activeElement?.textContent?.trim());
}

// The English translations, one file per web library so that each library's owners edit only theirs.
// Keys are the custom message ids (`i18n="@@lib.component.key"`, `$localize`:@@lib.component.key:…``);
// values use Angular's placeholder names (`{$INTERPOLATION}`, `{$START_LINK}`…) as `npm run
// i18n:extract` writes them. `npm run i18n:check` proves every extracted id has its translation.
import { registerLocaleData } from '@angular/common';
import localeEnGb from '@angular/common/locales/en-GB';
import { loadTranslations } from '@angular/localize';
import accounts from './en/accounts.json';
import admin from './en/admin.json';
import agent from './en/agent.json';
import announcements from './en/announcements.json';
import app from './en/app.json';
import billing from './en/billing.json';
import bookings from './en/bookings.json';
import core from './en/core.json';
import households from './en/households.json';
import kiosk from './en/kiosk.json';
import notifications from './en/notifications.json';
import requests from './en/requests.json';

export const EN_TRANSLATIONS: Record<string, string> = {
  ...app,
  ...core,
  ...accounts,
  ...admin,
  ...agent,
  ...announcements,
  ...billing,
  ...bookings,
  ...households,
  ...kiosk,
  ...notifications,
  ...requests,
};

/** Switches the page to English: called once, before the app starts (apps/web/src/main.ts). */
export function useEnglish(): void {
  loadTranslations(EN_TRANSLATIONS);
  registerLocaleData(localeEnGb);
}

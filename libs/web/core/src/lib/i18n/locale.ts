import { HttpInterceptorFn } from '@angular/common/http';
import { isApiUrl } from '../http/api-url';

/** The portal's languages: French, the city's, by default; English as the second locale. */
export type PortalLocale = 'fr' | 'en';
export const PORTAL_LOCALES: readonly PortalLocale[] = ['fr', 'en'];

/** Where the person's choice is remembered on this device. */
export const LOCALE_STORAGE_KEY = 'foyer.locale';

/**
 * The language this page runs in: the one chosen on this device, else French. Read once before the
 * app starts (`apps/web/src/main.ts` loads the translations for it); changing it reloads the page.
 */
export function storedLocale(): PortalLocale {
  try {
    return globalThis.localStorage?.getItem(LOCALE_STORAGE_KEY) === 'en' ? 'en' : 'fr';
  } catch {
    return 'fr'; // storage refused (private mode, policy): the default language
  }
}

/** Angular's LOCALE_ID for a portal locale (dates and numbers formatted by Angular's pipes). */
export function angularLocaleId(locale: PortalLocale): string {
  return locale === 'en' ? 'en-GB' : 'fr-FR';
}

/** Remembers the choice and restarts the page in it (runtime translations load before bootstrap). */
export function chooseLocale(locale: PortalLocale): void {
  try {
    globalThis.localStorage?.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // storage refused: the choice lasts for this page only
  }
  globalThis.location?.reload();
}

/**
 * The API answers its errors in the page's language: every API call says which one, whatever the
 * browser's own Accept-Language (an English browser on a French page gets French errors).
 */
export const localeInterceptor: HttpInterceptorFn = (request, next) =>
  isApiUrl(request.url)
    ? next(request.clone({ setHeaders: { 'Accept-Language': storedLocale() } }))
    : next(request);

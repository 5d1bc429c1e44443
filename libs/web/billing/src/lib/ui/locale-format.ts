import { formatDateFr, formatEuros, PARIS_TIME_ZONE } from '@foyer/shared/domain';

/**
 * The page's language, as apps/web/src/main.ts set it on <html lang> before the app started
 * (changing it reloads the page). Read here rather than through web/core's storedLocale() so the
 * pure helpers stay importable by unit tests without Angular (nor web/core); French when there is no
 * page.
 */
export const FRENCH_PAGE = globalThis.document?.documentElement?.lang !== 'en';
const LOCALE = FRENCH_PAGE ? 'fr-FR' : 'en-GB';

const euros = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: 'EUR' });
const instantDate = new Intl.DateTimeFormat(LOCALE, {
  timeZone: PARIS_TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const instantTime = new Intl.DateTimeFormat(LOCALE, {
  timeZone: PARIS_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
});
const monthYear = new Intl.DateTimeFormat(LOCALE, { timeZone: 'UTC', month: 'long', year: 'numeric' });

/** « 1 234,50 € » from cents (the shared domain's French); « €1,234.50 » on an English page. */
export function formatMoney(cents: number): string {
  return FRENCH_PAGE ? formatEuros(cents) : euros.format(cents / 100);
}

/** « 1 234,50 € » from cents, empty for nothing. */
export function formatMoneyOrEmpty(cents: number | null | undefined): string {
  return cents === null || cents === undefined ? '' : formatMoney(cents);
}

/** « 14/01/2027 » (the same in French and British English). */
export const formatDate = formatDateFr;

/** « 14/01/2027 à 09:30 », Paris time (web/core's formatInstantFr); « 14/01/2027 at 09:30 » in English. */
export function formatInstant(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return `${instantDate.format(date)} ${FRENCH_PAGE ? 'à' : 'at'} ${instantTime.format(date)}`;
}

/** « 0,36 » / « 0.36 »: a number as the page writes it. */
export function formatDecimal(value: number): string {
  return value.toLocaleString(LOCALE, { maximumFractionDigits: 2 });
}

/** « January 2027 » for "2027-01" on an English page (French keeps its own month names). */
export function monthYearEn(year: number, month: number): string {
  return monthYear.format(new Date(Date.UTC(year, month - 1, 15)));
}

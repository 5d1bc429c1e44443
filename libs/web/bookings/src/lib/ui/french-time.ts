import {
  addDays,
  formatDateLongFr,
  formatDeadlineFr,
  formatEuros,
  formatTimeFr,
  type IsoDate,
  isoWeekday,
  PARIS_TIME_ZONE,
} from '@foyer/shared/domain';
import { angularLocaleId, storedLocale } from '@foyer/web/core';

/** The page's locale (« fr-FR » or « en-GB »): it is read once, changing it reloads the page. */
const LOCALE = angularLocaleId(storedLocale());
/** Whether the page runs in French (the shared domain's French formatters then apply unchanged). */
export const FRENCH = LOCALE === 'fr-FR';

const euros = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: 'EUR' });

/** « 1 234,50 € » from cents (« €1,234.50 » on an English page). */
export function formatMoney(cents: number): string {
  return FRENCH ? formatEuros(cents) : euros.format(cents / 100);
}

const deadlineParts = new Intl.DateTimeFormat(LOCALE, {
  timeZone: PARIS_TIME_ZONE,
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * « jeudi 8 janvier, 12 h 00 »: an instant as Paris wall-clock time, the way city notices write it
 * (« Thursday 8 January, 12:00 » on an English page).
 */
export function formatMomentFr(instant: string | Date): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) return String(instant);
  const parts: Record<string, string> = {};
  for (const part of deadlineParts.formatToParts(date)) parts[part.type] = part.value;
  if (!FRENCH)
    return `${parts['weekday']} ${parts['day']} ${parts['month']}, ${parts['hour']}:${parts['minute']}`;
  const day = parts['day'] === '1' ? '1er' : parts['day'];
  return `${parts['weekday']} ${day} ${parts['month']}, ${parts['hour']} h ${parts['minute']}`;
}

/** « modifiable jusqu'au jeudi 8 janvier, 12 h 00 » (« can be changed until Thursday 8 January, 12:00 »). */
export function formatDeadline(deadline: Date): string {
  if (FRENCH) return formatDeadlineFr(deadline);
  return $localize`:@@bookings.time.changeableUntil:modifiable jusqu'au ${formatMomentFr(deadline)}:MOMENT:`;
}

/** « 9 h 30 » for « 09:30 » (unchanged on an English page). */
export function formatTime(time: string): string {
  return FRENCH ? formatTimeFr(time) : time;
}

const dayFr = new Intl.DateTimeFormat(LOCALE, {
  timeZone: 'UTC',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
});
const monthFr = new Intl.DateTimeFormat(LOCALE, { timeZone: 'UTC', month: 'long', year: 'numeric' });
const weekdayShortFr = new Intl.DateTimeFormat(LOCALE, { timeZone: 'UTC', weekday: 'short' });

function noonUtc(date: IsoDate): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d, 12));
}

/** « lundi 18 janvier » */
export function formatDayNameFr(date: IsoDate): string {
  return dayFr.format(noonUtc(date));
}

/** « lun. » */
export function formatWeekdayShortFr(date: IsoDate): string {
  return weekdayShortFr.format(noonUtc(date));
}

/** « janvier 2027 » */
export function formatMonthFr(month: IsoDate): string {
  return monthFr.format(noonUtc(month));
}

const longDate = new Intl.DateTimeFormat(LOCALE, {
  timeZone: 'UTC',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** « jeudi 14 janvier 2027 » (the shared domain's French; the page's locale otherwise). */
export function formatLongDateFr(date: IsoDate): string {
  return FRENCH ? formatDateLongFr(date) : longDate.format(noonUtc(date));
}

/** First day of the month holding `date`: 2027-01-14 → 2027-01-01. */
export function monthStart(date: IsoDate): IsoDate {
  return `${date.slice(0, 7)}-01`;
}

/** Last day of the month holding `date`. */
export function monthEnd(date: IsoDate): IsoDate {
  return addDays(shiftMonth(monthStart(date), 1), -1);
}

/** The first day of the month `months` away (negative for earlier). */
export function shiftMonth(month: IsoDate, months: number): IsoDate {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/** Monday of the week holding `date`. */
export function weekStart(date: IsoDate): IsoDate {
  return addDays(date, 1 - isoWeekday(date));
}

export const WEEKDAY_LABELS: Record<number, string> = {
  1: $localize`:@@bookings.time.monday:Lundi`,
  2: $localize`:@@bookings.time.tuesday:Mardi`,
  3: $localize`:@@bookings.time.wednesday:Mercredi`,
  4: $localize`:@@bookings.time.thursday:Jeudi`,
  5: $localize`:@@bookings.time.friday:Vendredi`,
  6: $localize`:@@bookings.time.saturday:Samedi`,
  7: $localize`:@@bookings.time.sunday:Dimanche`,
};

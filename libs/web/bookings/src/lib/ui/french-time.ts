import { addDays, formatDateLongFr, type IsoDate, isoWeekday, PARIS_TIME_ZONE } from '@foyer/shared/domain';

const deadlineParts = new Intl.DateTimeFormat('fr-FR', {
  timeZone: PARIS_TIME_ZONE,
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** « jeudi 8 janvier, 12 h 00 »: an instant as Paris wall-clock time, the way city notices write it. */
export function formatMomentFr(instant: string | Date): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) return String(instant);
  const parts: Record<string, string> = {};
  for (const part of deadlineParts.formatToParts(date)) parts[part.type] = part.value;
  const day = parts['day'] === '1' ? '1er' : parts['day'];
  return `${parts['weekday']} ${day} ${parts['month']}, ${parts['hour']} h ${parts['minute']}`;
}

const dayFr = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'UTC',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
});
const monthFr = new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', month: 'long', year: 'numeric' });
const weekdayShortFr = new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', weekday: 'short' });

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

/** « jeudi 14 janvier 2027 » (re-exported so pages import their dates from one place). */
export const formatLongDateFr = formatDateLongFr;

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
  1: 'Lundi',
  2: 'Mardi',
  3: 'Mercredi',
  4: 'Jeudi',
  5: 'Vendredi',
  6: 'Samedi',
  7: 'Dimanche',
};

/**
 * Calendar dates are ISO local dates ("2027-01-14") in Europe/Paris: a canteen day is a day in
 * Paris, whatever the server's time zone. Instants (timestamptz) are JavaScript Dates.
 */
export type IsoDate = string;

export const PARIS_TIME_ZONE = 'Europe/Paris';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (rejects 2027-02-30). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function toUtcNoon(date: IsoDate): Date {
  if (!isIsoDate(date)) throw new RangeError(`not an ISO date: ${date}`);
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d, 12));
}

function fromUtc(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

const parisParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: PARIS_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function partsInParis(instant: Date): Record<string, number> {
  const parts: Record<string, number> = {};
  for (const part of parisParts.formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return parts;
}

/** The date in Paris at this instant: 2027-01-13T23:30:00Z is already 2027-01-14 in Paris. */
export function parisDateOf(instant: Date): IsoDate {
  const p = partsInParis(instant);
  return `${String(p['year']).padStart(4, '0')}-${String(p['month']).padStart(2, '0')}-${String(p['day']).padStart(2, '0')}`;
}

/** Offset of Paris from UTC at this instant, in minutes (60 in winter, 120 in summer). */
export function parisOffsetMinutes(instant: Date): number {
  const p = partsInParis(instant);
  const asUtc = Date.UTC(p['year'], p['month'] - 1, p['day'], p['hour'], p['minute'], p['second']);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

/**
 * The instant at which the wall clock in Paris shows this date and time ("09:00").
 * Used for deadlines such as "Thursday 12:00 before the week".
 */
export function parisInstant(date: IsoDate, time = '00:00'): Date {
  const [h, min] = time.split(':').map(Number);
  const [y, m, d] = date.split('-').map(Number);
  const guess = Date.UTC(y, m - 1, d, h, min);
  // Two passes settle the offset even on the days the clocks change.
  let instant = new Date(guess - parisOffsetMinutes(new Date(guess)) * 60000);
  instant = new Date(guess - parisOffsetMinutes(instant) * 60000);
  return instant;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = toUtcNoon(date);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtc(d);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  const day = toUtcNoon(date).getUTCDay();
  return day === 0 ? 7 : day;
}

export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whole days from a to b (negative when b is before a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((toUtcNoon(b).getTime() - toUtcNoon(a).getTime()) / 86400000);
}

/** Every date from `from` to `to`, both included. */
export function eachDay(from: IsoDate, to: IsoDate): IsoDate[] {
  const days: IsoDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
}

/** Full years between a birth date and a date, as the civil code counts them. */
export function ageOn(birthDate: IsoDate, date: IsoDate): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = date.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: string, long: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${long ? 'long' : 'short'}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(
      locale,
      long
        ? { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }
        : { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' },
    );
    dateFormats.set(key, format);
  }
  return format;
}

/**
 * « jeudi 14 janvier 2027 ». The web passes its page's locale (`en-GB` → « Thursday, 14 January
 * 2027 »); the API's e-mails and PDFs keep the French default.
 */
export function formatDateLongFr(date: IsoDate, locale = 'fr-FR'): string {
  return dateFormat(locale, true).format(toUtcNoon(date));
}

/** « 14/01/2027 » (the same in `en-GB`). */
export function formatDateFr(date: IsoDate, locale = 'fr-FR'): string {
  return dateFormat(locale, false).format(toUtcNoon(date));
}

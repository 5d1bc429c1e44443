import { compareIsoDates, IsoDate, isoWeekday } from './paris-dates';

/** A period without school (days_off range, both ends included). */
export interface SchoolHoliday {
  name: string;
  from: IsoDate;
  /** Null when the end is not yet published (summer before an unpublished year). */
  to: IsoDate | null;
}

export interface PublicHoliday {
  date: IsoDate;
  name: string;
}

export interface SchoolYearCalendar {
  /** "2026-2027" */
  schoolYear: string;
  zone: 'A' | 'B' | 'C';
  /** First day of class for pupils. */
  firstSchoolDay: IsoDate;
  /** Last day of class for pupils. */
  lastSchoolDay: IsoDate;
  holidays: SchoolHoliday[];
  publicHolidays: PublicHoliday[];
  /** ISO weekdays with class; a 4-day week is [1, 2, 4, 5] and Wednesday is a leisure-centre day. */
  classWeekdays: number[];
}

/**
 * What a date is for the services a city runs:
 * - school: class day (canteen, morning and evening care);
 * - leisure: no class but the leisure centre opens (Wednesdays, school holidays);
 * - public-holiday, weekend: everything is closed;
 * - outside-year: before the first or after the last day this calendar knows.
 */
export type DayKind = 'school' | 'leisure' | 'public-holiday' | 'weekend' | 'outside-year';

export function publicHolidayOn(calendar: SchoolYearCalendar, date: IsoDate): PublicHoliday | undefined {
  return calendar.publicHolidays.find((h) => h.date === date);
}

export function schoolHolidayOn(calendar: SchoolYearCalendar, date: IsoDate): SchoolHoliday | undefined {
  return calendar.holidays.find(
    (h) => compareIsoDates(date, h.from) >= 0 && (h.to === null || compareIsoDates(date, h.to) <= 0),
  );
}

export function dayKind(calendar: SchoolYearCalendar, date: IsoDate): DayKind {
  const weekday = isoWeekday(date);
  if (weekday >= 6) return 'weekend';
  if (publicHolidayOn(calendar, date)) return 'public-holiday';
  const before = compareIsoDates(date, calendar.firstSchoolDay) < 0;
  const after = compareIsoDates(date, calendar.lastSchoolDay) > 0;
  if (before || after) {
    // Summer before and after the year is a leisure-centre period when the calendar lists it.
    return schoolHolidayOn(calendar, date) ? 'leisure' : 'outside-year';
  }
  if (schoolHolidayOn(calendar, date)) return 'leisure';
  return calendar.classWeekdays.includes(weekday) ? 'school' : 'leisure';
}

export enum SiteKind {
  School = 'school',
  LeisureCentre = 'leisure_centre',
}

export interface SiteView {
  id: string;
  code: string;
  kind: SiteKind;
  name: string;
  address: string;
}

export interface SchoolHolidayView {
  name: string;
  from: string;
  to: string | null;
}

export interface PublicHolidayView {
  date: string;
  name: string;
}

export interface SchoolYearView {
  schoolYear: string;
  zone: 'A' | 'B' | 'C';
  firstSchoolDay: string;
  lastSchoolDay: string;
  classWeekdays: number[];
  holidays: SchoolHolidayView[];
  publicHolidays: PublicHolidayView[];
}

export type CalendarDayKind = 'school' | 'leisure' | 'public-holiday' | 'weekend' | 'outside-year';

export interface CalendarDaysQuery {
  from: string;
  to: string;
}

export interface CalendarDayView {
  date: string;
  kind: CalendarDayKind;
  /** Name of the public holiday or school holiday that day, if any. */
  label: string | null;
}

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

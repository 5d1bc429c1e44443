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
  id: string;
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

/** Admin: a new school or leisure centre. */
export interface CreateSiteRequest {
  /** Stable short name, lower case with dashes, e.g. "ecole-jean-jaures". */
  code: string;
  kind: SiteKind;
  name: string;
  address: string;
}

export interface UpdateSiteRequest {
  name?: string;
  address?: string;
}

/** Admin: the first and last day of class of a school year. */
export interface UpdateSchoolYearRequest {
  firstSchoolDay?: string;
  lastSchoolDay?: string;
}

/** Admin: a school holiday period (both ends included). */
export interface CreateSchoolHolidayRequest {
  name: string;
  from: string;
  to: string;
}

/** Admin paths for the city's setup, relative to the /api prefix. */
export const CityAdminRoutes = {
  sites: 'admin/sites',
  schoolYears: 'admin/school-years',
} as const;

import {
  addDays,
  compareIsoDates,
  IsoDate,
  isIsoDate,
  isoWeekday,
  parisDateOf,
  parisInstant,
} from './paris-dates';
import { dayKind, publicHolidayOn, SchoolYearCalendar, schoolHolidayOn } from './school-calendar';

/**
 * The deadline rule language of bookings. One rule says until when a day may be booked or
 * cancelled, evaluated in Europe/Paris. Written forms (case-insensitive, spaces free):
 *
 * - `N calendar days before at HH:MM`  e.g. "7 calendar days before at 00:00"
 * - `N working days before at HH:MM`   e.g. "2 working days before at 09:00": weekends and public
 *   holidays are skipped when counting back
 * - `the day before at HH:MM`          = "1 calendar days before at HH:MM"
 * - `the working day before at HH:MM`  = "1 working days before at HH:MM"
 * - `<weekday> of the week before at HH:MM` e.g. "thursday of the week before at 12:00": that day
 *   of the week (Monday to Sunday) preceding the day's week; moved to the previous working day
 *   when it is a public holiday (nobody takes the orders that day)
 * - `the same day at HH:MM`            e.g. the same-morning rule
 *
 * A working-day deadline never lands on a weekend or public holiday; a calendar-day one may (it
 * says so). School holidays are working days (the offices are open).
 */
export type DeadlineRule =
  | { kind: 'days_before'; days: number; count: 'calendar' | 'working'; time: string }
  | { kind: 'weekday_of_week_before'; weekday: number; time: string }
  | { kind: 'same_day'; time: string };

const WEEKDAYS_EN = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const WEEKDAYS_FR = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export class DeadlineRuleError extends Error {}

/** Parses a rule; throws DeadlineRuleError with a French message a city admin can act on. */
export function parseDeadlineRule(text: string): DeadlineRule {
  const source = String(text ?? '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ');
  const at = / at (\S+)$/.exec(source);
  if (!at) throw new DeadlineRuleError('La règle doit finir par « at HH:MM ».');
  const time = at[1];
  if (!TIME.test(time)) throw new DeadlineRuleError(`Heure invalide « ${time} » (attendu HH:MM).`);
  const head = source.slice(0, at.index);
  if (head === 'the day before') return { kind: 'days_before', days: 1, count: 'calendar', time };
  if (head === 'the working day before') return { kind: 'days_before', days: 1, count: 'working', time };
  if (head === 'the same day') return { kind: 'same_day', time };
  const days = /^(\d{1,2}) (calendar|working) days? before$/.exec(head);
  if (days) {
    const n = Number(days[1]);
    if (n < 1 || n > 60) throw new DeadlineRuleError('Le nombre de jours doit être entre 1 et 60.');
    return { kind: 'days_before', days: n, count: days[2] as 'calendar' | 'working', time };
  }
  const weekday = /^(\w+) of the week before$/.exec(head);
  if (weekday) {
    const index = WEEKDAYS_EN.indexOf(weekday[1]);
    if (index < 0) throw new DeadlineRuleError(`Jour inconnu « ${weekday[1]} » (monday … sunday).`);
    return { kind: 'weekday_of_week_before', weekday: index + 1, time };
  }
  throw new DeadlineRuleError(
    'Règle inconnue : « N calendar|working days before at HH:MM », « the day before at HH:MM », « thursday of the week before at HH:MM » ou « the same day at HH:MM ».',
  );
}

/** True when the text is a valid rule. */
export function isDeadlineRule(text: unknown): boolean {
  try {
    parseDeadlineRule(String(text));
    return typeof text === 'string';
  } catch {
    return false;
  }
}

/** The canonical text of a rule (what is stored). */
export function formatDeadlineRule(rule: DeadlineRule): string {
  switch (rule.kind) {
    case 'same_day':
      return `the same day at ${rule.time}`;
    case 'weekday_of_week_before':
      return `${WEEKDAYS_EN[rule.weekday - 1]} of the week before at ${rule.time}`;
    case 'days_before':
      if (rule.days === 1) {
        return rule.count === 'calendar'
          ? `the day before at ${rule.time}`
          : `the working day before at ${rule.time}`;
      }
      return `${rule.days} ${rule.count} days before at ${rule.time}`;
  }
}

/** The rule in French, for admins and parents: « 2 jours ouvrés avant, à 9 h 00 ». */
export function describeDeadlineRuleFr(rule: DeadlineRule): string {
  const time = formatTimeFr(rule.time);
  switch (rule.kind) {
    case 'same_day':
      return `le jour même, à ${time}`;
    case 'weekday_of_week_before':
      return `le ${WEEKDAYS_FR[rule.weekday - 1]} de la semaine précédente, à ${time}`;
    case 'days_before':
      if (rule.days === 1)
        return rule.count === 'calendar' ? `la veille, à ${time}` : `le jour ouvré précédent, à ${time}`;
      return `${rule.days} jours ${rule.count === 'calendar' ? 'calendaires' : 'ouvrés'} avant, à ${time}`;
  }
}

/** « 12 h 00 » */
export function formatTimeFr(time: string): string {
  const [h, m] = time.split(':');
  return `${Number(h)} h ${m}`;
}

/** The dates no office works: public holidays (weekends are implied). */
export interface WorkingCalendar {
  publicHolidays: ReadonlySet<IsoDate> | readonly IsoDate[];
}

function isPublicHoliday(calendar: WorkingCalendar, date: IsoDate): boolean {
  const set = calendar.publicHolidays;
  return 'has' in set ? set.has(date) : set.includes(date);
}

export function isWorkingDay(calendar: WorkingCalendar, date: IsoDate): boolean {
  return isoWeekday(date) <= 5 && !isPublicHoliday(calendar, date);
}

/** The last working day strictly before `date`. */
export function previousWorkingDay(calendar: WorkingCalendar, date: IsoDate): IsoDate {
  let day = addDays(date, -1);
  while (!isWorkingDay(calendar, day)) day = addDays(day, -1);
  return day;
}

/** The Paris date on which the deadline of `serviceDate` falls. */
export function deadlineDate(rule: DeadlineRule, serviceDate: IsoDate, calendar: WorkingCalendar): IsoDate {
  if (!isIsoDate(serviceDate)) throw new RangeError(`not an ISO date: ${serviceDate}`);
  switch (rule.kind) {
    case 'same_day':
      return serviceDate;
    case 'days_before': {
      if (rule.count === 'calendar') return addDays(serviceDate, -rule.days);
      let day = serviceDate;
      for (let i = 0; i < rule.days; i++) day = previousWorkingDay(calendar, day);
      return day;
    }
    case 'weekday_of_week_before': {
      const mondayOfWeek = addDays(serviceDate, 1 - isoWeekday(serviceDate));
      const day = addDays(mondayOfWeek, rule.weekday - 8);
      return isPublicHoliday(calendar, day) ? previousWorkingDay(calendar, day) : day;
    }
  }
}

/** The instant of the deadline of `serviceDate`: the rule's Paris wall-clock time on its day. */
export function deadlineOf(rule: DeadlineRule, serviceDate: IsoDate, calendar: WorkingCalendar): Date {
  return parisInstant(deadlineDate(rule, serviceDate, calendar), rule.time);
}

/** True while `now` is strictly before the deadline. */
export function beforeDeadline(
  rule: DeadlineRule,
  serviceDate: IsoDate,
  calendar: WorkingCalendar,
  now: Date,
): boolean {
  return now.getTime() < deadlineOf(rule, serviceDate, calendar).getTime();
}

const deadlineFr = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
});
const hourFr = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** « modifiable jusqu'au jeudi 8 janvier, 12 h 00 » */
export function formatDeadlineFr(deadline: Date): string {
  const [h, m] = hourFr.format(deadline).split(':');
  return `modifiable jusqu'au ${deadlineFr.format(deadline)}, ${Number(h)} h ${m}`;
}

/** The booking window: the last day that may be booked today (weeks ahead, Paris). */
export function bookingWindowEnd(now: Date, windowWeeks: number): IsoDate {
  return addDays(parisDateOf(now), windowWeeks * 7);
}

export type ActivityKindName =
  'canteen' | 'morning_care' | 'evening_care' | 'wednesday_centre' | 'holiday_centre';

/** Whether an activity of this kind runs on a date, and if not why (French, for the calendar). */
export interface ServiceDay {
  runs: boolean;
  reason: string | null;
}

/**
 * Which days an activity runs, from the school calendar: class days for canteen and care,
 * leisure Wednesdays outside school holidays for the Wednesday centre, weekdays of school holidays
 * for the holiday centre. Closures are applied by the caller.
 */
export function serviceDay(kind: ActivityKindName, calendar: SchoolYearCalendar, date: IsoDate): ServiceDay {
  const what = dayKind(calendar, date);
  if (what === 'weekend') return { runs: false, reason: 'Week-end' };
  if (what === 'public-holiday') {
    return { runs: false, reason: `Jour férié : ${publicHolidayOn(calendar, date)?.name ?? ''}`.trim() };
  }
  if (what === 'outside-year') return { runs: false, reason: 'Hors année scolaire' };
  const holiday = schoolHolidayOn(calendar, date);
  switch (kind) {
    case 'canteen':
    case 'morning_care':
    case 'evening_care':
      if (what === 'school') return { runs: true, reason: null };
      if (holiday) return { runs: false, reason: holidayLabel(holiday.name) };
      return { runs: false, reason: 'Pas de classe' };
    case 'wednesday_centre':
      if (holiday) return { runs: false, reason: holidayLabel(holiday.name) };
      if (what === 'leisure' && isoWeekday(date) === 3) return { runs: true, reason: null };
      return { runs: false, reason: 'Le mercredi seulement' };
    case 'holiday_centre':
      if (holiday && what === 'leisure') return { runs: true, reason: null };
      return { runs: false, reason: 'Pendant les vacances seulement' };
  }
}

/** « Vacances de Noël », « Pont de l'Ascension » */
export function holidayLabel(name: string): string {
  if (/^(pont|vacances)/i.test(name)) return name;
  if (/^[aeiouyéèêh]/i.test(name)) return `Vacances d'${name}`;
  return `Vacances de ${name}`;
}

/** What a booking says for the calendar (api status of a booking row). */
export type BookingRowStatus = 'booked' | 'waitlisted' | 'offered' | 'cancelled' | 'absent_sick' | 'closure';

export interface DayStatusInput {
  service: ServiceDay;
  /** A closure of the site or activity that day, with its reason. */
  closureReason: string | null;
  enrolled: boolean;
  /** Status of the child's live booking that day, if any. */
  booking: BookingRowStatus | null;
  /** Places left for the day (capacity minus live bookings). */
  placesLeft: number;
  /** Room on the waiting list. */
  waitlistLeft: number;
  /** Before the deadline of the change the child would make. */
  beforeDeadline: boolean;
  lateChange: 'refuse' | 'surcharge';
  /** Inside the booking window (and any campaign open). */
  inWindow: boolean;
  /** Why outside the window, in French. */
  windowReason?: string | null;
  /** Attendance already recorded or billed. */
  locked?: boolean;
}

export interface DayStatus {
  status: 'available' | 'booked' | 'waitlisted' | 'full' | 'locked' | 'closed' | 'not_enrolled';
  reason: string | null;
}

/** The state of a day shown to a parent: the same rule the API applies when a change comes. */
export function bookingDayStatus(input: DayStatusInput): DayStatus {
  if (!input.service.runs) return { status: 'closed', reason: input.service.reason };
  if (input.closureReason) return { status: 'closed', reason: `Fermeture : ${input.closureReason}` };
  if (!input.enrolled) return { status: 'not_enrolled', reason: 'Enfant non inscrit à cette activité' };
  const live = input.booking === 'booked' || input.booking === 'offered';
  if (input.locked) return { status: 'locked', reason: 'Période facturée' };
  const changeable = input.beforeDeadline || input.lateChange === 'surcharge';
  if (input.booking === 'absent_sick') return { status: 'locked', reason: 'Absence pour maladie' };
  if (live)
    return changeable ? { status: 'booked', reason: null } : { status: 'locked', reason: 'Délai dépassé' };
  if (input.booking === 'waitlisted') return { status: 'waitlisted', reason: null };
  if (!changeable) return { status: 'locked', reason: 'Délai dépassé' };
  if (!input.inWindow)
    return { status: 'locked', reason: input.windowReason ?? 'Réservations pas encore ouvertes' };
  if (input.placesLeft <= 0) {
    return input.waitlistLeft > 0
      ? { status: 'full', reason: "Complet : liste d'attente possible" }
      : { status: 'full', reason: "Complet, liste d'attente pleine" };
  }
  return { status: 'available', reason: null };
}

/** Capacity arithmetic in one place: whether a new booking is booked, waitlisted or refused. */
export function placeFor(
  liveBookings: number,
  capacity: number,
  waiting: number,
  waitlistSize: number,
): 'booked' | 'waitlisted' | 'refused' {
  if (liveBookings < capacity) return 'booked';
  if (waiting < waitlistSize) return 'waitlisted';
  return 'refused';
}

/** The dates of a period on chosen ISO weekdays (pattern booking), service days decided later. */
export function patternDates(from: IsoDate, to: IsoDate, weekdays: readonly number[]): IsoDate[] {
  const dates: IsoDate[] = [];
  for (let d = from; compareIsoDates(d, to) <= 0; d = addDays(d, 1)) {
    if (weekdays.includes(isoWeekday(d))) dates.push(d);
  }
  return dates;
}

/** The school year a date belongs to: September to August ("2026-2027" from 2026-09-01 to 2027-08-31). */
export function schoolYearOf(date: IsoDate): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return month >= 9 ? `${year}-${year + 1}` : `${year - 1}-${year}`;
}

/** The rule language's syntax as one pattern (form validation); `parseDeadlineRule` checks the numbers. */
export const DEADLINE_RULE_PATTERN =
  /^\s*(?:(?:\d{1,2} +(?:calendar|working) +days?|the +(?:working +)?day|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday) +of +the +week) +before|the +same +day) +at +(?:[01]\d|2[0-3]):[0-5]\d\s*$/i;

/** "HH:MM", 00:00 to 23:59. */
export const TIME_OF_DAY_PATTERN = /^(?:[01]\d|2[0-3]):[0-5]\d$/;

import fc from 'fast-check';
import {
  beforeDeadline,
  bookingDayStatus,
  deadlineDate,
  deadlineOf,
  DeadlineRule,
  DeadlineRuleError,
  describeDeadlineRuleFr,
  formatDeadlineFr,
  formatDeadlineRule,
  isWorkingDay,
  parseDeadlineRule,
  patternDates,
  placeFor,
  serviceDay,
  WorkingCalendar,
} from './booking-rules';
import { addDays, eachDay, parisDateOf } from './paris-dates';
import { SchoolYearCalendar } from './school-calendar';

/** Zone C, 2026-2027, as seeded (a 4-day week). */
const calendar: SchoolYearCalendar = {
  schoolYear: '2026-2027',
  zone: 'C',
  firstSchoolDay: '2026-09-01',
  lastSchoolDay: '2027-07-02',
  classWeekdays: [1, 2, 4, 5],
  holidays: [
    { name: 'Toussaint', from: '2026-10-17', to: '2026-11-01' },
    { name: 'Noël', from: '2026-12-19', to: '2027-01-03' },
    { name: 'Hiver', from: '2027-02-06', to: '2027-02-21' },
    { name: 'Printemps', from: '2027-04-03', to: '2027-04-18' },
    { name: "Pont de l'Ascension", from: '2027-05-06', to: '2027-05-09' },
    { name: 'Été', from: '2027-07-03', to: null },
  ],
  publicHolidays: [
    { date: '2026-11-01', name: 'Toussaint' },
    { date: '2026-11-11', name: 'Armistice 1918' },
    { date: '2026-12-25', name: 'Noël' },
    { date: '2027-01-01', name: "Jour de l'an" },
    { date: '2027-03-29', name: 'Lundi de Pâques' },
    { date: '2027-05-01', name: 'Fête du Travail' },
    { date: '2027-05-06', name: 'Ascension' },
    { date: '2027-05-08', name: 'Victoire 1945' },
    { date: '2027-05-17', name: 'Lundi de Pentecôte' },
    { date: '2027-07-14', name: 'Fête nationale' },
  ],
};
const working: WorkingCalendar = { publicHolidays: new Set(calendar.publicHolidays.map((h) => h.date)) };

const rule = (text: string) => parseDeadlineRule(text);
const iso = (instant: Date) => instant.toISOString();

describe('deadline rule language', () => {
  it('reads the forms cities use', () => {
    expect(rule('2 working days before at 09:00')).toEqual({
      kind: 'days_before',
      days: 2,
      count: 'working',
      time: '09:00',
    });
    expect(rule('  7 Calendar days before   at 00:00 ')).toEqual({
      kind: 'days_before',
      days: 7,
      count: 'calendar',
      time: '00:00',
    });
    expect(rule('the day before at 12:00')).toEqual({
      kind: 'days_before',
      days: 1,
      count: 'calendar',
      time: '12:00',
    });
    expect(rule('the working day before at 18:00')).toEqual({
      kind: 'days_before',
      days: 1,
      count: 'working',
      time: '18:00',
    });
    expect(rule('thursday of the week before at 12:00')).toEqual({
      kind: 'weekday_of_week_before',
      weekday: 4,
      time: '12:00',
    });
    expect(rule('the same day at 09:30')).toEqual({ kind: 'same_day', time: '09:30' });
  });

  it('refuses malformed rules with a French message', () => {
    for (const bad of [
      '',
      'tomorrow',
      '2 days before at 9h',
      'funday of the week before at 12:00',
      '0 working days before at 09:00',
      '2 working days before at 24:00',
    ]) {
      expect(() => rule(bad)).toThrow(DeadlineRuleError);
    }
    expect(() => rule('2 working days before at 25:00')).toThrow(/Heure invalide/);
  });

  it('writes back what it reads, for any rule (property)', () => {
    const time = fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    const anyRule: fc.Arbitrary<DeadlineRule> = fc.oneof(
      fc.record({
        kind: fc.constant('days_before' as const),
        days: fc.integer({ min: 1, max: 60 }),
        count: fc.constantFrom('calendar' as const, 'working' as const),
        time,
      }),
      fc.record({
        kind: fc.constant('weekday_of_week_before' as const),
        weekday: fc.integer({ min: 1, max: 7 }),
        time,
      }),
      fc.record({ kind: fc.constant('same_day' as const), time }),
    );
    fc.assert(fc.property(anyRule, (r) => expect(parseDeadlineRule(formatDeadlineRule(r))).toEqual(r)));
  });

  it('says the rule in French', () => {
    expect(describeDeadlineRuleFr(rule('thursday of the week before at 12:00'))).toBe(
      'le jeudi de la semaine précédente, à 12 h 00',
    );
    expect(describeDeadlineRuleFr(rule('2 working days before at 09:00'))).toBe(
      '2 jours ouvrés avant, à 9 h 00',
    );
    expect(describeDeadlineRuleFr(rule('the day before at 12:00'))).toBe('la veille, à 12 h 00');
  });
});

describe('deadlines on real calendar edges (Europe/Paris)', () => {
  it('counts working days back over a weekend', () => {
    // Monday 2026-11-16: Friday is 1, Thursday is 2.
    expect(iso(deadlineOf(rule('2 working days before at 09:00'), '2026-11-16', working))).toBe(
      '2026-11-12T08:00:00.000Z',
    );
    // Calendar days land on the weekend.
    expect(deadlineDate(rule('2 calendar days before at 09:00'), '2026-11-16', working)).toBe('2026-11-14');
  });

  it('puts the Monday after the Christmas holidays before New Year, skipping the public holiday', () => {
    // Monday 4 January 2027: Friday 1 January is a public holiday.
    expect(iso(deadlineOf(rule('2 working days before at 09:00'), '2027-01-04', working))).toBe(
      '2026-12-30T08:00:00.000Z',
    );
    expect(iso(deadlineOf(rule('thursday of the week before at 12:00'), '2027-01-04', working))).toBe(
      '2026-12-31T11:00:00.000Z',
    );
    expect(iso(deadlineOf(rule('the working day before at 18:00'), '2027-01-04', working))).toBe(
      '2026-12-31T17:00:00.000Z',
    );
  });

  it('moves a weekday deadline that falls on a public holiday to the working day before', () => {
    // Week of Monday 10 May 2027: Thursday 6 May is Ascension, so Wednesday 5 May at 12:00 (summer time).
    expect(iso(deadlineOf(rule('thursday of the week before at 12:00'), '2027-05-10', working))).toBe(
      '2027-05-05T10:00:00.000Z',
    );
    expect(iso(deadlineOf(rule('thursday of the week before at 12:00'), '2027-05-14', working))).toBe(
      '2027-05-05T10:00:00.000Z',
    );
    // Week of Monday 28 December 2026: Friday 25 December is Christmas, so Thursday 24.
    expect(deadlineDate(rule('friday of the week before at 10:00'), '2026-12-28', working)).toBe(
      '2026-12-24',
    );
  });

  it('handles the Ascension bridge: no canteen that Friday, but the office works', () => {
    expect(serviceDay('canteen', calendar, '2027-05-07')).toEqual({
      runs: false,
      reason: "Pont de l'Ascension",
    });
    expect(serviceDay('canteen', calendar, '2027-05-06')).toEqual({
      runs: false,
      reason: 'Jour férié : Ascension',
    });
    expect(serviceDay('holiday_centre', calendar, '2027-05-07')).toEqual({ runs: true, reason: null });
    expect(isWorkingDay(working, '2027-05-07')).toBe(true);
    // Monday 10 May: Friday 7 is 1 working day, Thursday 6 is Ascension, Wednesday 5 is 2.
    expect(iso(deadlineOf(rule('2 working days before at 09:00'), '2027-05-10', working))).toBe(
      '2027-05-05T07:00:00.000Z',
    );
  });

  it('keeps the wall-clock time across the change to winter time', () => {
    // Sunday 25 October 2026 the clocks go back: Saturday is UTC+2, Sunday UTC+1.
    expect(iso(deadlineOf(rule('the day before at 12:00'), '2026-10-26', working))).toBe(
      '2026-10-25T11:00:00.000Z',
    );
    expect(iso(deadlineOf(rule('2 calendar days before at 12:00'), '2026-10-26', working))).toBe(
      '2026-10-24T10:00:00.000Z',
    );
    // And to summer time (Sunday 28 March 2027), over Easter Monday.
    expect(iso(deadlineOf(rule('the working day before at 18:00'), '2027-03-30', working))).toBe(
      '2027-03-26T17:00:00.000Z',
    );
    expect(iso(deadlineOf(rule('the day before at 02:30'), '2027-03-29', working))).toBe(
      '2027-03-28T01:30:00.000Z',
    );
  });

  it('is open until the instant before the deadline, with frozen time', () => {
    const r = rule('thursday of the week before at 12:00');
    expect(beforeDeadline(r, '2027-01-11', working, new Date('2027-01-07T10:59:59Z'))).toBe(true);
    expect(beforeDeadline(r, '2027-01-11', working, new Date('2027-01-07T11:00:00Z'))).toBe(false);
  });

  it('tells the parent the deadline in French', () => {
    const deadline = deadlineOf(rule('thursday of the week before at 12:00'), '2027-01-11', working);
    expect(formatDeadlineFr(deadline)).toBe("modifiable jusqu'au jeudi 7 janvier, 12 h 00");
  });

  it('never puts a working-day deadline on a day off, and counts exactly N working days (property)', () => {
    const days = eachDay('2026-09-01', '2027-08-31');
    fc.assert(
      fc.property(fc.constantFrom(...days), fc.integer({ min: 1, max: 15 }), (date, n) => {
        const r: DeadlineRule = { kind: 'days_before', days: n, count: 'working', time: '09:00' };
        const day = deadlineDate(r, date, working);
        expect(isWorkingDay(working, day)).toBe(true);
        expect(day < date).toBe(true);
        const between = eachDay(day, addDays(date, -1)).filter((d) => isWorkingDay(working, d)).length;
        expect(between).toBe(n);
        // The instant is that day at 09:00 in Paris, summer or winter.
        expect(parisDateOf(deadlineOf(r, date, working))).toBe(day);
      }),
    );
  });
});

describe('service days and day status', () => {
  it('runs each kind on its days and says why not', () => {
    expect(serviceDay('canteen', calendar, '2027-01-14').runs).toBe(true);
    expect(serviceDay('canteen', calendar, '2027-01-13')).toEqual({ runs: false, reason: 'Pas de classe' });
    expect(serviceDay('canteen', calendar, '2026-12-22')).toEqual({
      runs: false,
      reason: 'Vacances de Noël',
    });
    expect(serviceDay('evening_care', calendar, '2027-02-10')).toEqual({
      runs: false,
      reason: "Vacances d'Hiver",
    });
    expect(serviceDay('wednesday_centre', calendar, '2027-01-13').runs).toBe(true);
    expect(serviceDay('wednesday_centre', calendar, '2026-12-23').runs).toBe(false);
    expect(serviceDay('holiday_centre', calendar, '2026-12-23').runs).toBe(true);
    expect(serviceDay('holiday_centre', calendar, '2026-12-25')).toEqual({
      runs: false,
      reason: 'Jour férié : Noël',
    });
    expect(serviceDay('canteen', calendar, '2027-01-16')).toEqual({ runs: false, reason: 'Week-end' });
  });

  const base = {
    service: { runs: true, reason: null },
    closureReason: null,
    enrolled: true,
    booking: null,
    placesLeft: 3,
    waitlistLeft: 5,
    beforeDeadline: true,
    lateChange: 'refuse' as const,
    inWindow: true,
  };

  it('decides the state of a day in the order a parent needs', () => {
    expect(bookingDayStatus(base)).toEqual({ status: 'available', reason: null });
    expect(bookingDayStatus({ ...base, closureReason: 'grève' })).toEqual({
      status: 'closed',
      reason: 'Fermeture : grève',
    });
    expect(bookingDayStatus({ ...base, enrolled: false }).status).toBe('not_enrolled');
    expect(bookingDayStatus({ ...base, booking: 'booked' }).status).toBe('booked');
    expect(bookingDayStatus({ ...base, booking: 'booked', beforeDeadline: false })).toEqual({
      status: 'locked',
      reason: 'Délai dépassé',
    });
    expect(
      bookingDayStatus({ ...base, booking: 'booked', beforeDeadline: false, lateChange: 'surcharge' }).status,
    ).toBe('booked');
    expect(bookingDayStatus({ ...base, booking: 'waitlisted' }).status).toBe('waitlisted');
    expect(bookingDayStatus({ ...base, placesLeft: 0 }).status).toBe('full');
    expect(bookingDayStatus({ ...base, inWindow: false }).status).toBe('locked');
  });

  it('never books past capacity nor waitlists past the list (property)', () => {
    fc.assert(
      fc.property(fc.nat(50), fc.nat(50), fc.nat(20), fc.nat(20), (live, capacity, waiting, size) => {
        const place = placeFor(live, capacity, waiting, size);
        if (place === 'booked') expect(live).toBeLessThan(capacity);
        if (place === 'waitlisted') expect(live >= capacity && waiting < size).toBe(true);
        if (place === 'refused') expect(live >= capacity && waiting >= size).toBe(true);
      }),
    );
  });

  it('lists the chosen weekdays of a period', () => {
    expect(patternDates('2027-01-11', '2027-01-24', [1, 4])).toEqual([
      '2027-01-11',
      '2027-01-14',
      '2027-01-18',
      '2027-01-21',
    ]);
  });
});

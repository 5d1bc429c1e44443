import {
  addDays,
  ageOn,
  daysBetween,
  eachDay,
  formatDateFr,
  formatDateLongFr,
  isIsoDate,
  isoWeekday,
  parisDateOf,
  parisInstant,
} from './paris-dates';

describe('Paris dates', () => {
  it('accepts only real calendar dates', () => {
    expect(isIsoDate('2027-01-14')).toBe(true);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2027-1-14')).toBe(false);
    expect(isIsoDate('14/01/2027')).toBe(false);
    expect(isIsoDate(20270114)).toBe(false);
  });

  it('gives the date in Paris, not in UTC', () => {
    expect(parisDateOf(new Date('2027-01-13T23:30:00Z'))).toBe('2027-01-14');
    expect(parisDateOf(new Date('2027-07-13T22:30:00Z'))).toBe('2027-07-14');
    expect(parisDateOf(new Date('2027-07-13T21:30:00Z'))).toBe('2027-07-13');
  });

  it('finds the instant of a Paris wall-clock time in winter, summer and on change days', () => {
    expect(parisInstant('2027-01-14', '12:00').toISOString()).toBe('2027-01-14T11:00:00.000Z');
    expect(parisInstant('2027-06-10', '09:00').toISOString()).toBe('2027-06-10T07:00:00.000Z');
    // Clocks go forward on Sunday 28 March 2027 at 02:00.
    expect(parisInstant('2027-03-28', '12:00').toISOString()).toBe('2027-03-28T10:00:00.000Z');
    expect(parisInstant('2027-03-27', '12:00').toISOString()).toBe('2027-03-27T11:00:00.000Z');
    // Clocks go back on Sunday 31 October 2027.
    expect(parisInstant('2027-10-31', '12:00').toISOString()).toBe('2027-10-31T11:00:00.000Z');
  });

  it('counts days across month, year and leap boundaries', () => {
    expect(addDays('2027-12-31', 1)).toBe('2028-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(daysBetween('2027-03-27', '2027-03-29')).toBe(2);
    expect(eachDay('2027-01-30', '2027-02-02')).toEqual([
      '2027-01-30',
      '2027-01-31',
      '2027-02-01',
      '2027-02-02',
    ]);
  });

  it('knows the weekday and the age', () => {
    expect(isoWeekday('2027-01-14')).toBe(4);
    expect(isoWeekday('2027-01-17')).toBe(7);
    expect(ageOn('2020-01-15', '2027-01-14')).toBe(6);
    expect(ageOn('2020-01-14', '2027-01-14')).toBe(7);
  });

  it('writes dates in French', () => {
    expect(formatDateLongFr('2027-01-14')).toBe('jeudi 14 janvier 2027');
    expect(formatDateFr('2027-01-04')).toBe('04/01/2027');
  });

  it('writes dates in British English when asked', () => {
    expect(formatDateLongFr('2027-01-14', 'en-GB')).toBe('Thursday, 14 January 2027');
    expect(formatDateFr('2027-01-04', 'en-GB')).toBe('04/01/2027');
  });
});

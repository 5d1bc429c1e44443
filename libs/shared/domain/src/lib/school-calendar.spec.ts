import { dayKind, SchoolYearCalendar } from './school-calendar';

const calendar: SchoolYearCalendar = {
  schoolYear: '2026-2027',
  zone: 'C',
  firstSchoolDay: '2026-09-01',
  lastSchoolDay: '2027-07-02',
  classWeekdays: [1, 2, 4, 5],
  holidays: [
    { name: 'Toussaint', from: '2026-10-17', to: '2026-11-01' },
    { name: 'Été', from: '2027-07-03', to: null },
  ],
  publicHolidays: [
    { date: '2026-11-11', name: 'Armistice 1918' },
    { date: '2027-07-14', name: 'Fête nationale' },
  ],
};

describe('school calendar', () => {
  it('tells class days, Wednesdays, holidays, public holidays and weekends apart', () => {
    expect(dayKind(calendar, '2026-09-01')).toBe('school');
    expect(dayKind(calendar, '2026-09-02')).toBe('leisure');
    expect(dayKind(calendar, '2026-10-19')).toBe('leisure');
    expect(dayKind(calendar, '2026-11-11')).toBe('public-holiday');
    expect(dayKind(calendar, '2026-11-14')).toBe('weekend');
  });

  it('treats the summer after the year as leisure-centre time and the days before the year as unknown', () => {
    expect(dayKind(calendar, '2027-07-02')).toBe('school');
    expect(dayKind(calendar, '2027-07-05')).toBe('leisure');
    expect(dayKind(calendar, '2027-07-14')).toBe('public-holiday');
    expect(dayKind(calendar, '2026-08-31')).toBe('outside-year');
  });
});

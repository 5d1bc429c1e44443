import './localize.testing';
import { monthOffset, recentMonths } from './months';

describe('months', () => {
  it('steps across years in Paris time', () => {
    // 31 Dec 2026 23:30 UTC is already 1 Jan 2027 in Paris.
    const newYear = new Date('2026-12-31T23:30:00Z');
    expect(monthOffset(newYear, 0)).toBe('2027-01');
    expect(monthOffset(newYear, -1)).toBe('2026-12');
    expect(monthOffset(newYear, -13)).toBe('2025-12');
  });

  it('lists recent months newest first, named in French', () => {
    const months = recentMonths(new Date('2027-01-14T08:30:00+01:00'), 3);
    expect(months).toEqual([
      { value: '2027-01', label: 'Janvier 2027' },
      { value: '2026-12', label: 'Décembre 2026' },
      { value: '2026-11', label: 'Novembre 2026' },
    ]);
  });
});

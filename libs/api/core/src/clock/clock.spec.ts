import { SettableClock, ShiftedClock } from './clock';

describe('clocks', () => {
  it('a shifted clock starts at the chosen instant and runs on at real speed', () => {
    let real = Date.parse('2026-11-27T10:00:00Z');
    const clock = new ShiftedClock(new Date('2027-01-14T08:30:00+01:00'), () => real);
    expect(clock.now().toISOString()).toBe('2027-01-14T07:30:00.000Z');
    real += 90_000;
    expect(clock.now().toISOString()).toBe('2027-01-14T07:31:30.000Z');
  });

  it("gives today's date in Paris", () => {
    const clock = new SettableClock(new Date('2027-01-13T23:30:00Z'));
    expect(clock.today()).toBe('2027-01-14');
    clock.advance(-60 * 60 * 1000);
    expect(clock.today()).toBe('2027-01-13');
  });
});

import { CalendarDayView, SchoolYearView, SiteView } from '@foyer/shared/contracts';
import { seedDemo } from '../../src/seed';
import { createTestApp, TestApp } from '../test-app';

describe('the demo city', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
  });
  afterAll(() => t.close());

  it('has four schools and one leisure centre', async () => {
    const sites = (await t.http.get('/api/sites').expect(200)).body as SiteView[];
    expect(sites.filter((s) => s.kind === 'school')).toHaveLength(4);
    expect(sites.filter((s) => s.kind === 'leisure_centre')).toHaveLength(1);
  });

  it('has the 2026-2027 zone C calendar', async () => {
    const year = (await t.http.get('/api/school-years/2026-2027').expect(200)).body as SchoolYearView;
    expect(year.firstSchoolDay).toBe('2026-09-01');
    expect(year.holidays.find((h) => h.name === 'Hiver')).toEqual({
      id: expect.any(String),
      name: 'Hiver',
      from: '2027-02-06',
      to: '2027-02-21',
    });
    expect(year.publicHolidays.map((h) => h.date)).toContain('2026-11-11');
  });

  it('tells class days from leisure days and closed days', async () => {
    const days = (
      await t.http.get('/api/school-years/2026-2027/days?from=2026-11-09&to=2026-11-15').expect(200)
    ).body as CalendarDayView[];
    expect(days.map((d) => `${d.date} ${d.kind}`)).toEqual([
      '2026-11-09 school',
      '2026-11-10 school',
      '2026-11-11 public-holiday',
      '2026-11-12 school',
      '2026-11-13 school',
      '2026-11-14 weekend',
      '2026-11-15 weekend',
    ]);
    expect(days[2].label).toBe('Armistice 1918');
  });

  it('changes nothing when seeded twice', async () => {
    const count = async () =>
      (
        await t.dataSource.query(
          `SELECT (SELECT count(*) FROM sites) AS sites, (SELECT count(*) FROM school_holidays) AS holidays,
                (SELECT count(*) FROM public_holidays) AS public_holidays, (SELECT string_agg(id::text, ',' ORDER BY code) FROM sites) AS ids`,
        )
      )[0];
    const before = await count();
    await seedDemo(t.dataSource);
    expect(await count()).toEqual(before);
  });
});

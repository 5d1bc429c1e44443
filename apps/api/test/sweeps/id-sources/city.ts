import type { IdSource } from '../support/world';

/** Public city ids: a site, a school year and one of its holiday periods (admin routes). */
export const cityIds: IdSource = async ({ t }) => {
  const sites = (await t.http.get('/api/sites').expect(200)).body as { id: string }[];
  const years = (await t.http.get('/api/school-years').expect(200)).body as { schoolYear: string }[];
  const year = (await t.http.get(`/api/school-years/${years[0].schoolYear}`).expect(200)).body as {
    holidays: { id: string }[];
  };
  return { siteId: sites[0].id, schoolYear: years[0].schoolYear, holidayId: year.holidays[0].id };
};

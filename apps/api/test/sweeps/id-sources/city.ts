import type { IdSource } from '../support/world';

/** Public city ids: a site and a school year. */
export const cityIds: IdSource = async ({ t }) => {
  const sites = (await t.http.get('/api/sites').expect(200)).body as { id: string }[];
  const years = (await t.http.get('/api/school-years').expect(200)).body as { schoolYear: string }[];
  return { siteId: sites[0].id, schoolYear: years[0].schoolYear };
};

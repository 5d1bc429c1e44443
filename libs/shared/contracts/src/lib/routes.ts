/** Paths of the API, relative to the /api prefix, shared so both sides agree. */
export const API_PREFIX = 'api';

export const ApiRoutes = {
  health: 'health',
  docs: 'docs',
} as const;

export const CityRoutes = {
  sites: 'sites',
  schoolYears: 'school-years',
} as const;

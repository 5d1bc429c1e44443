export type DatabaseKind = 'embedded' | 'external';
export const DATABASE_KIND = Symbol('DATABASE_KIND');

/** Injection token of the database URL the app uses (the job queue opens its own connections to it). */
export const DATABASE_URL = Symbol('DATABASE_URL');

export type DatabaseKind = 'embedded' | 'external';
export const DATABASE_KIND = Symbol('DATABASE_KIND');

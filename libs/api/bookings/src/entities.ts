/**
 * The tables of the bookings domain, for apps/api only (it assembles every domain's entities for
 * TypeORM and the migration generator): `@foyer/api/bookings/entities`. Other libraries call the
 * domain's services; ESLint refuses this entry anywhere but apps/api.
 */
export * from './entities/index';

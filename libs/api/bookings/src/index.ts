export * from './bookings.module';
export { EnrollmentsService } from './enrollments.service';
export { BookingsLedger } from './ledger.service';
export { CatalogService } from './catalog.service';
export { WaitlistService } from './waitlist.service';
export { CapacitySql } from './capacity-sql';
export type { OfferDayState } from './capacity-sql';
export * from './seed/seed-bookings';

export * from './lib/bookings.routes';

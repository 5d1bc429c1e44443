export * from './lib/money';
export * from './lib/paris-dates';
export * from './lib/school-calendar';
export * from './lib/quotient';
export * from './lib/text';
export * from './lib/phone';
export * from './lib/booking-rules';
export * from './lib/request-sla';

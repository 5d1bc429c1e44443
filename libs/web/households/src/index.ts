export * from './lib/households.routes';
// Presentational pieces, reused read-only by the agents' back office.
export * from './lib/ui/labels';
export * from './lib/ui/address-summary';
export * from './lib/ui/child-list';
export * from './lib/ui/contact-list';
export * from './lib/ui/document-table';
export * from './lib/ui/guardian-list';
export * from './lib/ui/quotient-history';
export * from './lib/ui/quotient-summary';
export * from './lib/ui/french-dates';
export * from './lib/ui/audit-labels';

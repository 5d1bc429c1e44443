// Lazy routes only: the pages load when a person opens them.
export * from './lib/billing.routes';

export * from './lib/errors';
export * from './lib/health';
export * from './lib/routes';
export * from './lib/permissions';
export * from './lib/city';
export * from './lib/accounts';
export * from './lib/households';
export * from './lib/notifications';

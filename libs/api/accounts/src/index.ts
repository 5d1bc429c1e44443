export * from './accounts.module';
export * from './accounts.service';
export { DEMO_ACCOUNTS, seedAccounts } from './seed/seed-accounts';

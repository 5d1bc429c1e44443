export * from './accounts.module';
export * from './accounts.service';
export { accountsEntities } from './entities';
export { DEMO_ACCOUNTS, seedAccounts } from './seed/seed-accounts';

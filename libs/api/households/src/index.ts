export * from './households.module';
export { HouseholdsService } from './households.service';
export { QuotientsService } from './quotients.service';
export { GuardianAccounts } from './guardian-accounts';
export type { AccountSummary } from './guardian-accounts';
export { DocumentStorage, LocalDocumentStorage, detectMime } from './storage/document-storage';
export { householdsEntities } from './entities';
export * from './seed/seed-households';

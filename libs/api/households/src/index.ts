export * from './households.module';
export { HouseholdAccess } from './household-access';
export type { Actor, HouseholdWrite } from './household-access';
export { QuotientsService } from './quotients.service';
export { GuardianAccounts } from './guardian-accounts';
export { DocumentStorage, LocalDocumentStorage, detectMime } from './storage/document-storage';
export * from './seed/seed-households';
export { DocumentFileInterceptor, UploadErrorFilter, attachmentHeader, privateDownload } from './upload';

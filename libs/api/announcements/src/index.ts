export * from './announcements.module';
export { AnnouncementsService, ANNOUNCEMENTS_QUEUE } from './announcements.service';
export { AudienceResolver } from './audience';
export type { AudienceTarget, HouseholdTargets } from './audience';
export { seedAnnouncements } from './seed/seed-announcements';

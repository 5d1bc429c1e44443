/**
 * The tables of the announcements domain, for apps/api only (it assembles every domain's entities
 * for TypeORM and the migration generator): `@foyer/api/announcements/entities`.
 */
import { AnnouncementEntity } from './entities/announcement.entity';

export { AnnouncementEntity };
export const announcementsEntities = [AnnouncementEntity];

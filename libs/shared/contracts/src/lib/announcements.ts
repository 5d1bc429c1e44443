import { ClassLevel } from './households';

/** Who a city announcement is for. */
export enum AnnouncementAudience {
  /** Everyone, visitors included: the only audience shown to people who are not signed in. */
  Everyone = 'everyone',
  /** Families with a child at this site (a school: children schooled there). */
  Site = 'site',
  /** Families with a child enrolled in this activity (bookings domain). */
  Activity = 'activity',
  /** Families with a child in this class level (CP, CM2…). */
  ClassLevel = 'class-level',
}

/** Every announcement reaches the targeted families' inbox when it is published. */
export enum AnnouncementImportance {
  Normal = 'normal',
  /** Also sent by e-mail and push (as each person's preferences say). */
  Important = 'important',
}

/** Where an announcement stands at the clock's "now" (admin list). */
export enum AnnouncementState {
  Scheduled = 'scheduled',
  Current = 'current',
  Expired = 'expired',
}

export const ANNOUNCEMENT_AUDIENCE_LABELS: Record<AnnouncementAudience, string> = {
  [AnnouncementAudience.Everyone]: 'Tout le monde',
  [AnnouncementAudience.Site]: 'Les familles d’un site (école)',
  [AnnouncementAudience.Activity]: 'Les familles inscrites à une activité',
  [AnnouncementAudience.ClassLevel]: 'Les familles ayant un enfant d’un niveau',
};

export const ANNOUNCEMENT_STATE_LABELS: Record<AnnouncementState, string> = {
  [AnnouncementState.Scheduled]: 'Programmée',
  [AnnouncementState.Current]: 'En ligne',
  [AnnouncementState.Expired]: 'Expirée',
};

export const ANNOUNCEMENT_TITLE_MAX = 150;
export const ANNOUNCEMENT_TEXT_MAX = 4000;

/** An announcement as families read it. */
export interface AnnouncementView {
  id: string;
  title: string;
  /** Plain text; http(s) links in it are shown as links (see `announcementSegments`). */
  text: string;
  importance: AnnouncementImportance;
  audience: AnnouncementAudience;
  /** French: « Tout le monde », « École Jean Jaurès », « Niveau CP »… */
  audienceLabel: string;
  publishAt: string;
  expireAt: string | null;
}

/** An announcement as administrators manage it. */
export interface AdminAnnouncementView extends AnnouncementView {
  siteId: string | null;
  activityId: string | null;
  classLevel: ClassLevel | null;
  state: AnnouncementState;
  /** When the announcement was sent to its families' inbox (null: not yet). */
  notifiedAt: string | null;
  /** How many families were notified. */
  notifiedHouseholds: number;
  createdAt: string;
  updatedAt: string;
}

export interface CreateAnnouncementRequest {
  title: string;
  text: string;
  importance: AnnouncementImportance;
  audience: AnnouncementAudience;
  /** Required with audience `site`. */
  siteId?: string | null;
  /** Required with audience `activity`. */
  activityId?: string | null;
  /** Required with audience `class-level`. */
  classLevel?: ClassLevel | null;
  /** ISO 8601 instant with offset; when it appears. */
  publishAt: string;
  /** ISO 8601 instant with offset, after publishAt; null: stays until deleted. */
  expireAt?: string | null;
}

export type UpdateAnnouncementRequest = Partial<CreateAnnouncementRequest>;

export const AnnouncementRoutes = {
  /** Public: the current announcements the caller may read. */
  list: 'announcements',
  admin: 'admin/announcements',
} as const;

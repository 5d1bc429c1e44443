/**
 * Bookings: the catalogue of activities offered at sites, enrolments (inscriptions), the family
 * calendar, waiting lists, closures, attendance (pointage) and meal counts.
 * Dates are ISO local dates in Europe/Paris ("2027-01-14"); instants are ISO strings.
 */
import { Diet } from './households';

export enum ActivityKind {
  /** Restauration scolaire, on class days. */
  Canteen = 'canteen',
  /** Accueil du matin, on class days. */
  MorningCare = 'morning_care',
  /** Accueil du soir / étude, on class days. */
  EveningCare = 'evening_care',
  /** Mercredi au centre de loisirs: full day, or half day with or without lunch. */
  WednesdayCentre = 'wednesday_centre',
  /** Centre de loisirs pendant les vacances, opened by campaign. */
  HolidayCentre = 'holiday_centre',
}

/** Wednesday formula of a Wednesday-centre activity (one activity per formula). */
export enum WednesdayFormula {
  FullDay = 'full_day',
  HalfDayWithLunch = 'half_day_with_lunch',
  HalfDay = 'half_day',
}

/** What happens to a change asked after the deadline. */
export enum LateChangePolicy {
  Refuse = 'refuse',
  /** Accepted, flagged late: billing adds the activity's surcharge. */
  Surcharge = 'surcharge',
}

/** What happens when a place frees on a full day. */
export enum PromotionPolicy {
  /** The first waiting child is booked at once. */
  Auto = 'auto',
  /** The first waiting child is offered the place for `offerHours`, then the next one. */
  Offer = 'offer',
}

/**
 * The rules of an activity. Deadlines are written in the rule language of
 * `@foyer/shared/domain` booking-rules (`parseDeadlineRule`), e.g. "2 working days before at 09:00",
 * "thursday of the week before at 12:00", "the day before at 12:00".
 */
export interface ActivityRulesView {
  bookingDeadline: string;
  cancelDeadline: string;
  /** How far ahead a day may be booked, in weeks. */
  windowWeeks: number;
  lateChange: LateChangePolicy;
  /** Added to the day's price by billing when a change was late (LateChangePolicy.Surcharge). */
  lateSurchargeCents: number;
  /** Same-morning sick cancellation is possible until this Paris time on the day ("09:30"), or never. */
  sickCancelUntil: string | null;
  /** A medical certificate uploaded within this many days makes the absence justified. */
  certificateDays: number;
  promotion: PromotionPolicy;
  /** Time a waiting-list offer stays open (PromotionPolicy.Offer). */
  offerHours: number;
}

export interface ActivityView {
  id: string;
  code: string;
  kind: ActivityKind;
  name: string;
  /** Wednesday centre only. */
  formula: WednesdayFormula | null;
  /** Documents the enrolment request needs (households DocumentType values). */
  requiredDocuments: string[];
  rules: ActivityRulesView;
  /** The sites where it is offered. */
  offers: SiteOfferView[];
  /** Holiday centre only: the opening campaigns. */
  campaigns: HolidayCampaignView[];
}

/** An activity offered at a site with a capacity per day and a waiting list. */
export interface SiteOfferView {
  id: string;
  activityId: string;
  siteId: string;
  siteName: string;
  capacityPerDay: number;
  waitlistSize: number;
  /** Days where the site set a different capacity. */
  capacityOverrides: CapacityOverrideView[];
}

export interface CapacityOverrideView {
  date: string;
  capacity: number;
}

/** A holiday-centre campaign: bookings of a holiday period open and close at set instants. */
export interface HolidayCampaignView {
  id: string;
  activityId: string;
  /** The school holiday name, e.g. « Hiver ». */
  periodName: string;
  periodFrom: string;
  periodTo: string;
  opensAt: string;
  closesAt: string;
}

export enum EnrollmentStatus {
  Pending = 'pending',
  Approved = 'approved',
  Refused = 'refused',
  Withdrawn = 'withdrawn',
}

export interface EnrollmentView {
  id: string;
  childId: string;
  childName: string;
  activityId: string;
  activityName: string;
  siteId: string;
  siteName: string;
  /** "2026-2027" */
  schoolYear: string;
  status: EnrollmentStatus;
  /** Refusal reason, or the agent's note. */
  reason: string | null;
  requestedAt: string;
  decidedAt: string | null;
  /** Required documents not found in the household file when asked. */
  missingDocuments: string[];
}

export interface RequestEnrollmentRequest {
  activityId: string;
  siteId: string;
  schoolYear: string;
}

/** Agent (scope enfance): approve or refuse an enrolment; a refusal needs a reason. */
export interface DecideEnrollmentRequest {
  decision: 'approve' | 'refuse';
  reason?: string;
}

/** Agent list of enrolments, pending first. */
export type AgentEnrollmentView = EnrollmentView & { householdId: string };

export type BookingDayStatus =
  'available' | 'booked' | 'waitlisted' | 'full' | 'locked' | 'closed' | 'not_enrolled';

/**
 * One entry per day and activity of `GET children/:childId/calendar?from&to`.
 * (Named BookingCalendarDayView: city's CalendarDayView is the school calendar's day.)
 */
export interface BookingCalendarDayView {
  date: string;
  activityId: string;
  status: BookingDayStatus;
  /** Deadline of the next change of this day (book when not booked, cancel when booked); null if none. */
  deadline: string | null;
  /** True when the deadline has passed but the activity accepts late changes with a surcharge. */
  lateChangeAllowed: boolean;
  /** 1-based place in the waiting list when waitlisted. */
  waitlistPosition: number | null;
  /** Why the day is closed or locked: « Vacances de Noël », « Jour férié », « Fermeture : grève ». */
  reason: string | null;
  /** Set when a waiting-list place is offered to this child: accept before this instant. */
  offerExpiresAt: string | null;
  /** The booking, when one exists (offers, sick cancellation, certificates). */
  bookingId: string | null;
  /** Absence recorded for this day. */
  absence: 'sick_pending' | 'justified' | 'unjustified' | null;
  /** Set by billing when priced; optional. */
  priceCents?: number;
}

export interface BookingCalendarView {
  childId: string;
  from: string;
  to: string;
  activities: { id: string; name: string; kind: ActivityKind; siteId: string; siteName: string }[];
  days: BookingCalendarDayView[];
}

export interface CalendarQuery {
  from: string;
  to: string;
}

/** Largest number of changes in one PUT bookings request. */
export const MAX_BOOKING_CHANGES = 400;

export interface BookingChange {
  date: string;
  activityId: string;
  booked: boolean;
}

export interface BookingChangesRequest {
  changes: BookingChange[];
}

export type BookingOutcomeStatus = 'booked' | 'waitlisted' | 'cancelled' | 'unchanged' | 'refused';

export interface BookingChangeOutcome {
  date: string;
  activityId: string;
  outcome: BookingOutcomeStatus;
  /** The change was made after the deadline and will be charged the late surcharge. */
  late: boolean;
  waitlistPosition: number | null;
  /** Why a change was refused, in French. */
  reason: string | null;
}

export interface BookingChangesView {
  outcomes: BookingChangeOutcome[];
  booked: number;
  waitlisted: number;
  cancelled: number;
  refused: number;
}

/** Book (or cancel) an activity on chosen ISO weekdays (1 = Monday) over a period. */
export interface PatternRequest {
  activityId: string;
  from: string;
  to: string;
  weekdays: number[];
}

/** Same-morning cancellation for illness. */
export interface SickCancellationRequest {
  date: string;
  activityId: string;
}

/**
 * A medical certificate justifying a sick absence: multipart upload of one PDF, JPEG or PNG in the
 * field `file` (10 MB at most) to `BookingRoutes.certificate`, within the activity's certificateDays.
 */
export const CERTIFICATE_FILE_FIELD = 'file';

export interface BookingOfferView {
  bookingId: string;
  childId: string;
  childName: string;
  activityId: string;
  activityName: string;
  date: string;
  expiresAt: string;
}

export interface CalendarFeedView {
  /** Full URL of the private ICS feed; shown once after creation or regeneration, null otherwise. */
  url: string | null;
  createdAt: string | null;
}

export interface ClosureView {
  id: string;
  siteId: string;
  siteName: string;
  /** Null: every activity of the site. */
  activityId: string | null;
  activityName: string | null;
  from: string;
  to: string;
  reason: string;
  createdAt: string;
  /** Bookings cancelled (without charge) when the closure was recorded. */
  cancelledBookings: number;
}

export interface CreateClosureRequest {
  siteId: string;
  activityId?: string | null;
  from: string;
  to: string;
  reason: string;
}

export enum AttendanceMark {
  Present = 'present',
  Absent = 'absent',
  AbsentJustified = 'absent_justified',
}

export interface AttendanceQuery {
  siteId: string;
  activityId: string;
  date: string;
}

export interface AttendanceChildView {
  childId: string;
  householdId: string;
  firstName: string;
  lastName: string;
  classLevel: string | null;
  /** Booked, or came without booking (walk-in). */
  booked: boolean;
  mark: AttendanceMark | null;
  allergies: string | null;
  diet: Diet;
  pai: boolean;
  /** People allowed to pick the child up, with a phone. */
  authorisedPickups: { name: string; phone: string | null; relation: string | null }[];
}

export interface AttendanceSheetView {
  siteId: string;
  siteName: string;
  activityId: string;
  activityName: string;
  date: string;
  /** A billed period: marks can no longer change. */
  locked: boolean;
  children: AttendanceChildView[];
}

/** Mark one child; a child without booking becomes a walk-in (present without booking). */
export interface MarkAttendanceRequest {
  siteId: string;
  activityId: string;
  date: string;
  childId: string;
  mark: AttendanceMark;
}

export interface MealCountsQuery {
  date: string;
}

export interface MealCountRowView {
  siteId: string;
  siteName: string;
  date: string;
  total: number;
  /** Counts per diet (households Diet values). */
  diets: Record<string, number>;
}

export interface MealCountsView {
  date: string;
  /** Counts are final once the booking deadline of the day has passed. */
  final: boolean;
  rows: MealCountRowView[];
}

/** Admin: a new activity. */
export interface CreateActivityRequest {
  code: string;
  kind: ActivityKind;
  name: string;
  formula?: WednesdayFormula | null;
  requiredDocuments?: string[];
  rules: ActivityRulesView;
}

export interface UpdateActivityRequest {
  name?: string;
  requiredDocuments?: string[];
  rules?: Partial<ActivityRulesView>;
}

export interface SiteOfferRequest {
  siteId: string;
  capacityPerDay: number;
  waitlistSize: number;
}

export interface UpdateSiteOfferRequest {
  capacityPerDay?: number;
  waitlistSize?: number;
}

export interface CapacityOverrideRequest {
  date: string;
  capacity: number;
}

export interface CreateCampaignRequest {
  activityId: string;
  periodName: string;
  periodFrom: string;
  periodTo: string;
  opensAt: string;
  closesAt: string;
}

/**
 * What billing reads for a month (service API of @foyer/api/bookings, not an HTTP route): one row
 * per child, activity and day that was booked or attended.
 */
export interface BillableDayView {
  householdId: string;
  childId: string;
  activityId: string;
  activityKind: ActivityKind;
  siteId: string;
  date: string;
  /** A live booking existed for the day (booked, or cancelled for illness). */
  booked: boolean;
  /** The booking or its cancellation was made after the deadline (surcharge). */
  late: boolean;
  lateSurchargeCents: number;
  mark: AttendanceMark | null;
  /** Present without booking. */
  walkIn: boolean;
  /** Sick cancellation awaiting a certificate. */
  sickPending: boolean;
  /** Justified absence (certificate, or marked justified): not charged. */
  justified: boolean;
  /** Cancelled by a closure: not charged. */
  closure: boolean;
  /** Attendance locked (already billed). */
  locked: boolean;
}

/** Resident and public paths, relative to the /api prefix. */
export const BookingRoutes = {
  activities: 'activities',
  enrollments: 'children/:childId/enrollments',
  calendar: 'children/:childId/calendar',
  bookings: 'children/:childId/bookings',
  pattern: 'children/:childId/bookings/pattern',
  cancelPeriod: 'children/:childId/bookings/cancel-period',
  sick: 'children/:childId/bookings/sick',
  certificate: 'children/:childId/bookings/:bookingId/certificate',
  calendarFeed: 'children/:childId/calendar-feed',
  /** Public: the ICS feed by its secret token. */
  icsFeed: 'calendar-feeds/:token',
  offers: 'household/booking-offers',
  acceptOffer: 'household/booking-offers/:bookingId/accept',
  declineOffer: 'household/booking-offers/:bookingId/decline',
} as const;

/** Agent paths (scope enfance). */
export const AgentBookingRoutes = {
  enrollments: 'agent/enrollments',
  decideEnrollment: 'agent/enrollments/:enrollmentId/decision',
  closures: 'agent/closures',
  attendance: 'agent/attendance',
  mealCounts: 'agent/meal-counts',
  mealCountsCsv: 'agent/meal-counts/csv',
} as const;

/** Admin paths (Permission.CityManage). */
export const AdminBookingRoutes = {
  activities: 'admin/activities',
  activity: 'admin/activities/:activityId',
  offers: 'admin/activities/:activityId/offers',
  offer: 'admin/offers/:offerId',
  capacityOverrides: 'admin/offers/:offerId/capacity-overrides',
  campaigns: 'admin/campaigns',
} as const;

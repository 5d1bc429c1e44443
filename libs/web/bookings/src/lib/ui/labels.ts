import {
  ActivityKind,
  AttendanceMark,
  type BookingCalendarDayView,
  type BookingChangeOutcome,
  EnrollmentStatus,
  LateChangePolicy,
  PromotionPolicy,
  WednesdayFormula,
} from '@foyer/shared/contracts';
import { DOCUMENT_TYPE_LABELS } from '@foyer/web/households';

export const ACTIVITY_KIND_LABELS: Record<ActivityKind, string> = {
  [ActivityKind.Canteen]: 'Restauration scolaire',
  [ActivityKind.MorningCare]: 'Accueil du matin',
  [ActivityKind.EveningCare]: 'Accueil du soir',
  [ActivityKind.WednesdayCentre]: 'Mercredi au centre de loisirs',
  [ActivityKind.HolidayCentre]: 'Centre de loisirs des vacances',
};

export const ACTIVITY_KINDS = Object.values(ActivityKind);

export const FORMULA_LABELS: Record<WednesdayFormula, string> = {
  [WednesdayFormula.FullDay]: 'Journée complète',
  [WednesdayFormula.HalfDayWithLunch]: 'Demi-journée avec repas',
  [WednesdayFormula.HalfDay]: 'Demi-journée sans repas',
};

export const LATE_POLICY_LABELS: Record<LateChangePolicy, string> = {
  [LateChangePolicy.Refuse]: 'Refusée après la date limite',
  [LateChangePolicy.Surcharge]: 'Acceptée avec une majoration',
};

export const PROMOTION_LABELS: Record<PromotionPolicy, string> = {
  [PromotionPolicy.Auto]: "Le premier enfant de la liste d'attente est inscrit aussitôt",
  [PromotionPolicy.Offer]: 'La place est proposée au premier enfant pour une durée limitée',
};

export const ENROLLMENT_STATUS_LABELS: Record<EnrollmentStatus, string> = {
  [EnrollmentStatus.Pending]: 'En attente de décision',
  [EnrollmentStatus.Approved]: 'Inscription acceptée',
  [EnrollmentStatus.Refused]: 'Inscription refusée',
  [EnrollmentStatus.Withdrawn]: 'Demande retirée',
};

export const ENROLLMENT_STATUS_BADGES: Record<EnrollmentStatus, string> = {
  [EnrollmentStatus.Pending]: 'badge-warning',
  [EnrollmentStatus.Approved]: 'badge-success',
  [EnrollmentStatus.Refused]: 'badge-error',
  [EnrollmentStatus.Withdrawn]: 'badge-neutral',
};

export const ATTENDANCE_MARK_LABELS: Record<AttendanceMark, string> = {
  [AttendanceMark.Present]: 'Présent',
  [AttendanceMark.Absent]: 'Absent',
  [AttendanceMark.AbsentJustified]: 'Absent (justifié)',
};

/** A document type an activity requires, as families read it (households labels, then a few more). */
export function documentLabel(type: string): string {
  return (
    (DOCUMENT_TYPE_LABELS as Record<string, string>)[type] ??
    ({ health_form: 'Fiche sanitaire', medical_certificate: 'Certificat médical' } as Record<string, string>)[
      type
    ] ??
    type
  );
}

/** The icon drawn next to a state; the state is always said in words beside it. */
export type StateIcon = 'check' | 'clock' | 'block' | 'lock' | 'closed' | 'plus' | 'minus' | 'info';

export interface DayState {
  text: string;
  icon: StateIcon;
  /** The badge style; colour only supports the text. */
  tone: 'success' | 'warning' | 'error' | 'neutral' | 'info';
}

/** « Réservé », « Liste d'attente (position 3) », « Fermé : Vacances de Noël »… */
export function dayState(day: BookingCalendarDayView): DayState {
  if (day.absence === 'sick_pending') {
    return { text: 'Absent pour maladie (certificat attendu)', icon: 'info', tone: 'warning' };
  }
  if (day.absence === 'justified') return { text: 'Absence justifiée', icon: 'info', tone: 'neutral' };
  if (day.absence === 'unjustified') return { text: 'Absence non justifiée', icon: 'info', tone: 'neutral' };
  switch (day.status) {
    case 'booked':
      return day.offerExpiresAt
        ? { text: 'Place proposée, à accepter', icon: 'clock', tone: 'warning' }
        : { text: 'Réservé', icon: 'check', tone: 'success' };
    case 'waitlisted':
      return {
        text: day.waitlistPosition ? `Liste d'attente (position ${day.waitlistPosition})` : "Liste d'attente",
        icon: 'clock',
        tone: 'warning',
      };
    case 'full':
      return { text: day.reason ?? 'Complet', icon: 'block', tone: 'error' };
    case 'closed':
      return { text: day.reason ? `Fermé : ${day.reason}` : 'Fermé', icon: 'closed', tone: 'neutral' };
    case 'locked': {
      const base = day.bookingId ? 'Réservé, non modifiable' : 'Non modifiable';
      const why = day.reason ? ` (${day.reason.charAt(0).toLowerCase()}${day.reason.slice(1)})` : '';
      return { text: `${base}${why}`, icon: 'lock', tone: day.bookingId ? 'success' : 'neutral' };
    }
    case 'not_enrolled':
      return { text: 'Pas inscrit', icon: 'minus', tone: 'neutral' };
    case 'available':
    default:
      return { text: 'Disponible', icon: 'plus', tone: 'info' };
  }
}

/** A live booking the family holds today or later (not an absence, not a waiting-list place). */
export function isLiveBooking(day: BookingCalendarDayView): boolean {
  return (
    !!day.bookingId &&
    !day.absence &&
    (day.status === 'booked' || (day.status === 'locked' && day.reason !== 'Période facturée'))
  );
}

/** Whether the family holds a place (or a place in the queue) for the day. */
export function isHeld(day: BookingCalendarDayView): boolean {
  return day.status === 'booked' || day.status === 'waitlisted';
}

/** Whether the parent can still change the day from the calendar. */
export function isChangeable(day: BookingCalendarDayView): boolean {
  return (
    day.status === 'available' ||
    day.status === 'booked' ||
    day.status === 'waitlisted' ||
    day.status === 'full'
  );
}

/** One outcome of a PUT bookings or pattern request, in words. */
export function outcomeText(outcome: BookingChangeOutcome): string {
  const late = outcome.late ? ' (après la date limite : majoration appliquée)' : '';
  switch (outcome.outcome) {
    case 'booked':
      return `Réservé${late}`;
    case 'waitlisted':
      return outcome.waitlistPosition
        ? `Sur liste d'attente (position ${outcome.waitlistPosition})${late}`
        : `Sur liste d'attente${late}`;
    case 'cancelled':
      return `Annulé${late}`;
    case 'unchanged':
      return 'Inchangé';
    case 'refused':
    default:
      return outcome.reason ? `Refusé : ${outcome.reason}` : 'Refusé';
  }
}

export function outcomeIcon(outcome: BookingChangeOutcome): StateIcon {
  switch (outcome.outcome) {
    case 'booked':
      return 'check';
    case 'waitlisted':
      return 'clock';
    case 'cancelled':
      return 'minus';
    case 'refused':
      return 'block';
    default:
      return 'info';
  }
}

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
  [ActivityKind.Canteen]: $localize`:@@bookings.labels.kind.canteen:Restauration scolaire`,
  [ActivityKind.MorningCare]: $localize`:@@bookings.labels.kind.morningCare:Accueil du matin`,
  [ActivityKind.EveningCare]: $localize`:@@bookings.labels.kind.eveningCare:Accueil du soir`,
  [ActivityKind.WednesdayCentre]: $localize`:@@bookings.labels.kind.wednesdayCentre:Mercredi au centre de loisirs`,
  [ActivityKind.HolidayCentre]: $localize`:@@bookings.labels.kind.holidayCentre:Centre de loisirs des vacances`,
};

export const ACTIVITY_KINDS = Object.values(ActivityKind);

export const FORMULA_LABELS: Record<WednesdayFormula, string> = {
  [WednesdayFormula.FullDay]: $localize`:@@bookings.labels.formula.fullDay:Journée complète`,
  [WednesdayFormula.HalfDayWithLunch]: $localize`:@@bookings.labels.formula.halfDayWithLunch:Demi-journée avec repas`,
  [WednesdayFormula.HalfDay]: $localize`:@@bookings.labels.formula.halfDay:Demi-journée sans repas`,
};

export const LATE_POLICY_LABELS: Record<LateChangePolicy, string> = {
  [LateChangePolicy.Refuse]: $localize`:@@bookings.labels.late.refuse:Refusée après la date limite`,
  [LateChangePolicy.Surcharge]: $localize`:@@bookings.labels.late.surcharge:Acceptée avec une majoration`,
};

export const PROMOTION_LABELS: Record<PromotionPolicy, string> = {
  [PromotionPolicy.Auto]: $localize`:@@bookings.labels.promotion.auto:Le premier enfant de la liste d'attente est inscrit aussitôt`,
  [PromotionPolicy.Offer]: $localize`:@@bookings.labels.promotion.offer:La place est proposée au premier enfant pour une durée limitée`,
};

export const ENROLLMENT_STATUS_LABELS: Record<EnrollmentStatus, string> = {
  [EnrollmentStatus.Pending]: $localize`:@@bookings.labels.enrollment.pending:En attente de décision`,
  [EnrollmentStatus.Approved]: $localize`:@@bookings.labels.enrollment.approved:Inscription acceptée`,
  [EnrollmentStatus.Refused]: $localize`:@@bookings.labels.enrollment.refused:Inscription refusée`,
  [EnrollmentStatus.Withdrawn]: $localize`:@@bookings.labels.enrollment.withdrawn:Demande retirée`,
};

export const ENROLLMENT_STATUS_BADGES: Record<EnrollmentStatus, string> = {
  [EnrollmentStatus.Pending]: 'badge-warning',
  [EnrollmentStatus.Approved]: 'badge-success',
  [EnrollmentStatus.Refused]: 'badge-error',
  [EnrollmentStatus.Withdrawn]: 'badge-neutral',
};

export const ATTENDANCE_MARK_LABELS: Record<AttendanceMark, string> = {
  [AttendanceMark.Present]: $localize`:@@bookings.labels.mark.present:Présent`,
  [AttendanceMark.Absent]: $localize`:@@bookings.labels.mark.absent:Absent`,
  [AttendanceMark.AbsentJustified]: $localize`:@@bookings.labels.mark.absentJustified:Absent (justifié)`,
};

/** A document type an activity requires, as families read it (households labels, then a few more). */
export function documentLabel(type: string): string {
  return (
    (DOCUMENT_TYPE_LABELS as Record<string, string>)[type] ??
    (
      {
        health_form: $localize`:@@bookings.labels.document.healthForm:Fiche sanitaire`,
        medical_certificate: $localize`:@@bookings.labels.document.medicalCertificate:Certificat médical`,
      } as Record<string, string>
    )[type] ??
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
    return {
      text: $localize`:@@bookings.labels.day.sickPending:Absent pour maladie (certificat attendu)`,
      icon: 'info',
      tone: 'warning',
    };
  }
  if (day.absence === 'justified')
    return {
      text: $localize`:@@bookings.labels.day.justified:Absence justifiée`,
      icon: 'info',
      tone: 'neutral',
    };
  if (day.absence === 'unjustified')
    return {
      text: $localize`:@@bookings.labels.day.unjustified:Absence non justifiée`,
      icon: 'info',
      tone: 'neutral',
    };
  switch (day.status) {
    case 'booked':
      return day.offerExpiresAt
        ? {
            text: $localize`:@@bookings.labels.day.offered:Place proposée, à accepter`,
            icon: 'clock',
            tone: 'warning',
          }
        : { text: $localize`:@@bookings.labels.day.booked:Réservé`, icon: 'check', tone: 'success' };
    case 'waitlisted':
      return {
        text: day.waitlistPosition
          ? $localize`:@@bookings.labels.day.waitlistedAt:Liste d'attente (position ${day.waitlistPosition}:POSITION:)`
          : $localize`:@@bookings.labels.day.waitlisted:Liste d'attente`,
        icon: 'clock',
        tone: 'warning',
      };
    case 'full':
      return {
        text: day.reason ?? $localize`:@@bookings.labels.day.full:Complet`,
        icon: 'block',
        tone: 'error',
      };
    case 'closed':
      return {
        text: day.reason
          ? $localize`:@@bookings.labels.day.closedBecause:Fermé : ${day.reason}:REASON:`
          : $localize`:@@bookings.labels.day.closed:Fermé`,
        icon: 'closed',
        tone: 'neutral',
      };
    case 'locked': {
      const base = day.bookingId
        ? $localize`:@@bookings.labels.day.lockedBooked:Réservé, non modifiable`
        : $localize`:@@bookings.labels.day.locked:Non modifiable`;
      const why = day.reason ? ` (${day.reason.charAt(0).toLowerCase()}${day.reason.slice(1)})` : '';
      return { text: `${base}${why}`, icon: 'lock', tone: day.bookingId ? 'success' : 'neutral' };
    }
    case 'not_enrolled':
      return {
        text: $localize`:@@bookings.labels.day.notEnrolled:Pas inscrit`,
        icon: 'minus',
        tone: 'neutral',
      };
    case 'available':
    default:
      return { text: $localize`:@@bookings.labels.day.available:Disponible`, icon: 'plus', tone: 'info' };
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
  const late = outcome.late
    ? $localize`:@@bookings.labels.outcome.late: (après la date limite : majoration appliquée)`
    : '';
  switch (outcome.outcome) {
    case 'booked':
      return $localize`:@@bookings.labels.outcome.booked:Réservé${late}:LATE:`;
    case 'waitlisted':
      return outcome.waitlistPosition
        ? $localize`:@@bookings.labels.outcome.waitlistedAt:Sur liste d'attente (position ${outcome.waitlistPosition}:POSITION:)${late}:LATE:`
        : $localize`:@@bookings.labels.outcome.waitlisted:Sur liste d'attente${late}:LATE:`;
    case 'cancelled':
      return $localize`:@@bookings.labels.outcome.cancelled:Annulé${late}:LATE:`;
    case 'unchanged':
      return $localize`:@@bookings.labels.outcome.unchanged:Inchangé`;
    case 'refused':
    default:
      return outcome.reason
        ? $localize`:@@bookings.labels.outcome.refusedBecause:Refusé : ${outcome.reason}:REASON:`
        : $localize`:@@bookings.labels.outcome.refused:Refusé`;
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

import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ActivityKind, LateChangePolicy, PromotionPolicy, WednesdayFormula } from '@foyer/shared/contracts';

/**
 * A service families book by the day (canteen, morning or evening care, Wednesday or holiday
 * centre) and its rules. Deadlines are texts of the rule language (`parseDeadlineRule`, shared
 * domain), validated by the admin DTO before they are stored.
 */
@Entity('activities')
@Check(
  'activities_kind_check',
  `"kind" IN ('canteen', 'morning_care', 'evening_care', 'wednesday_centre', 'holiday_centre')`,
)
@Check(
  'activities_formula_check',
  `"formula" IS NULL OR "formula" IN ('full_day', 'half_day_with_lunch', 'half_day')`,
)
@Check('activities_late_change_check', `"late_change" IN ('refuse', 'surcharge')`)
@Check('activities_promotion_check', `"promotion" IN ('auto', 'offer')`)
@Check(
  'activities_numbers_check',
  `"window_weeks" BETWEEN 1 AND 52 AND "late_surcharge_cents" >= 0 AND "certificate_days" BETWEEN 0 AND 60 AND "offer_hours" BETWEEN 1 AND 168`,
)
export class ActivityEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Stable short name used by the seed, e.g. "cantine". */
  @Column({ type: 'text', unique: true })
  code!: string;

  @Column({ type: 'text' })
  kind!: ActivityKind;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', nullable: true })
  formula!: WednesdayFormula | null;

  /** households DocumentType values the enrolment request needs. */
  @Column({ type: 'text', array: true, name: 'required_documents', default: () => "'{}'" })
  requiredDocuments!: string[];

  @Column({ type: 'text', name: 'booking_deadline' })
  bookingDeadline!: string;

  @Column({ type: 'text', name: 'cancel_deadline' })
  cancelDeadline!: string;

  @Column({ type: 'integer', name: 'window_weeks' })
  windowWeeks!: number;

  @Column({ type: 'text', name: 'late_change' })
  lateChange!: LateChangePolicy;

  @Column({ type: 'integer', name: 'late_surcharge_cents', default: 0 })
  lateSurchargeCents!: number;

  /** "HH:MM" Paris time on the day itself, or null: no sick cancellation. */
  @Column({ type: 'text', name: 'sick_cancel_until', nullable: true })
  sickCancelUntil!: string | null;

  @Column({ type: 'integer', name: 'certificate_days', default: 2 })
  certificateDays!: number;

  @Column({ type: 'text' })
  promotion!: PromotionPolicy;

  @Column({ type: 'integer', name: 'offer_hours', default: 24 })
  offerHours!: number;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}

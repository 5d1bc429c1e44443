import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { ActivityEntity } from './activity.entity';
import { ActivityOfferEntity } from './activity-offer.entity';

/**
 * booked: holds a place; waitlisted: in line (arrival order); offered: a freed place held for this
 * child until `offer_expires_at`; absent_sick: cancelled for illness the same morning (justified
 * once a certificate comes); cancelled, closure (cancelled by a closure, never charged), declined,
 * expired (an offer not taken): history.
 */
export type BookingStatus =
  'booked' | 'waitlisted' | 'offered' | 'absent_sick' | 'cancelled' | 'closure' | 'declined' | 'expired';

export const LIVE_BOOKING_STATUSES: BookingStatus[] = ['booked', 'waitlisted', 'offered', 'absent_sick'];

/** A child's day at an activity. At most one live row per child, activity and day. */
@Entity('bookings')
@Index('bookings_live_key', ['childId', 'activityId', 'date'], {
  unique: true,
  where: `"status" IN ('booked', 'waitlisted', 'offered', 'absent_sick')`,
})
@Index('bookings_offer_day_idx', ['offerId', 'date', 'status'])
@Index('bookings_household_date_idx', ['householdId', 'date'])
@Index('bookings_child_date_idx', ['childId', 'date'])
@Check(
  'bookings_status_check',
  `"status" IN ('booked', 'waitlisted', 'offered', 'absent_sick', 'cancelled', 'closure', 'declined', 'expired')`,
)
@Check('bookings_offer_expiry_check', `"status" <> 'offered' OR "offer_expires_at" IS NOT NULL`)
export class BookingEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'child_id' })
  childId!: string;

  @ManyToOne('ChildEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'child_id' })
  readonly child?: unknown;

  @Column({ type: 'uuid', name: 'household_id' })
  householdId!: string;

  @ManyToOne('HouseholdEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'household_id' })
  readonly household?: unknown;

  @Column({ type: 'uuid', name: 'activity_id' })
  activityId!: string;

  @ManyToOne(() => ActivityEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'activity_id' })
  activity?: ActivityEntity;

  @Column({ type: 'uuid', name: 'offer_id' })
  offerId!: string;

  @ManyToOne(() => ActivityOfferEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'offer_id' })
  offer?: ActivityOfferEntity;

  @Column({ type: 'date' })
  date!: string;

  @Column({ type: 'text' })
  status!: BookingStatus;

  /** Arrival number on the offer's day (offer_days.arrivals): the waiting-list order. */
  @Column({ type: 'integer' })
  arrival!: number;

  /** Booked after the booking deadline (surcharge). */
  @Column({ type: 'boolean', default: false })
  late!: boolean;

  /** Cancelled after the cancellation deadline (the day stays charged, with the surcharge). */
  @Column({ type: 'boolean', name: 'cancelled_late', default: false })
  cancelledLate!: boolean;

  @Column({ type: 'timestamptz', name: 'offer_expires_at', nullable: true })
  offerExpiresAt!: Date | null;

  @Column({ type: 'timestamptz', name: 'cancelled_at', nullable: true })
  cancelledAt!: Date | null;

  /** Medical certificate of a sick absence, stored like household documents. */
  @Column({ type: 'text', name: 'certificate_key', nullable: true })
  certificateKey!: string | null;

  @Column({ type: 'text', name: 'certificate_mime', nullable: true })
  certificateMime!: string | null;

  @Column({ type: 'timestamptz', name: 'certificate_at', nullable: true })
  certificateAt!: Date | null;

  /** A justified absence: not charged. */
  @Column({ type: 'boolean', default: false })
  justified!: boolean;

  /** Billed: billing locks the day, no change any more. */
  @Column({ type: 'boolean', default: false })
  locked!: boolean;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}

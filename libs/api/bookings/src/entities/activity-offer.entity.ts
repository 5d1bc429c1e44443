import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { ActivityEntity } from './activity.entity';

/** An activity offered at a site: how many children a day, how many on the waiting list. */
@Entity('activity_offers')
@Index('activity_offers_activity_site_key', ['activityId', 'siteId'], { unique: true })
@Check('activity_offers_numbers_check', `"capacity_per_day" >= 0 AND "waitlist_size" >= 0`)
export class ActivityOfferEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'activity_id' })
  activityId!: string;

  @ManyToOne(() => ActivityEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'activity_id' })
  activity?: ActivityEntity;

  @Column({ type: 'uuid', name: 'site_id' })
  siteId!: string;

  /** Foreign key to city's sites, named by string: the other domain's entity is not imported. */
  @ManyToOne('SiteEntity', { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'site_id' })
  readonly site?: unknown;

  @Column({ type: 'integer', name: 'capacity_per_day' })
  capacityPerDay!: number;

  @Column({ type: 'integer', name: 'waitlist_size' })
  waitlistSize!: number;
}

/** A day where the site takes a different number of children (a trip, a short-staffed day). */
@Entity('offer_capacity_overrides')
@Check('offer_capacity_overrides_capacity_check', `"capacity" >= 0`)
export class CapacityOverrideEntity {
  @PrimaryColumn({ type: 'uuid', name: 'offer_id' })
  offerId!: string;

  @ManyToOne(() => ActivityOfferEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'offer_id' })
  offer?: ActivityOfferEntity;

  @PrimaryColumn({ type: 'date' })
  date!: string;

  @Column({ type: 'integer' })
  capacity!: number;
}

/**
 * The capacity counter of an offer on a day: the row every booking of that day locks
 * (`SELECT … FOR UPDATE`, created first by `INSERT … ON CONFLICT DO NOTHING`). Under the lock the
 * booking reads how many places are taken, takes one or joins the waiting list with the next
 * arrival number: parallel requests queue on the row, so places are never given twice.
 */
@Entity('offer_days')
@Check('offer_days_counts_check', `"taken" >= 0 AND "waiting" >= 0 AND "arrivals" >= 0`)
export class OfferDayEntity {
  @PrimaryColumn({ type: 'uuid', name: 'offer_id' })
  offerId!: string;

  @ManyToOne(() => ActivityOfferEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'offer_id' })
  offer?: ActivityOfferEntity;

  @PrimaryColumn({ type: 'date' })
  date!: string;

  /** Places held: bookings booked or offered. */
  @Column({ type: 'integer', default: 0 })
  taken!: number;

  /** Children on the waiting list. */
  @Column({ type: 'integer', default: 0 })
  waiting!: number;

  /** Arrival numbers handed out so far (waiting-list order). */
  @Column({ type: 'integer', default: 0 })
  arrivals!: number;
}

import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { ActivityEntity } from './activity.entity';

/** A site (or one activity at it) closed for a day or a range: strike, works, outing. */
@Entity('booking_closures')
@Index('booking_closures_site_dates_idx', ['siteId', 'fromDate', 'toDate'])
@Check('booking_closures_dates_check', `"to_date" >= "from_date"`)
export class ClosureEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'site_id' })
  siteId!: string;

  @ManyToOne('SiteEntity', { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'site_id' })
  readonly site?: unknown;

  /** Null: every activity of the site. */
  @Column({ type: 'uuid', name: 'activity_id', nullable: true })
  activityId!: string | null;

  @ManyToOne(() => ActivityEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'activity_id' })
  activity?: ActivityEntity;

  @Column({ type: 'date', name: 'from_date' })
  fromDate!: string;

  @Column({ type: 'date', name: 'to_date' })
  toDate!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'integer', name: 'cancelled_bookings', default: 0 })
  cancelledBookings!: number;

  @Column({ type: 'uuid', name: 'created_by' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}

import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AttendanceMark } from '@foyer/shared/contracts';
import { ActivityEntity } from './activity.entity';

/** What the agent saw at the school gate: present, absent (justified or not), or a walk-in. */
@Entity('attendance')
@Index('attendance_child_activity_date_key', ['childId', 'activityId', 'date'], { unique: true })
@Index('attendance_site_date_idx', ['siteId', 'activityId', 'date'])
@Index('attendance_household_date_idx', ['householdId', 'date'])
@Check('attendance_mark_check', `"mark" IN ('present', 'absent', 'absent_justified')`)
@Check('attendance_walk_in_check', `NOT "walk_in" OR "mark" = 'present'`)
export class AttendanceEntity {
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

  @Column({ type: 'uuid', name: 'site_id' })
  siteId!: string;

  @ManyToOne('SiteEntity', { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'site_id' })
  readonly site?: unknown;

  @Column({ type: 'date' })
  date!: string;

  @Column({ type: 'text' })
  mark!: AttendanceMark;

  /** Came without a booking (billing charges the unbooked price). */
  @Column({ type: 'boolean', name: 'walk_in', default: false })
  walkIn!: boolean;

  @Column({ type: 'uuid', name: 'marked_by' })
  markedBy!: string;

  @Column({ type: 'timestamptz', name: 'marked_at' })
  markedAt!: Date;

  /** Set by billing once the period is billed: marks no longer change. */
  @Column({ type: 'boolean', default: false })
  locked!: boolean;
}

import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { EnrollmentStatus } from '@foyer/shared/contracts';
import { ActivityEntity } from './activity.entity';

/** A child's inscription to an activity at a site for a school year, decided by an agent. */
@Entity('enrollments')
@Index('enrollments_household_idx', ['householdId'])
@Index('enrollments_live_key', ['childId', 'activityId', 'schoolYear'], {
  unique: true,
  where: `"status" IN ('pending', 'approved')`,
})
@Check('enrollments_status_check', `"status" IN ('pending', 'approved', 'refused', 'withdrawn')`)
@Check('enrollments_school_year_check', `"school_year" ~ '^[0-9]{4}-[0-9]{4}$'`)
export class EnrollmentEntity {
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

  @Column({ type: 'text', name: 'school_year' })
  schoolYear!: string;

  @Column({ type: 'text' })
  status!: EnrollmentStatus;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'text', array: true, name: 'missing_documents', default: () => "'{}'" })
  missingDocuments!: string[];

  @Column({ type: 'timestamptz', name: 'requested_at' })
  requestedAt!: Date;

  @Column({ type: 'uuid', name: 'decided_by', nullable: true })
  decidedBy!: string | null;

  @Column({ type: 'timestamptz', name: 'decided_at', nullable: true })
  decidedAt!: Date | null;
}

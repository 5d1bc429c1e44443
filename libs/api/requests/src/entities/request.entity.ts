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
import type { RequestChannel, RequestStatus } from '@foyer/shared/contracts';
import { RequestTypeEntity } from './request-type.entity';

/**
 * One démarche of a household. The queue's filters and sorts each have an index; `search_text` is
 * the number and the residents' names folded (lower case, no accents: `foldText`), searched with
 * LIKE (a trigram index is added by the migration where pg_trgm exists).
 */
@Entity('requests')
@Index('requests_status_due_idx', ['status', 'dueOn', 'id'])
@Index('requests_due_idx', ['dueOn', 'id'])
/** Created by the migration only where the pg_trgm extension exists (not on the embedded PGlite). */
@Index('requests_search_trgm_idx', { synchronize: false })
@Index('requests_type_status_idx', ['typeId', 'status', 'dueOn'])
@Index('requests_assignee_status_idx', ['assigneeId', 'status', 'dueOn'])
@Index('requests_household_idx', ['householdId', 'updatedAt'])
@Index('requests_school_idx', ['schoolSiteId', 'status'])
@Index('requests_submitted_idx', ['submittedAt', 'id'])
@Index('requests_updated_idx', ['updatedAt', 'id'])
@Check(
  'requests_status_check',
  `"status" IN ('draft', 'submitted', 'in_review', 'waiting_resident', 'approved', 'refused', 'withdrawn', 'closed')`,
)
@Check('requests_channel_check', `"channel" IN ('online', 'counter', 'phone', 'mail')`)
@Check(
  'requests_submitted_check',
  `"status" = 'draft' OR "status" = 'withdrawn' OR "submitted_at" IS NOT NULL`,
)
export class RequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** D-2026-000123: the year of creation and a counter per year. */
  @Column({ type: 'text', unique: true })
  number!: string;

  @Column({ type: 'uuid', name: 'household_id' })
  householdId!: string;

  /** Foreign key to households, named by string: the other domain's entity is not imported. */
  @ManyToOne('HouseholdEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'household_id' })
  readonly household?: unknown;

  @Column({ type: 'uuid', name: 'type_id' })
  typeId!: string;

  @ManyToOne(() => RequestTypeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'type_id' })
  type?: RequestTypeEntity;

  @Column({ type: 'text' })
  status!: RequestStatus;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  data!: Record<string, unknown>;

  @Column({ type: 'text', default: 'online' })
  channel!: RequestChannel;

  @Column({ type: 'uuid', name: 'created_by' })
  createdBy!: string;

  @ManyToOne('UserEntity', { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'created_by' })
  readonly creator?: unknown;

  /** The agent who filed it on the resident's behalf (counter, phone, mail). */
  @Column({ type: 'uuid', name: 'filed_by', nullable: true })
  filedBy!: string | null;

  @ManyToOne('UserEntity', { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'filed_by' })
  readonly filer?: unknown;

  @Column({ type: 'uuid', name: 'assignee_id', nullable: true })
  assigneeId!: string | null;

  @ManyToOne('UserEntity', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'assignee_id' })
  readonly assignee?: unknown;

  /** The guardians' names when filed, shown in the queue without a join to accounts. */
  @Column({ type: 'text', name: 'resident_name' })
  residentName!: string;

  @Column({ type: 'text', name: 'search_text' })
  searchText!: string;

  /** The school a request is about (school enrolment), for the queue's school filter. */
  @Column({ type: 'uuid', name: 'school_site_id', nullable: true })
  schoolSiteId!: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;

  @Column({ type: 'timestamptz', name: 'submitted_at', nullable: true })
  submittedAt!: Date | null;

  @Column({ type: 'timestamptz', name: 'decided_at', nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'text', name: 'decision_reason', nullable: true })
  decisionReason!: string | null;

  /** Paris date the city aims to answer by; moved later by the days spent waiting for the resident. */
  @Column({ type: 'date', name: 'due_on', nullable: true })
  dueOn!: string | null;

  /** Set while waiting for the resident (the clock is paused since this Paris date). */
  @Column({ type: 'date', name: 'paused_since', nullable: true })
  pausedSince!: string | null;

  @Column({ type: 'integer', name: 'paused_days', default: 0 })
  pausedDays!: number;

  /** What the approval did, in words. */
  @Column({ type: 'text', nullable: true })
  outcome!: string | null;

  /** What the approval's effect produced (ids of the objects it created or changed). */
  @Column({ type: 'jsonb', name: 'effect_result', nullable: true })
  effectResult!: Record<string, unknown> | null;
}

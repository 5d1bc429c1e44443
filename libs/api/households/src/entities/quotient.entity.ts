import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { QuotientMethod, QuotientStatus } from '@foyer/shared/contracts';
import { DocumentEntity } from './document.entity';
import { HouseholdEntity } from './household.entity';

const numeric = { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/**
 * A quotient familial declared by a family, then validated (with its period) or rejected by an agent.
 * Validated periods of a household never overlap: the service locks the household row and closes the
 * previous period, and a trigger (see the migration) checks it again in the database.
 */
@Entity('quotients')
@Index('quotients_household_idx', ['householdId', 'status'])
@Check('quotients_method_check', `"method" IN ('caf', 'declared')`)
@Check('quotients_status_check', `"status" IN ('pending', 'validated', 'rejected')`)
@Check('quotients_value_check', `"value" >= 0`)
@Check('quotients_period_check', `("status" = 'validated') = ("effective_from" IS NOT NULL)`)
@Check('quotients_period_order_check', `"effective_to" IS NULL OR "effective_to" >= "effective_from"`)
export class QuotientEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'household_id' })
  householdId!: string;

  @ManyToOne(() => HouseholdEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'household_id' })
  household?: HouseholdEntity;

  @Column({ type: 'text' })
  method!: QuotientMethod;

  @Column({ type: 'text' })
  status!: QuotientStatus;

  /** Euros per month, whole. */
  @Column({ type: 'integer' })
  value!: number;

  @Column({ type: 'text', name: 'caf_number', nullable: true })
  cafNumber!: string | null;

  @Column({ type: 'bigint', name: 'annual_resources_cents', nullable: true, transformer: numeric })
  annualResourcesCents!: number | null;

  @Column({ type: 'bigint', name: 'monthly_benefits_cents', nullable: true, transformer: numeric })
  monthlyBenefitsCents!: number | null;

  @Column({ type: 'numeric', precision: 3, scale: 1, nullable: true, transformer: numeric })
  parts!: number | null;

  @Column({ type: 'uuid', name: 'document_id', nullable: true })
  documentId!: string | null;

  @ManyToOne(() => DocumentEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'document_id' })
  document?: DocumentEntity;

  @Column({ type: 'date', name: 'effective_from', nullable: true })
  effectiveFrom!: string | null;

  @Column({ type: 'date', name: 'effective_to', nullable: true })
  effectiveTo!: string | null;

  @Column({ type: 'uuid', name: 'submitted_by' })
  submittedBy!: string;

  /** Foreign key to accounts's users, named by string: the other domain's entity is not imported. */
  @ManyToOne('UserEntity', { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'submitted_by' })
  readonly submitter?: unknown;

  @Column({ type: 'timestamptz', name: 'submitted_at', default: () => 'now()' })
  submittedAt!: Date;

  @Column({ type: 'uuid', name: 'decided_by', nullable: true })
  decidedBy!: string | null;

  /** Foreign key to accounts's users, named by string: the other domain's entity is not imported. */
  @ManyToOne('UserEntity', { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'decided_by' })
  readonly decider?: unknown;

  @Column({ type: 'timestamptz', name: 'decided_at', nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'text', name: 'decision_note', nullable: true })
  decisionNote!: string | null;
}

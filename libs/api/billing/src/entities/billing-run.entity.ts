import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { BillingBlockerView, BillingRunStatus } from '@foyer/shared/contracts';

/**
 * A month's billing: a draft computes every household's lines (rerun replaces them), finalizing issues
 * the invoices. One run per month.
 */
@Entity('billing_runs')
@Index('billing_runs_period_key', ['period'], { unique: true })
@Check('billing_runs_status_check', `"status" IN ('draft', 'finalizing', 'finalized')`)
@Check('billing_runs_period_check', `"period" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`)
export class BillingRunEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** YYYY-MM. */
  @Column({ type: 'text' })
  period!: string;

  @Column({ type: 'text' })
  status!: BillingRunStatus;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  blockers!: BillingBlockerView[];

  @Column({ type: 'integer', name: 'household_count', default: 0 })
  householdCount!: number;

  @Column({
    type: 'bigint',
    name: 'total_cents',
    default: 0,
    transformer: { to: (v: number) => v, from: (v: string) => Number(v) },
  })
  totalCents!: number;

  @Column({ type: 'uuid', name: 'created_by', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'computed_at', nullable: true })
  computedAt!: Date | null;

  @Column({ type: 'timestamptz', name: 'finalized_at', nullable: true })
  finalizedAt!: Date | null;
}

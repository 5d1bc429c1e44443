import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { LineExplanation } from '@foyer/shared/contracts';
import { BillingRunEntity } from './billing-run.entity';

/** A draft line of a run: what an invoice line will be. Replaced as a whole by a rerun. */
@Entity('billing_run_lines')
@Index('billing_run_lines_household_idx', ['runId', 'householdId'])
export class BillingRunLineEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'run_id' })
  runId!: string;

  @ManyToOne(() => BillingRunEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'run_id' })
  run?: BillingRunEntity;

  @Column({ type: 'uuid', name: 'household_id' })
  householdId!: string;

  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'uuid', name: 'child_id', nullable: true })
  childId!: string | null;

  @Column({ type: 'text', name: 'child_name', nullable: true })
  childName!: string | null;

  @Column({ type: 'uuid', name: 'activity_id', nullable: true })
  activityId!: string | null;

  @Column({ type: 'text', name: 'activity_label' })
  activityLabel!: string;

  @Column({ type: 'integer' })
  quantity!: number;

  @Column({ type: 'integer', name: 'unit_cents' })
  unitCents!: number;

  @Column({ type: 'integer', name: 'amount_cents' })
  amountCents!: number;

  @Column({ type: 'jsonb' })
  explanation!: LineExplanation;
}

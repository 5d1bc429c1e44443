import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { BillingRunEntity } from './billing-run.entity';

/**
 * An issued invoice. It never changes: a trigger (see the migration) refuses UPDATE and DELETE on
 * invoices and their lines; payments and credit notes are separate rows that refer to it.
 */
@Entity('invoices')
@Index('invoices_number_key', ['number'], { unique: true })
@Index('invoices_series_key', ['year', 'sequence'], { unique: true })
@Index('invoices_run_household_key', ['runId', 'householdId'], { unique: true })
@Index('invoices_household_idx', ['householdId', 'issueDate'])
@Check(
  'invoices_total_check',
  `"total_cents" >= 0 AND "credit_applied_cents" >= 0 AND "credit_applied_cents" <= "total_cents"`,
)
@Check('invoices_period_check', `"period" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`)
export class InvoiceEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** F-2026-000123. */
  @Column({ type: 'text' })
  number!: string;

  @Column({ type: 'integer' })
  year!: number;

  @Column({ type: 'integer' })
  sequence!: number;

  @Column({ type: 'uuid', name: 'household_id' })
  householdId!: string;

  /** Foreign key to households, named by string: the other domain's entity is not imported. */
  @ManyToOne('HouseholdEntity', { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'household_id' })
  readonly household?: unknown;

  @Column({ type: 'uuid', name: 'run_id', nullable: true })
  runId!: string | null;

  @ManyToOne(() => BillingRunEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'run_id' })
  run?: BillingRunEntity;

  @Column({ type: 'text' })
  period!: string;

  @Column({ type: 'date', name: 'issue_date' })
  issueDate!: string;

  @Column({ type: 'date', name: 'due_date' })
  dueDate!: string;

  @Column({ type: 'timestamptz', name: 'issued_at' })
  issuedAt!: Date;

  @Column({ type: 'integer', name: 'total_cents' })
  totalCents!: number;

  /** Credit from earlier overpayments this invoice used when issued. */
  @Column({ type: 'integer', name: 'credit_applied_cents', default: 0 })
  creditAppliedCents!: number;

  /** Set when the household had an active SEPA mandate at issue. */
  @Column({ type: 'date', name: 'direct_debit_date', nullable: true })
  directDebitDate!: string | null;

  @Column({ type: 'uuid', name: 'mandate_id', nullable: true })
  mandateId!: string | null;

  /** Who the invoice was addressed to, as issued (the household file may change later). */
  @Column({ type: 'text', name: 'addressee' })
  addressee!: string;
}

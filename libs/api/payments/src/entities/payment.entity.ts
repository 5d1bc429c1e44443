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
import type { CounterPaymentMethod, PaymentProviderName, PaymentState } from '@foyer/shared/contracts';

/**
 * A payment of (part of) an invoice: online through a provider, or recorded at the counter.
 * At most one payment in flight (created or pending) per invoice: partial unique index in the migration.
 */
@Entity('payments')
@Index('payments_invoice_idx', ['invoiceId'])
@Index('payments_in_flight_key', ['invoiceId'], { unique: true, where: `"state" IN ('created', 'pending')` })
@Index('payments_household_idx', ['householdId', 'createdAt'])
@Index('payments_provider_ref_key', ['provider', 'providerRef'], { unique: true })
@Index('payments_receipt_key', ['receiptNumber'], { unique: true })
@Check('payments_provider_check', `"provider" IN ('sandbox', 'payfip', 'counter', 'direct_debit')`)
@Check('payments_state_check', `"state" IN ('created', 'pending', 'paid', 'refused', 'abandoned', 'expired')`)
@Check('payments_amount_check', `"amount_cents" > 0`)
@Check(
  'payments_method_check',
  `("provider" = 'counter') = ("method" IS NOT NULL AND "receipt_number" IS NOT NULL) AND ("method" IS NULL OR "method" IN ('cash', 'cheque', 'cesu', 'holiday_vouchers', 'transfer'))`,
)
@Check('payments_cash_limit_check', `"method" IS DISTINCT FROM 'cash' OR "amount_cents" <= 30000`)
export class PaymentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'invoice_id', nullable: true })
  invoiceId!: string | null;

  /** Foreign key to billing's invoices, named by string: the other domain's entity is not imported. */
  @ManyToOne('InvoiceEntity', { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'invoice_id' })
  readonly invoice?: unknown;

  @Column({ type: 'uuid', name: 'household_id' })
  householdId!: string;

  @ManyToOne('HouseholdEntity', { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'household_id' })
  readonly household?: unknown;

  @Column({ type: 'text' })
  provider!: PaymentProviderName;

  @Column({ type: 'text' })
  state!: PaymentState;

  @Column({ type: 'integer', name: 'amount_cents' })
  amountCents!: number;

  /** The provider's id of the operation (PayFiP idOp, sandbox operation id). */
  @Column({ type: 'text', name: 'provider_ref', nullable: true })
  providerRef!: string | null;

  /** What the provider last said (resultrans, numauto…), for the régisseur. */
  @Column({ type: 'jsonb', name: 'provider_details', nullable: true })
  providerDetails!: Record<string, unknown> | null;

  @Column({ type: 'text', nullable: true })
  method!: CounterPaymentMethod | null;

  @Column({ type: 'text', name: 'receipt_number', nullable: true })
  receiptNumber!: string | null;

  @Column({ type: 'text', nullable: true })
  reference!: string | null;

  @Column({ type: 'uuid', name: 'recorded_by', nullable: true })
  recordedBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;

  @Column({ type: 'timestamptz', name: 'settled_at', nullable: true })
  settledAt!: Date | null;

  /** After this instant an unconfirmed payment is asked about, then expired. */
  @Column({ type: 'timestamptz', name: 'expires_at', nullable: true })
  expiresAt!: Date | null;
}

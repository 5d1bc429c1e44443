import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { InvoiceEntity } from './invoice.entity';

/** An avoir: cancels part or all of an issued invoice (numbered A-2026-000001, its own series). */
@Entity('credit_notes')
@Index('credit_notes_number_key', ['number'], { unique: true })
@Index('credit_notes_invoice_idx', ['invoiceId'])
@Check('credit_notes_amount_check', `"amount_cents" > 0`)
export class CreditNoteEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  number!: string;

  @Column({ type: 'uuid', name: 'invoice_id' })
  invoiceId!: string;

  @ManyToOne(() => InvoiceEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'invoice_id' })
  invoice?: InvoiceEntity;

  @Column({ type: 'uuid', name: 'household_id' })
  householdId!: string;

  @Column({ type: 'integer', name: 'amount_cents' })
  amountCents!: number;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'timestamptz', name: 'issued_at' })
  issuedAt!: Date;

  @Column({ type: 'uuid', name: 'issued_by' })
  issuedBy!: string;
}

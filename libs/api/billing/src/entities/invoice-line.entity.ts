import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { LineExplanation } from '@foyer/shared/contracts';
import { InvoiceEntity } from './invoice.entity';

/** A line of an issued invoice, with how it was computed (immutable, like the invoice). */
@Entity('invoice_lines')
@Index('invoice_lines_invoice_idx', ['invoiceId', 'position'])
export class InvoiceLineEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'invoice_id' })
  invoiceId!: string;

  @ManyToOne(() => InvoiceEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'invoice_id' })
  invoice?: InvoiceEntity;

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

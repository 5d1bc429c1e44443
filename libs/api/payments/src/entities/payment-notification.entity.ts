import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Every server-to-server notification received, accepted or not: the log a régisseur reads when a
 * family says it paid (forged, duplicated and late notifications included).
 */
@Entity('payment_notifications')
@Index('payment_notifications_payment_idx', ['paymentId'])
export class PaymentNotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  provider!: string;

  @Column({ type: 'uuid', name: 'payment_id', nullable: true })
  paymentId!: string | null;

  @Column({ type: 'timestamptz', name: 'received_at' })
  receivedAt!: Date;

  /** accepted, duplicate, bad-signature, unknown-payment, invalid. */
  @Column({ type: 'text' })
  outcome!: string;

  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;
}

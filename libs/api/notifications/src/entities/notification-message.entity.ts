import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DeliveryStatus, NotificationChannel, NotificationTopic } from '@foyer/shared/contracts';

/**
 * One message to one person on one channel: an inbox entry, or a mail with its delivery status
 * (named as GOV.UK Notify names them). An account mail to an address with no account yet (sign-up
 * verification) has no user.
 */
@Entity('notification_messages')
@Index('notification_messages_inbox_idx', ['userId', 'createdAt'], { where: `"channel" = 'inbox'` })
@Index('notification_messages_household_idx', ['householdId', 'createdAt'])
@Check('notification_messages_channel_check', `"channel" IN ('inbox', 'email', 'sms', 'push')`)
@Check(
  'notification_messages_status_check',
  `"status" IN ('created', 'sending', 'delivered', 'temporary-failure', 'permanent-failure', 'technical-failure')`,
)
@Check('notification_messages_recipient_check', `"user_id" IS NOT NULL OR "address" IS NOT NULL`)
export class NotificationMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The account (users.id, accounts domain). */
  @Column({ type: 'uuid', name: 'user_id', nullable: true })
  userId!: string | null;

  /** The family it concerns (households.id), so agents see it in the family file. */
  @Column({ type: 'uuid', name: 'household_id', nullable: true })
  householdId!: string | null;

  @Column({ type: 'text' })
  channel!: NotificationChannel;

  @Column({ type: 'text' })
  topic!: NotificationTopic;

  /** E-mail address (or phone number) the message went to, as it was then. */
  @Column({ type: 'text', nullable: true })
  address!: string | null;

  @Column({ type: 'text' })
  subject!: string;

  /** Plain text. */
  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'text', nullable: true })
  html!: string | null;

  /**
   * The document type the message names (document reminders), so that an agent whose scopes may
   * not read that type (a PAI is health data) sees the topic's label instead of the subject.
   */
  @Column({ type: 'text', name: 'document_type', nullable: true })
  documentType!: string | null;

  /** Path inside the portal the message is about (e.g. /famille). */
  @Column({ type: 'text', nullable: true })
  link!: string | null;

  @Column({ type: 'text', default: DeliveryStatus.Created })
  status!: DeliveryStatus;

  /** The mail server's answer of the last attempt, when it failed. */
  @Column({ type: 'text', name: 'status_detail', nullable: true })
  statusDetail!: string | null;

  @Column({ type: 'timestamptz', name: 'status_at', default: () => 'now()' })
  statusAt!: Date;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  /** Inbox only: when the person opened it. */
  @Column({ type: 'timestamptz', name: 'read_at', nullable: true })
  readAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}

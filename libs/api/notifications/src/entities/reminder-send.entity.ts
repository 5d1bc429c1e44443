import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A reminder sent to a family for one rule and one object. The unique key is what makes a rerun of
 * the daily job, or a second API process running it, send nothing twice.
 */
@Entity('reminder_sends')
@Index('reminder_sends_key', ['rule', 'householdId', 'objectKey'], { unique: true })
export class ReminderSendEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  rule!: string;

  @Column({ type: 'uuid', name: 'household_id' })
  householdId!: string;

  /** What the reminder is about, e.g. a document id and its expiry date. */
  @Column({ type: 'text', name: 'object_key' })
  objectKey!: string;

  /** The Paris date of the run that sent it. */
  @Column({ type: 'date', name: 'sent_on' })
  sentOn!: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}

import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { NotificationChannel, NotificationTopic } from '@foyer/shared/contracts';

/** A person's choice for one topic on one channel. No row: the channel's default (e-mail on, SMS off). */
@Entity('notification_preferences')
export class NotificationPreferenceEntity {
  @PrimaryColumn({ type: 'uuid', name: 'user_id' })
  userId!: string;

  @PrimaryColumn({ type: 'text' })
  topic!: NotificationTopic;

  @PrimaryColumn({ type: 'text' })
  channel!: NotificationChannel;

  @Column({ type: 'boolean' })
  enabled!: boolean;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}

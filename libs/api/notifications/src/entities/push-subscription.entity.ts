import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';

/**
 * One browser (device) that accepted the portal's notifications: its push service endpoint and the
 * keys the payload is encrypted for (RFC 8291). Deleted when the push service says it is gone.
 */
@Entity('push_subscriptions')
@Index('push_subscriptions_user_idx', ['userId'])
export class PushSubscriptionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'user_id' })
  userId!: string;

  /** Foreign key to accounts's users, named by string: the other domain's entity is not imported. */
  @ManyToOne('UserEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  readonly account?: unknown;

  @Column({ type: 'text', unique: true })
  endpoint!: string;

  /** The browser's P-256 public key, base64url. */
  @Column({ type: 'text' })
  p256dh!: string;

  /** The browser's authentication secret, base64url. */
  @Column({ type: 'text' })
  auth!: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}

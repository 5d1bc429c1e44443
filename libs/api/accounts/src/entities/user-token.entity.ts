import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { UserEntity } from './user.entity';

export enum UserTokenPurpose {
  /** Confirms the address given at sign-up. */
  VerifyEmail = 'verify_email',
  /** Confirms a new address; the e-mail changes only when it is used. */
  ChangeEmail = 'change_email',
  /** Sets a new password (forgotten password, or an agent's invitation). */
  ResetPassword = 'reset_password',
}

/** A single-use link sent by e-mail. Only the sha256 of the token is stored. */
@Entity('user_tokens')
@Check('user_tokens_purpose_check', `"purpose" IN ('verify_email', 'change_email', 'reset_password')`)
@Index('user_tokens_user_idx', ['userId', 'purpose'])
export class UserTokenEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'user_id' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'text' })
  purpose!: UserTokenPurpose;

  @Index('user_tokens_hash_key', { unique: true })
  @Column({ type: 'text', name: 'token_hash' })
  tokenHash!: string;

  /** The address being confirmed, for a change of e-mail. */
  @Column({ type: 'text', name: 'new_email', nullable: true })
  newEmail!: string | null;

  @Column({ type: 'timestamptz', name: 'expires_at' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', name: 'used_at', nullable: true })
  usedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}

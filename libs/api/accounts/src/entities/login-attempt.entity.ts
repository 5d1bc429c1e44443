import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A counted attempt (a failed sign-in, a sign-up, a forgotten-password request) under a key such as
 * "login:account:<email>" or "register:ip:<address>". Kept in PostgreSQL so every process of the
 * API sees the same counts.
 */
@Entity('login_attempts')
@Index('login_attempts_key_idx', ['key', 'at'])
export class LoginAttemptEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  key!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;
}

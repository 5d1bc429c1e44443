import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A key refused until `lockedUntil`; `level` grows with each lock, doubling the delay (capped). */
@Entity('login_locks')
export class LoginLockEntity {
  @PrimaryColumn({ type: 'text' })
  key!: string;

  @Column({ type: 'int' })
  level!: number;

  @Column({ type: 'timestamptz', name: 'locked_until' })
  lockedUntil!: Date;
}

import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A QR sign-in asked by a kiosk: the code (in the QR) is approved once by a signed-in phone before
 * it expires; the kiosk then claims the session once with its poll secret. Only hashes are stored.
 */
@Entity('kiosk_sign_in_requests')
export class KioskSignInRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The enrolled terminal, or null on a deployment in KIOSK_MODE. */
  @Column({ type: 'uuid', name: 'terminal_id', nullable: true })
  terminalId!: string | null;

  @Column({ type: 'text', name: 'terminal_name' })
  terminalName!: string;

  @Index('kiosk_sign_in_requests_code_key', { unique: true })
  @Column({ type: 'text', name: 'code_hash' })
  codeHash!: string;

  @Column({ type: 'text', name: 'poll_secret_hash' })
  pollSecretHash!: string;

  @Column({ type: 'timestamptz', name: 'expires_at' })
  expiresAt!: Date;

  /** The number shown beside the QR code, typed on the phone (10 to 99). */
  @Column({ type: 'smallint' })
  confirmation!: number;

  /** When a phone approved the code (single use), or spent it with a wrong number. */
  @Column({ type: 'timestamptz', name: 'used_at', nullable: true })
  usedAt!: Date | null;

  /** The kiosk session opened by the approval. */
  @Column({ type: 'uuid', name: 'session_id', nullable: true })
  sessionId!: string | null;

  /** When the kiosk collected its session (once). */
  @Column({ type: 'timestamptz', name: 'claimed_at', nullable: true })
  claimedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}

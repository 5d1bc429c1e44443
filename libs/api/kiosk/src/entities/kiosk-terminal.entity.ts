import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A public touch terminal enrolled by an administrator (a browser holding its signed cookie). */
@Entity('kiosk_terminals')
export class KioskTerminalEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Where it stands, as residents read it: « Mairie — hall RER ». */
  @Column({ type: 'text' })
  name!: string;

  /** sha256 of the one-time activation token; null once used. */
  @Index('kiosk_terminals_activation_key', { unique: true })
  @Column({ type: 'text', name: 'activation_token_hash', nullable: true })
  activationTokenHash!: string | null;

  @Column({ type: 'timestamptz', name: 'activated_at', nullable: true })
  activatedAt!: Date | null;

  @Column({ type: 'timestamptz', name: 'revoked_at', nullable: true })
  revokedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}

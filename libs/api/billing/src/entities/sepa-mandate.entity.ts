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
import type { MandateStatus } from '@foyer/shared/contracts';

/** A SEPA direct-debit mandate; one active per household (partial unique index in the migration). */
@Entity('sepa_mandates')
@Index('sepa_mandates_reference_key', ['reference'], { unique: true })
@Index('sepa_mandates_active_key', ['householdId'], { unique: true, where: `"status" = 'active'` })
@Check('sepa_mandates_status_check', `"status" IN ('active', 'revoked')`)
export class SepaMandateEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'household_id' })
  householdId!: string;

  /** Foreign key to households, named by string: the other domain's entity is not imported. */
  @ManyToOne('HouseholdEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'household_id' })
  readonly household?: unknown;

  /** Référence unique du mandat (RUM). */
  @Column({ type: 'text' })
  reference!: string;

  /** Electronic format, upper case, no spaces; checked with ibantools. */
  @Column({ type: 'text' })
  iban!: string;

  @Column({ type: 'text', nullable: true })
  bic!: string | null;

  @Column({ type: 'text' })
  holder!: string;

  @Column({ type: 'date', name: 'signed_on' })
  signedOn!: string;

  @Column({ type: 'text' })
  status!: MandateStatus;

  @Column({ type: 'timestamptz', name: 'revoked_at', nullable: true })
  revokedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}

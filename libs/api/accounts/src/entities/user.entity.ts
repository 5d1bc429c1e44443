import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { AgentScope, Role } from '@foyer/shared/contracts';

/**
 * A person who signs in: a resident (parent), an agent of the city or an administrator.
 * E-mails are stored lowercased; a unique index on lower(email) (hand-written in the migration,
 * hence `synchronize: false`) makes two accounts with the same address impossible.
 */
@Entity('users')
@Index('users_email_lower_key', { synchronize: false })
@Check('users_role_check', `"role" IN ('resident', 'agent', 'admin')`)
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  email!: string;

  /** argon2id; null for an account that signs in only with FranceConnect, or an invited agent. */
  @Column({ type: 'text', name: 'password_hash', nullable: true })
  passwordHash!: string | null;

  @Column({ type: 'text', name: 'first_name' })
  firstName!: string;

  @Column({ type: 'text', name: 'last_name' })
  lastName!: string;

  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  /** From FranceConnect when the account was created or linked through it. */
  @Column({ type: 'date', name: 'birth_date', nullable: true })
  birthDate!: string | null;

  @Column({ type: 'text', default: Role.Resident })
  role!: Role;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  scopes!: AgentScope[];

  @Column({ type: 'timestamptz', name: 'email_verified_at', nullable: true })
  emailVerifiedAt!: Date | null;

  /** A deactivated account can neither sign in nor refresh its session. */
  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /**
   * Bumped whenever every session must end now (sign-out everywhere, password change or reset, an
   * agent's scopes or status changed): access tokens carry it and are checked on every request.
   */
  @Column({ type: 'integer', name: 'session_version', default: 0 })
  sessionVersion!: number;

  /** FranceConnect subject identifier (pairwise, stable for this portal). */
  @Index('users_franceconnect_sub_key', { unique: true })
  @Column({ type: 'text', name: 'franceconnect_sub', nullable: true })
  franceConnectSub!: string | null;

  /** Set when the account was closed (RGPD): personal fields are blanked and sign-in is off. */
  @Column({ type: 'timestamptz', name: 'anonymised_at', nullable: true })
  anonymisedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}

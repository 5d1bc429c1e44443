import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Who changed what and when. Append-only: a database trigger refuses UPDATE and DELETE, so not even
 * a bug in the API can rewrite history (anonymisation for RGPD blanks `details` through a
 * dedicated function, see the migration).
 */
@Entity('audit_log')
@Index('audit_log_household_idx', ['householdId', 'at'])
export class AuditEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;

  /** Null for the system (jobs, seed). */
  @Column({ type: 'uuid', name: 'actor_id', nullable: true })
  actorId!: string | null;

  /** "resident", "agent", "admin" or "system", at the time of the action. */
  @Column({ type: 'text', name: 'actor_role' })
  actorRole!: string;

  /** Verb-noun, e.g. "child.update", "quotient.validate", "agent.scopes.update". */
  @Column({ type: 'text' })
  action!: string;

  /** Table-like name of what changed: "child", "household", "quotient", "user", "document". */
  @Column({ type: 'text' })
  entity!: string;

  @Column({ type: 'uuid', name: 'entity_id', nullable: true })
  entityId!: string | null;

  @Column({ type: 'uuid', name: 'household_id', nullable: true })
  householdId!: string | null;

  /** What changed: field names with before/after values, never secrets. */
  @Column({ type: 'jsonb' })
  details!: Record<string, unknown>;
}

import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

/** The secret link of a child's ICS feed: only its SHA-256 is kept; regenerating replaces it. */
@Entity('calendar_feeds')
@Index('calendar_feeds_token_hash_key', ['tokenHash'], { unique: true })
export class CalendarFeedEntity {
  @PrimaryColumn({ type: 'uuid', name: 'child_id' })
  childId!: string;

  @ManyToOne('ChildEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'child_id' })
  readonly child?: unknown;

  @Column({ type: 'uuid', name: 'household_id' })
  householdId!: string;

  @ManyToOne('HouseholdEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'household_id' })
  readonly household?: unknown;

  @Column({ type: 'text', name: 'token_hash' })
  tokenHash!: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}

import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { HouseholdEntity } from './household.entity';

/** A family asked to close its account (RGPD right to erasure); an agent executes it. */
@Entity('closure_requests')
@Index('closure_requests_open_key', ['householdId'], { unique: true, where: '"executed_at" IS NULL' })
export class ClosureRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'household_id' })
  householdId!: string;

  @ManyToOne(() => HouseholdEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'household_id' })
  household?: HouseholdEntity;

  @Column({ type: 'uuid', name: 'requested_by' })
  requestedBy!: string;

  /** Foreign key to accounts's users, named by string: the other domain's entity is not imported. */
  @ManyToOne('UserEntity', { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'requested_by' })
  readonly requester?: unknown;

  @Column({ type: 'timestamptz', name: 'requested_at', default: () => 'now()' })
  requestedAt!: Date;

  @Column({ type: 'uuid', name: 'executed_by', nullable: true })
  executedBy!: string | null;

  /** Foreign key to accounts's users, named by string: the other domain's entity is not imported. */
  @ManyToOne('UserEntity', { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'executed_by' })
  readonly executor?: unknown;

  @Column({ type: 'timestamptz', name: 'executed_at', nullable: true })
  executedAt!: Date | null;
}

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
import { HouseholdEntity } from './household.entity';

/** A legal guardian's account linked to a household. One household per account; two guardians at most. */
@Entity('household_guardians')
@Index('household_guardians_user_key', ['userId'], { unique: true })
@Index('household_guardians_rank_key', ['householdId', 'rank'], { unique: true })
@Check('household_guardians_rank_check', `"rank" IN (1, 2)`)
export class GuardianEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'household_id' })
  householdId!: string;

  @ManyToOne(() => HouseholdEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'household_id' })
  household?: HouseholdEntity;

  /** The account (users.id, accounts domain). */
  @Column({ type: 'uuid', name: 'user_id' })
  userId!: string;

  /** Foreign key to accounts's users, named by string: the other domain's entity is not imported. */
  @ManyToOne('UserEntity', { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'user_id' })
  readonly account?: unknown;

  @Column({ type: 'smallint' })
  rank!: 1 | 2;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}

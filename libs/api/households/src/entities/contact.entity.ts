import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { HouseholdEntity } from './household.entity';

/** Someone the family trusts: to call in an emergency, and possibly to collect the children. */
@Entity('household_contacts')
@Index('household_contacts_household_idx', ['householdId'])
export class ContactEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'household_id' })
  householdId!: string;

  @ManyToOne(() => HouseholdEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'household_id' })
  household?: HouseholdEntity;

  @Column({ type: 'text', name: 'first_name' })
  firstName!: string;

  @Column({ type: 'text', name: 'last_name' })
  lastName!: string;

  @Column({ type: 'text' })
  phone!: string;

  @Column({ type: 'text' })
  relationship!: string;

  @Column({ type: 'boolean', name: 'can_pick_up', default: false })
  canPickUp!: boolean;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}

import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { ClassLevel, Diet, Sex } from '@foyer/shared/contracts';
import { ContactEntity } from './contact.entity';
import { DocumentEntity } from './document.entity';
import { HouseholdEntity } from './household.entity';

@Entity('children')
@Index('children_household_idx', ['householdId'])
@Check('children_sex_check', `"sex" IN ('F', 'M')`)
@Check('children_diet_check', `"diet" IN ('none', 'no_pork', 'vegetarian', 'pai_basket')`)
@Check('children_class_level_check', `"class_level" IN ('PS', 'MS', 'GS', 'CP', 'CE1', 'CE2', 'CM1', 'CM2')`)
@Check('children_pai_document_check', `"pai" OR "pai_document_id" IS NULL`)
export class ChildEntity {
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

  @Column({ type: 'date', name: 'birth_date' })
  birthDate!: string;

  @Column({ type: 'text' })
  sex!: Sex;

  /** A site of kind school (city domain), checked through CityService. */
  @Column({ type: 'uuid', name: 'school_site_id', nullable: true })
  schoolSiteId!: string | null;

  /** Foreign key to city's sites, named by string: the other domain's entity is not imported. */
  @ManyToOne('SiteEntity', { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'school_site_id' })
  readonly schoolSite?: unknown;

  @Column({ type: 'text', name: 'class_level', nullable: true })
  classLevel!: ClassLevel | null;

  @Column({ type: 'text', nullable: true })
  allergies!: string | null;

  @Column({ type: 'text', default: Diet.None })
  diet!: Diet;

  /** Projet d'accueil individualisé (allergy or illness plan agreed with the school doctor). */
  @Column({ type: 'boolean', default: false })
  pai!: boolean;

  @Column({ type: 'uuid', name: 'pai_document_id', nullable: true })
  paiDocumentId!: string | null;

  @ManyToOne(() => DocumentEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'pai_document_id' })
  paiDocument?: DocumentEntity;

  @Column({ type: 'text', name: 'doctor_name', nullable: true })
  doctorName!: string | null;

  @Column({ type: 'text', name: 'doctor_phone', nullable: true })
  doctorPhone!: string | null;

  @Column({ type: 'boolean', name: 'photo_consent', default: false })
  photoConsent!: boolean;

  /** Household contacts allowed to collect this child. */
  @ManyToMany(() => ContactEntity, { onDelete: 'CASCADE' })
  @JoinTable({
    name: 'child_pickup_contacts',
    joinColumn: { name: 'child_id', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'contact_id', referencedColumnName: 'id' },
  })
  pickupContacts?: ContactEntity[];

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}

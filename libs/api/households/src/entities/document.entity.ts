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
import { DocumentType } from '@foyer/shared/contracts';
import { HouseholdEntity } from './household.entity';

/** A supporting document a family uploaded. The file lives in DocumentStorage under `storageKey`. */
@Entity('household_documents')
@Index('household_documents_household_idx', ['householdId'])
@Index('household_documents_storage_key', ['storageKey'], { unique: true })
@Check(
  'household_documents_type_check',
  `"type" IN ('proof_of_address', 'caf_attestation', 'tax_notice', 'pai', 'vaccination', 'insurance')`,
)
@Check('household_documents_mime_check', `"mime_type" IN ('application/pdf', 'image/jpeg', 'image/png')`)
@Check('household_documents_size_check', `"size_bytes" > 0 AND "size_bytes" <= 10485760`)
export class DocumentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'household_id' })
  householdId!: string;

  @ManyToOne(() => HouseholdEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'household_id' })
  household?: HouseholdEntity;

  /** The child it concerns (PAI, vaccination), if any. Plain column: children point to documents too. */
  @Column({ type: 'uuid', name: 'child_id', nullable: true })
  childId!: string | null;

  @Column({ type: 'text' })
  type!: DocumentType;

  /** Random name of the stored file: never derived from what the user sent. */
  @Column({ type: 'text', name: 'storage_key' })
  storageKey!: string;

  /** The name the family gave the file, cleaned, for display and download only. */
  @Column({ type: 'text', name: 'file_name' })
  fileName!: string;

  /** Detected from the content, not from the name or the declared type. */
  @Column({ type: 'text', name: 'mime_type' })
  mimeType!: 'application/pdf' | 'image/jpeg' | 'image/png';

  @Column({ type: 'integer', name: 'size_bytes' })
  sizeBytes!: number;

  @Column({ type: 'date', name: 'expires_on', nullable: true })
  expiresOn!: string | null;

  @Column({ type: 'uuid', name: 'uploaded_by' })
  uploadedBy!: string;

  /** Foreign key to accounts's users, named by string: the other domain's entity is not imported. */
  @ManyToOne('UserEntity', { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'uploaded_by' })
  readonly uploader?: unknown;

  @CreateDateColumn({ type: 'timestamptz', name: 'uploaded_at' })
  uploadedAt!: Date;
}

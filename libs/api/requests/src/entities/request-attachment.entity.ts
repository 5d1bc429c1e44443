import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { RequestAttachmentSource } from '@foyer/shared/contracts';
import { RequestEntity } from './request.entity';

/**
 * A file of a request: uploaded for it (same content checks and storage as the family documents),
 * a document of the family file linked to it, or produced by the city (the attestation PDF).
 */
@Entity('request_attachments')
@Index('request_attachments_request_idx', ['requestId'])
@Check('request_attachments_source_check', `"source" IN ('upload', 'family_document', 'generated')`)
@Check(
  'request_attachments_content_check',
  `("source" = 'family_document') = ("family_document_id" IS NOT NULL) AND ("source" = 'family_document' OR "storage_key" IS NOT NULL)`,
)
export class RequestAttachmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'request_id' })
  requestId!: string;

  @ManyToOne(() => RequestEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id' })
  request?: RequestEntity;

  @Column({ type: 'text' })
  source!: RequestAttachmentSource;

  @Column({ type: 'text', name: 'storage_key', nullable: true })
  storageKey!: string | null;

  @Column({ type: 'uuid', name: 'family_document_id', nullable: true })
  familyDocumentId!: string | null;

  @ManyToOne('DocumentEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'family_document_id' })
  readonly familyDocument?: unknown;

  @Column({ type: 'text', name: 'file_name' })
  fileName!: string;

  @Column({ type: 'text', name: 'mime_type' })
  mimeType!: string;

  @Column({ type: 'integer', name: 'size_bytes' })
  sizeBytes!: number;

  @Column({ type: 'text', name: 'added_by_role' })
  addedByRole!: 'resident' | 'agent' | 'city';

  @Column({ type: 'uuid', name: 'added_by', nullable: true })
  addedBy!: string | null;

  @ManyToOne('UserEntity', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'added_by' })
  readonly adder?: unknown;

  @Column({ type: 'timestamptz', name: 'added_at' })
  addedAt!: Date;
}

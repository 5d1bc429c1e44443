import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { RequestEntity } from './request.entity';

/** A message between the household and the city about a request (an agent's question pauses the clock). */
@Entity('request_messages')
@Index('request_messages_request_idx', ['requestId', 'at'])
export class RequestMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'request_id' })
  requestId!: string;

  @ManyToOne(() => RequestEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id' })
  request?: RequestEntity;

  @Column({ type: 'text' })
  author!: 'resident' | 'agent';

  @Column({ type: 'uuid', name: 'author_id', nullable: true })
  authorId!: string | null;

  @ManyToOne('UserEntity', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_id' })
  readonly authorAccount?: unknown;

  @Column({ type: 'text', name: 'author_label' })
  authorLabel!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'boolean', default: false })
  question!: boolean;

  @Column({ type: 'uuid', array: true, name: 'attachment_ids', default: () => `'{}'` })
  attachmentIds!: string[];

  @Column({ type: 'timestamptz' })
  at!: Date;
}

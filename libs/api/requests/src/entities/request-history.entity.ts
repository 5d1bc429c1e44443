import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { RequestStatus } from '@foyer/shared/contracts';
import { RequestEntity } from './request.entity';

/** Every status change of a request: from, to, who, when, why. Written in the transition's transaction. */
@Entity('request_history')
@Index('request_history_request_idx', ['requestId', 'at'])
export class RequestHistoryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'request_id' })
  requestId!: string;

  @ManyToOne(() => RequestEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id' })
  request?: RequestEntity;

  @Column({ type: 'text', name: 'from_status', nullable: true })
  fromStatus!: RequestStatus | null;

  @Column({ type: 'text', name: 'to_status' })
  toStatus!: RequestStatus;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'uuid', name: 'actor_id', nullable: true })
  actorId!: string | null;

  @ManyToOne('UserEntity', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_id' })
  readonly actor?: unknown;

  @Column({ type: 'text', name: 'actor_role' })
  actorRole!: 'resident' | 'agent' | 'admin' | 'system';

  @Column({ type: 'text', name: 'actor_label' })
  actorLabel!: string;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;
}

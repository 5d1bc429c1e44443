import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { AuditEntryView } from '@foyer/shared/contracts';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { AuditEntryEntity } from './audit-entry.entity';

export interface AuditRecord {
  actor: Pick<AuthenticatedUser, 'id' | 'role'> | null;
  action: string;
  entity: string;
  entityId?: string | null;
  householdId?: string | null;
  details?: Record<string, unknown>;
}

export interface AuditFilter {
  householdId?: string;
  actorId?: string;
  /** An exact action, or a prefix ending with a dot ("quotient."). */
  action?: string;
  /** Entries at or after this instant. */
  since?: Date;
  /** Entries strictly before this instant. */
  until?: Date;
  limit?: number;
  /** Paging: entries strictly before this instant. */
  before?: Date;
}

/** The audit log. Pass the transaction's EntityManager so the entry commits with the change it records. */
@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEntryEntity) private readonly entries: Repository<AuditEntryEntity>) {}

  async record(record: AuditRecord, manager?: EntityManager): Promise<void> {
    const repository = manager ? manager.getRepository(AuditEntryEntity) : this.entries;
    const entry: Partial<AuditEntryEntity> = {
      actorId: record.actor?.id ?? null,
      actorRole: record.actor?.role ?? 'system',
      action: record.action,
      entity: record.entity,
      entityId: record.entityId ?? null,
      householdId: record.householdId ?? null,
      details: record.details ?? {},
    };
    await repository.save(repository.create(entry));
  }

  async list(filter: AuditFilter): Promise<AuditEntryView[]> {
    const query = this.entries.createQueryBuilder('e').orderBy('e.at', 'DESC').addOrderBy('e.id', 'DESC');
    if (filter.householdId)
      query.andWhere('e.household_id = :householdId', { householdId: filter.householdId });
    if (filter.actorId) query.andWhere('e.actor_id = :actorId', { actorId: filter.actorId });
    if (filter.action?.endsWith('.'))
      query.andWhere('starts_with(e.action, :action)', { action: filter.action });
    else if (filter.action) query.andWhere('e.action = :action', { action: filter.action });
    if (filter.since) query.andWhere('e.at >= :since', { since: filter.since });
    if (filter.until) query.andWhere('e.at < :until', { until: filter.until });
    if (filter.before) query.andWhere('e.at < :before', { before: filter.before });
    const rows = await query.limit(Math.min(filter.limit ?? 100, 500)).getMany();
    return rows.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      actorId: e.actorId,
      actorLabel: e.actorRole,
      action: e.action,
      entity: e.entity,
      entityId: e.entityId,
      householdId: e.householdId,
      details: e.details,
    }));
  }
}

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

  async list(filter: { householdId?: string; limit?: number; before?: Date }): Promise<AuditEntryView[]> {
    const query = this.entries.createQueryBuilder('e').orderBy('e.at', 'DESC').addOrderBy('e.id', 'DESC');
    if (filter.householdId)
      query.andWhere('e.household_id = :householdId', { householdId: filter.householdId });
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

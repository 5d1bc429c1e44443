import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AgentScope, RequestEffect, RequestTypeView } from '@foyer/shared/contracts';
import { AuditService, ConflictError, NotFoundError } from '@foyer/api/core';
import type { AuthenticatedUser } from '@foyer/api/core';
import { SaveRequestTypeDto } from './dto/request-type.dto';
import { RequestEffects } from './effects/request-effect';
import { RequestTypeEntity } from './entities/request-type.entity';
import { FormValidator } from './forms/form-validator';
import { toRequestTypeView } from './mappers';

/** The catalogue of démarches: residents read the active types; admins create and edit them. */
@Injectable()
export class RequestTypesService {
  /** The types by id, kept 10 s in the process (the queue reads them on every page); admin writes clear it. */
  private cache: { at: number; types: Promise<Map<string, RequestTypeEntity>> } | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly validator: FormValidator,
    private readonly effects: RequestEffects,
    private readonly audit: AuditService,
  ) {}

  async list(includeInactive: boolean): Promise<RequestTypeView[]> {
    const rows = await this.dataSource
      .getRepository(RequestTypeEntity)
      .find({ where: includeInactive ? {} : { active: true }, order: { title: 'ASC' } });
    return rows.map(toRequestTypeView);
  }

  byIdCached(): Promise<Map<string, RequestTypeEntity>> {
    const now = Date.now();
    if (!this.cache || now - this.cache.at > 10_000) {
      const types = this.dataSource
        .getRepository(RequestTypeEntity)
        .find()
        .then((rows) => new Map(rows.map((t) => [t.id, t])));
      types.catch(() => (this.cache = null));
      this.cache = { at: now, types };
    }
    return this.cache.types;
  }

  private invalidate(): void {
    this.cache = null;
  }

  async byId(id: string): Promise<RequestTypeEntity> {
    const type = await this.dataSource.getRepository(RequestTypeEntity).findOneBy({ id });
    if (!type) throw new NotFoundError('Ce type de démarche est introuvable.');
    return type;
  }

  async get(id: string): Promise<RequestTypeView> {
    return toRequestTypeView(await this.byId(id));
  }

  /** Refuses a definition whose form is not a valid schema, breaks a portal rule or misses its effect's fields. */
  private check(dto: SaveRequestTypeDto): void {
    const effectProblems =
      typeof dto.form === 'object' && dto.form !== null && typeof dto.form.properties === 'object'
        ? this.effects.formProblems(dto.effect, dto.form)
        : [];
    this.validator.assertDefinition(dto.form, effectProblems);
  }

  async create(dto: SaveRequestTypeDto, actor: AuthenticatedUser): Promise<RequestTypeView> {
    this.check(dto);
    return this.dataSource.transaction(async (m) => {
      const repo = m.getRepository(RequestTypeEntity);
      if (await repo.findOneBy({ code: dto.code })) {
        throw new ConflictError('Un type de démarche porte déjà ce code.');
      }
      const saved = await repo.save(repo.create(fromDto(dto)));
      this.invalidate();
      await this.audit.record(
        {
          actor,
          action: 'request-type.create',
          entity: 'request-type',
          entityId: saved.id,
          details: { code: saved.code },
        },
        m,
      );
      return toRequestTypeView(saved);
    });
  }

  async update(id: string, dto: SaveRequestTypeDto, actor: AuthenticatedUser): Promise<RequestTypeView> {
    this.check(dto);
    return this.dataSource.transaction(async (m) => {
      const repo = m.getRepository(RequestTypeEntity);
      const type = await repo.findOneBy({ id });
      if (!type) throw new NotFoundError('Ce type de démarche est introuvable.');
      if (dto.code !== type.code && (await repo.findOneBy({ code: dto.code }))) {
        throw new ConflictError('Un type de démarche porte déjà ce code.');
      }
      if (dto.effect !== type.effect) {
        const [{ count }]: { count: number }[] = await m.query(
          `SELECT count(*)::int AS count FROM requests WHERE type_id = $1 AND status IN ('submitted', 'in_review', 'waiting_resident')`,
          [id],
        );
        if (count > 0) {
          throw new ConflictError(
            'Des demandes de ce type sont en cours : son effet ne peut pas changer maintenant.',
          );
        }
      }
      Object.assign(type, fromDto(dto));
      const saved = await repo.save(type);
      this.invalidate();
      await this.audit.record(
        {
          actor,
          action: 'request-type.update',
          entity: 'request-type',
          entityId: id,
          details: { code: saved.code },
        },
        m,
      );
      return toRequestTypeView(saved);
    });
  }

  /** A type with requests is deactivated instead (its requests keep their history). */
  async remove(id: string, actor: AuthenticatedUser): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const repo = m.getRepository(RequestTypeEntity);
      const type = await repo.findOneBy({ id });
      if (!type) throw new NotFoundError('Ce type de démarche est introuvable.');
      const [{ used }]: { used: boolean }[] = await m.query(
        `SELECT EXISTS (SELECT 1 FROM requests WHERE type_id = $1) AS used`,
        [id],
      );
      this.invalidate();
      if (used) {
        type.active = false;
        await repo.save(type);
      } else {
        await repo.delete({ id });
      }
      await this.audit.record(
        {
          actor,
          action: used ? 'request-type.deactivate' : 'request-type.delete',
          entity: 'request-type',
          entityId: id,
          details: { code: type.code },
        },
        m,
      );
    });
  }
}

function fromDto(dto: SaveRequestTypeDto): Partial<RequestTypeEntity> {
  return {
    code: dto.code,
    title: dto.title,
    description: dto.description,
    form: dto.form,
    requiredDocuments: dto.requiredDocuments ?? [],
    scope: dto.scope as AgentScope,
    effect: dto.effect as RequestEffect,
    targetDays: dto.targetDays,
    severalOpenAllowed: dto.severalOpenAllowed ?? false,
    active: dto.active ?? true,
  };
}

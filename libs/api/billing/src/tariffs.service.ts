import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  CreateTariffRequest,
  TariffMethod,
  TariffRules,
  TariffView,
  UpdateTariffRequest,
} from '@foyer/shared/contracts';
import { addDays, PricingRules, tariffRulesProblems } from '@foyer/shared/domain';
import { AuditService, ConflictError, InvalidInputError, NotFoundError } from '@foyer/api/core';
import type { AuthenticatedUser } from '@foyer/api/core';
import { TariffEntity } from './entities';

/**
 * The activities billing prices: the bookings domain's table, read by id and name only (a reviewed
 * cross-domain read, see docs/billing.md).
 */
export async function activityNames(m: EntityManager, ids?: string[]): Promise<Map<string, string>> {
  const rows: { id: string; name: string }[] = ids
    ? await m.query(`SELECT id, name FROM activities WHERE id = ANY($1::uuid[])`, [ids])
    : await m.query(`SELECT id, name FROM activities`);
  return new Map(rows.map((r) => [r.id, r.name]));
}

export function toPricingRules(tariff: TariffEntity): PricingRules {
  return { ...tariff.rules, method: tariff.method } as PricingRules;
}

function rulesOf(input: TariffRules): Omit<TariffRules, 'method'> {
  return {
    brackets: input.brackets ?? null,
    effortRate: input.effortRate ?? null,
    flatCents: input.flatCents ?? null,
    nonResidentCents: input.nonResidentCents ?? null,
    paiCents: input.paiCents ?? null,
    siblingReduction: input.siblingReduction ?? null,
    lateSurcharge: input.lateSurcharge ?? null,
    unbookedPenalty: input.unbookedPenalty ?? null,
  };
}

function toView(t: TariffEntity, activityLabel: string): TariffView {
  return {
    id: t.id,
    activityId: t.activityId,
    activityLabel,
    validFrom: t.validFrom,
    validTo: t.validTo,
    method: t.method,
    ...t.rules,
    unit: { one: t.unitOne, many: t.unitMany },
    createdAt: t.createdAt.toISOString(),
  };
}

/** Admin and facturation agents: one tariff per activity and validity period, periods never overlap. */
@Injectable()
export class TariffsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<TariffView[]> {
    const tariffs = await this.dataSource
      .getRepository(TariffEntity)
      .find({ order: { activityId: 'ASC', validFrom: 'ASC' } });
    const names = await activityNames(this.dataSource.manager);
    return tariffs.map((t) => toView(t, names.get(t.activityId) ?? ''));
  }

  async create(dto: CreateTariffRequest, actor: AuthenticatedUser): Promise<TariffView> {
    return this.dataSource.transaction(async (m) => {
      const names = await activityNames(m, [dto.activityId]);
      // An unknown id in the body answers like an unknown id in the path.
      if (!names.has(dto.activityId)) throw new NotFoundError('Cette activité est introuvable.');
      const tariff = m.getRepository(TariffEntity).create({
        activityId: dto.activityId,
        validFrom: dto.validFrom,
        validTo: dto.validTo ?? null,
        method: dto.method,
        rules: rulesOf(dto),
        unitOne: dto.unit.one,
        unitMany: dto.unit.many,
      });
      await this.closeRunningPeriod(m, tariff, actor);
      await this.check(m, tariff);
      await m.getRepository(TariffEntity).save(tariff);
      await this.audit.record({ actor, action: 'tariff.create', entity: 'tariff', entityId: tariff.id }, m);
      return toView(tariff, names.get(dto.activityId) ?? '');
    });
  }

  async update(tariffId: string, dto: UpdateTariffRequest, actor: AuthenticatedUser): Promise<TariffView> {
    return this.dataSource.transaction(async (m) => {
      const tariff = await m.getRepository(TariffEntity).findOneBy({ id: tariffId });
      if (!tariff) throw new NotFoundError('Ce tarif est introuvable.');
      if (await this.used(m, tariff)) {
        throw new ConflictError(
          'Ce tarif a déjà servi à facturer : créez un nouveau tarif à partir d’une date, il remplacera celui-ci.',
        );
      }
      const merged: TariffRules = { ...tariff.rules, method: tariff.method };
      for (const key of Object.keys(rulesOf(merged)) as (keyof TariffRules)[]) {
        if (key in dto)
          (merged as unknown as Record<string, unknown>)[key] = (dto as Record<string, unknown>)[key];
      }
      if (dto.method) merged.method = dto.method;
      tariff.method = merged.method;
      tariff.rules = rulesOf(merged);
      if (dto.validFrom) tariff.validFrom = dto.validFrom;
      if ('validTo' in dto) tariff.validTo = dto.validTo ?? null;
      if (dto.unit) {
        tariff.unitOne = dto.unit.one;
        tariff.unitMany = dto.unit.many;
      }
      await this.check(m, tariff);
      await m.getRepository(TariffEntity).save(tariff);
      await this.audit.record({ actor, action: 'tariff.update', entity: 'tariff', entityId: tariff.id }, m);
      const names = await activityNames(m, [tariff.activityId]);
      return toView(tariff, names.get(tariff.activityId) ?? '');
    });
  }

  /**
   * A new price from a date replaces the open-ended tariff running before it: that one now ends the
   * day before. Refused (409) when invoices were already issued for days from that date on, since
   * they were priced with the old rules and an issued invoice never changes.
   */
  private async closeRunningPeriod(
    m: EntityManager,
    next: TariffEntity,
    actor: AuthenticatedUser,
  ): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('tariffs:' || $1))`, [next.activityId]);
    const running = await m
      .getRepository(TariffEntity)
      .createQueryBuilder('t')
      .where('t.activity_id = :activityId AND t.valid_to IS NULL AND t.valid_from < :from', {
        activityId: next.activityId,
        from: next.validFrom,
      })
      .getOne();
    if (!running) return;
    const billedAfter: unknown[] = await m.query(
      `SELECT 1 FROM invoices i JOIN invoice_lines l ON l.invoice_id = i.id
        WHERE l.activity_id = $1 AND (i.period || '-01')::date + interval '1 month' > $2::date LIMIT 1`,
      [next.activityId, next.validFrom],
    );
    if (billedAfter.length > 0) {
      throw new ConflictError(
        'Des factures ont déjà été émises pour des jours à partir de cette date : choisissez un début après le dernier mois facturé.',
        'validFrom',
      );
    }
    running.validTo = addDays(next.validFrom, -1);
    await m.getRepository(TariffEntity).save(running);
    await this.audit.record({ actor, action: 'tariff.close', entity: 'tariff', entityId: running.id }, m);
  }

  /** A tariff that priced an invoice line keeps its rules: invoices must stay explainable. */
  private async used(m: EntityManager, tariff: TariffEntity): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `SELECT 1 FROM invoices i JOIN invoice_lines l ON l.invoice_id = i.id
        WHERE l.activity_id = $1 AND (i.period || '-01')::date + interval '1 month' > $2::date
          AND ($3::date IS NULL OR (i.period || '-01')::date <= $3::date)
        LIMIT 1`,
      [tariff.activityId, tariff.validFrom, tariff.validTo],
    );
    return rows.length > 0;
  }

  /** Rules that price, a period in order, no overlap with another tariff of the activity (serialised per activity). */
  private async check(m: EntityManager, tariff: TariffEntity): Promise<void> {
    const problems = tariffRulesProblems(toPricingRules(tariff));
    if (tariff.method === TariffMethod.Brackets && !tariff.rules.brackets?.length) {
      problems.unshift({ field: 'brackets', message: 'Indiquez au moins une tranche.' });
    }
    if (problems.length > 0) throw new InvalidInputError(problems[0].message, problems[0].field);
    if (tariff.validTo !== null && tariff.validTo < tariff.validFrom) {
      throw new InvalidInputError('La fin de validité doit suivre son début.', 'validTo');
    }
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('tariffs:' || $1))`, [tariff.activityId]);
    const overlap: unknown[] = await m.query(
      `SELECT 1 FROM tariffs WHERE activity_id = $1 AND id IS DISTINCT FROM $2::uuid
          AND valid_from <= COALESCE($4::date, 'infinity'::date) AND COALESCE(valid_to, 'infinity'::date) >= $3::date LIMIT 1`,
      [tariff.activityId, tariff.id ?? null, tariff.validFrom, tariff.validTo],
    );
    if (overlap.length > 0) {
      throw new ConflictError('Un autre tarif de cette activité couvre déjà une partie de cette période.');
    }
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  DocumentType,
  PendingQuotientView,
  QuotientMethod,
  QuotientStatus,
  QuotientView,
} from '@foyer/shared/contracts';
import {
  addDays,
  computeQuotient,
  earliestQuotientEffectiveDate,
  formatDateFr,
  IsoDate,
  isValidParts,
  parisDateOf,
} from '@foyer/shared/domain';
import {
  APP_CONFIG,
  AuditService,
  Clock,
  ConflictError,
  InvalidInputError,
  NotFoundError,
} from '@foyer/api/core';
import type { AppConfig } from '@foyer/api/core';
import { DecideQuotientDto, DeclareQuotientDto } from './dto/quotient.dto';
import { DocumentEntity, QuotientEntity } from './entities';
import { Actor, HouseholdAccess } from './household-access';
import { toQuotientView } from './mappers';

/**
 * Quotient familial: declared by the family, decided by a billing agent. Each validated QF holds for
 * a period [effectiveFrom, effectiveTo]; the periods of a household never overlap.
 */
@Injectable()
export class QuotientsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly households: HouseholdAccess,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(householdId: string): Promise<QuotientView[]> {
    const rows = await this.dataSource
      .getRepository(QuotientEntity)
      .find({ where: { householdId }, order: { submittedAt: 'DESC', id: 'ASC' } });
    return rows.map(toQuotientView);
  }

  async declare(householdId: string, dto: DeclareQuotientDto, actor: Actor): Promise<QuotientView> {
    const isCaf = dto.method === QuotientMethod.Caf;
    if (!isCaf && !isValidParts(dto.parts ?? 0)) {
      throw new InvalidInputError('Le nombre de parts doit être un multiple de 0,5 (ex. 2,5).', 'parts');
    }
    return this.dataSource.transaction(async (m) => {
      await this.households.lockHousehold(m, householdId);
      const document = await m.getRepository(DocumentEntity).findOneBy({ id: dto.documentId, householdId });
      if (!document) throw new NotFoundError('Ce document est introuvable.');
      const expected = isCaf ? DocumentType.CafAttestation : DocumentType.TaxNotice;
      if (document.type !== expected) {
        throw new InvalidInputError(
          isCaf ? 'Joignez votre attestation CAF.' : 'Joignez votre avis d’imposition.',
          'documentId',
        );
      }
      const quotient = m.getRepository(QuotientEntity).create({
        householdId,
        method: dto.method,
        status: QuotientStatus.Pending,
        value: isCaf
          ? (dto.cafValue as number)
          : computeQuotient({
              annualResourcesCents: dto.annualResourcesCents as number,
              monthlyBenefitsCents: dto.monthlyBenefitsCents as number,
              parts: dto.parts as number,
            }),
        cafNumber: isCaf ? (dto.cafNumber as string) : null,
        annualResourcesCents: isCaf ? null : (dto.annualResourcesCents as number),
        monthlyBenefitsCents: isCaf ? null : (dto.monthlyBenefitsCents as number),
        parts: isCaf ? null : (dto.parts as number),
        documentId: document.id,
        effectiveFrom: null,
        effectiveTo: null,
        submittedBy: actor.id,
        submittedAt: this.clock.now(),
        decidedBy: null,
        decidedAt: null,
        decisionNote: null,
      });
      const saved = await m.getRepository(QuotientEntity).save(quotient);
      const view = toQuotientView(saved);
      await this.audit.record(
        {
          actor,
          action: 'quotient.declare',
          entity: 'quotient',
          entityId: saved.id,
          householdId,
          details: { method: view.method, value: view.value, parts: view.parts, documentId: view.documentId },
        },
        m,
      );
      return view;
    });
  }

  async listByStatus(status: QuotientStatus | undefined): Promise<PendingQuotientView[]> {
    const rows = await this.dataSource.getRepository(QuotientEntity).find({
      where: status ? { status } : {},
      order: { submittedAt: 'ASC', id: 'ASC' },
      take: 500,
    });
    const labels = await this.households.labelsOf(rows.map((r) => r.householdId));
    return rows.map((r) => ({
      ...toQuotientView(r),
      householdId: r.householdId,
      householdLabel: labels.get(r.householdId) ?? '',
    }));
  }

  /**
   * Validates or rejects a pending QF. The household row is locked first, so two agents deciding for
   * the same household at once run one after the other: the second sees the first's period.
   */
  async decide(quotientId: string, dto: DecideQuotientDto, actor: Actor): Promise<QuotientView> {
    return this.dataSource.transaction(async (m) => {
      const found = await m.getRepository(QuotientEntity).findOneBy({ id: quotientId });
      if (!found) throw new NotFoundError('Ce quotient familial est introuvable.');
      await this.households.lockHousehold(m, found.householdId);
      // Read again under the lock: another agent may have decided meanwhile.
      const quotient = await m.getRepository(QuotientEntity).findOneByOrFail({ id: quotientId });
      if (quotient.status !== QuotientStatus.Pending) {
        throw new ConflictError('Ce quotient familial a déjà été traité.');
      }
      quotient.decidedBy = actor.id;
      quotient.decidedAt = this.clock.now();
      let closed: QuotientEntity | null = null;
      if (dto.decision === 'reject') {
        quotient.status = QuotientStatus.Rejected;
        quotient.decisionNote = dto.note ?? null;
      } else {
        const from = dto.effectiveFrom ?? this.clock.today();
        this.checkEffectiveDate(quotient, from);
        closed = await this.closePreviousPeriod(m, quotient.householdId, from);
        quotient.status = QuotientStatus.Validated;
        quotient.effectiveFrom = from;
        quotient.effectiveTo = null;
        quotient.decisionNote = dto.note ?? null;
      }
      const saved = await m.getRepository(QuotientEntity).save(quotient);
      await this.audit.record(
        {
          actor,
          action: dto.decision === 'validate' ? 'quotient.validate' : 'quotient.reject',
          entity: 'quotient',
          entityId: quotient.id,
          householdId: quotient.householdId,
          details: {
            status: { before: QuotientStatus.Pending, after: saved.status },
            value: saved.value,
            effectiveFrom: saved.effectiveFrom,
            note: saved.decisionNote,
            ...(closed ? { closedQuotientId: closed.id, closedEffectiveTo: closed.effectiveTo } : {}),
          },
        },
        m,
      );
      return toQuotientView(saved);
    });
  }

  /**
   * An effective date in the past changes invoices already sent: it may go back to the declaration's
   * month minus the configured tolerance, never before the start of the current school year.
   */
  private checkEffectiveDate(quotient: QuotientEntity, from: IsoDate): void {
    const earliest = earliestQuotientEffectiveDate(
      parisDateOf(quotient.submittedAt),
      this.clock.today(),
      this.config.quotientBackdateMonths,
    );
    if (from < earliest) {
      throw new InvalidInputError(
        `La date d’effet ne peut pas être antérieure au ${formatDateFr(earliest)} : ni avant la rentrée scolaire en cours, ni plus de ${this.config.quotientBackdateMonths} mois avant le mois de la déclaration.`,
        'effectiveFrom',
      );
    }
  }

  /** Ends the validated period running on `from` the day before; refuses to cut into a later one. */
  private async closePreviousPeriod(
    m: EntityManager,
    householdId: string,
    from: IsoDate,
  ): Promise<QuotientEntity | null> {
    const validated = await m
      .getRepository(QuotientEntity)
      .find({ where: { householdId, status: QuotientStatus.Validated }, order: { effectiveFrom: 'DESC' } });
    if (validated.some((q) => (q.effectiveFrom as string) >= from)) {
      throw new ConflictError(
        'Un quotient familial est déjà en vigueur à partir de cette date ou après : choisissez une date d’effet plus tardive.',
      );
    }
    const running = validated.find((q) => q.effectiveTo === null || q.effectiveTo >= from);
    if (!running) return null;
    running.effectiveTo = addDays(from, -1);
    await m.getRepository(QuotientEntity).save(running);
    return running;
  }

  /** The QF billing uses for a household on a date, or null (then the highest bracket applies). */
  async quotientOn(householdId: string, date: IsoDate): Promise<QuotientView | null> {
    const row = await this.dataSource
      .getRepository(QuotientEntity)
      .createQueryBuilder('q')
      .where('q.household_id = :householdId', { householdId })
      .andWhere('q.status = :status', { status: QuotientStatus.Validated })
      .andWhere('q.effective_from <= :date', { date })
      .andWhere('(q.effective_to IS NULL OR q.effective_to >= :date)', { date })
      .getOne();
    return row ? toQuotientView(row) : null;
  }

  /** Several households at once (a billing run). */
  async quotientsOn(householdIds: string[], date: IsoDate): Promise<Map<string, QuotientView>> {
    if (householdIds.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository(QuotientEntity)
      .createQueryBuilder('q')
      .where({ householdId: In(householdIds) })
      .andWhere('q.status = :status', { status: QuotientStatus.Validated })
      .andWhere('q.effective_from <= :date', { date })
      .andWhere('(q.effective_to IS NULL OR q.effective_to >= :date)', { date })
      .getMany();
    return new Map(rows.map((r) => [r.householdId, toQuotientView(r)]));
  }
}

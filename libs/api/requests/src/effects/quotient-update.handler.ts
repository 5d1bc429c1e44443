import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { QuotientMethod, RequestEffect } from '@foyer/shared/contracts';
import {
  addDays,
  earliestQuotientEffectiveDate,
  formatDateFr,
  formatDateLongFr,
  isIsoDate,
  parisDateOf,
} from '@foyer/shared/domain';
import { APP_CONFIG, ConflictError, InvalidInputError } from '@foyer/api/core';
import type { AppConfig } from '@foyer/api/core';
import {
  dataString,
  EffectContext,
  EffectOutcome,
  RequestEffectHandler,
  RequestEffects,
} from './request-effect';

/**
 * Mise à jour du quotient familial: the approval records the QF as validated from its effective date
 * (the agent's `effect.effectiveFrom`, else the one asked for, else today) and closes the period
 * running then, the way QuotientsService.decide does; billing reads the household's QF for each day.
 */
@Injectable()
export class QuotientUpdateHandler implements RequestEffectHandler, OnModuleInit {
  readonly effect = RequestEffect.QuotientUpdate;
  readonly formRequirements = [{ field: 'quotient', type: 'integer', required: true }] as const;

  constructor(
    private readonly effects: RequestEffects,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.effects.register(this);
  }

  async apply({
    m,
    request,
    input,
    actor,
    now,
    today,
    audit,
    comment,
  }: EffectContext): Promise<EffectOutcome> {
    const asked = input['effectiveFrom'] ?? request.data['effectiveFrom'] ?? today;
    if (!isIsoDate(asked)) {
      throw new InvalidInputError(
        'La date d’effet doit être une date au format AAAA-MM-JJ.',
        'effect.effectiveFrom',
      );
    }
    const from = asked;
    const submittedOn = parisDateOf(request.submittedAt ?? now);
    const earliest = earliestQuotientEffectiveDate(submittedOn, today, this.config.quotientBackdateMonths);
    if (from < earliest) {
      throw new InvalidInputError(
        `La date d’effet ne peut pas être antérieure au ${formatDateFr(earliest)}.`,
        'effect.effectiveFrom',
      );
    }
    const value = request.data['quotient'] as number;
    // The quotients table belongs to households: written here inside the approval's transaction, under
    // the household lock; its trigger refuses overlapping validated periods.
    const validated: { id: string; effective_from: string; effective_to: string | null }[] = await m.query(
      `SELECT id, to_char(effective_from, 'YYYY-MM-DD') AS effective_from,
              to_char(effective_to, 'YYYY-MM-DD') AS effective_to
         FROM quotients WHERE household_id = $1 AND status = 'validated' ORDER BY effective_from DESC`,
      [request.householdId],
    );
    if (validated.some((q) => q.effective_from >= from)) {
      throw new ConflictError(
        'Un quotient familial est déjà en vigueur à partir de cette date ou après : choisissez une date d’effet plus tardive.',
      );
    }
    const running = validated.find((q) => q.effective_to === null || q.effective_to >= from);
    if (running) {
      await m.query(`UPDATE quotients SET effective_to = $1 WHERE id = $2`, [addDays(from, -1), running.id]);
    }
    const documentId = dataString(request, 'attestation');
    const [created]: { id: string }[] = await m.query(
      `INSERT INTO quotients (household_id, method, status, value, caf_number, document_id, effective_from,
         submitted_by, submitted_at, decided_by, decided_at, decision_note)
       VALUES ($1, $2, 'validated', $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [
        request.householdId,
        QuotientMethod.Caf,
        value,
        dataString(request, 'cafNumber'),
        documentId,
        from,
        request.createdBy,
        request.submittedAt ?? now,
        actor.id,
        now,
        comment ?? `Démarche ${request.number}`,
      ],
    );
    await audit({
      action: 'quotient.validate',
      entity: 'quotient',
      entityId: created.id,
      details: {
        value,
        effectiveFrom: from,
        requestNumber: request.number,
        ...(running ? { closedQuotientId: running.id, closedEffectiveTo: addDays(from, -1) } : {}),
      },
    });
    return {
      outcome: `Quotient familial de ${value} € appliqué à partir du ${formatDateLongFr(from)}.`,
      result: { quotientId: created.id, value, effectiveFrom: from },
    };
  }
}

import { Injectable, OnModuleInit } from '@nestjs/common';
import { FoyerFieldKind, RequestEffect } from '@foyer/shared/contracts';
import { formatDateLongFr, isIsoDate } from '@foyer/shared/domain';
import { InvalidInputError } from '@foyer/api/core';
import { EffectContext, EffectOutcome, RequestEffectHandler, RequestEffects } from './request-effect';

/** The choices of the form's ranked wish list: `{ const, title }` items, or a plain enum. */
function crecheChoices(property: unknown): Map<string, string> {
  const items = (property as { items?: { oneOf?: { const: string; title: string }[]; enum?: string[] } })
    ?.items;
  const choices = new Map<string, string>();
  for (const choice of items?.oneOf ?? []) choices.set(String(choice.const), choice.title);
  for (const code of items?.enum ?? []) choices.set(code, code);
  return choices;
}

/**
 * Demande de place en crèche: the family ranks its wishes and gives a desired start; the request goes
 * to the commission, and the agent records its decision. Approval: `effect.crecheCode` (the place
 * given, one of the form's crèches) and `effect.startOn`; a refusal's comment carries the
 * commission's reason.
 */
@Injectable()
export class CrechePlaceHandler implements RequestEffectHandler, OnModuleInit {
  readonly effect = RequestEffect.CrechePlace;
  readonly formRequirements = [
    { field: 'childId', type: 'string', kind: FoyerFieldKind.Child, required: true },
    { field: 'wishes', type: 'array', required: true },
    { field: 'desiredStartOn', type: 'string', required: true },
  ] as const;

  constructor(private readonly effects: RequestEffects) {}

  onModuleInit(): void {
    this.effects.register(this);
  }

  async apply({ request, type, input, today, audit, comment }: EffectContext): Promise<EffectOutcome> {
    const choices = crecheChoices(type.form.properties['wishes']);
    const wishes = (request.data['wishes'] as string[] | undefined) ?? [];
    const code = typeof input['crecheCode'] === 'string' ? input['crecheCode'] : wishes[0];
    if (!code || !choices.has(code)) {
      throw new InvalidInputError('Indiquez la crèche attribuée par la commission.', 'effect.crecheCode');
    }
    const startOn = input['startOn'] ?? request.data['desiredStartOn'];
    if (!isIsoDate(startOn) || startOn < today) {
      throw new InvalidInputError('Indiquez une date d’entrée à venir (AAAA-MM-JJ).', 'effect.startOn');
    }
    const rank = wishes.indexOf(code) + 1;
    await audit({
      action: 'creche.place.grant',
      entity: 'request',
      entityId: request.id,
      details: { crecheCode: code, startOn, wishRank: rank || null, commission: comment },
    });
    return {
      outcome:
        `La commission attribue une place à « ${choices.get(code)} » à partir du ${formatDateLongFr(startOn)}` +
        (rank > 0 ? ` (vœu n° ${rank}).` : '.'),
      result: { crecheCode: code, startOn, wishRank: rank || null, commissionDecision: comment },
    };
  }
}

import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { RequestEffect } from '@foyer/shared/contracts';
import { foldText } from '@foyer/shared/domain';
import { APP_CONFIG } from '@foyer/api/core';
import type { AppConfig } from '@foyer/api/core';
import {
  dataString,
  EffectContext,
  EffectOutcome,
  RequestEffectHandler,
  RequestEffects,
} from './request-effect';

/** Changement d’adresse: the approval writes the new address on the household (and whether it is in the commune). */
@Injectable()
export class AddressChangeHandler implements RequestEffectHandler, OnModuleInit {
  readonly effect = RequestEffect.AddressChange;
  readonly formRequirements = [
    { field: 'line1', type: 'string', required: true },
    { field: 'postalCode', type: 'string', required: true },
    { field: 'city', type: 'string', required: true },
  ] as const;

  constructor(
    private readonly effects: RequestEffects,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.effects.register(this);
  }

  /** The households domain's rule (HouseholdsService.isInCommune), applied to the same config. */
  private inCommune(postalCode: string, city: string): boolean {
    const letters = (text: string) => foldText(text).replace(/[^a-z]/g, '');
    return (
      this.config.communePostalCodes.includes(postalCode) &&
      letters(city) === letters(this.config.communeName)
    );
  }

  async apply({ m, request, audit }: EffectContext): Promise<EffectOutcome> {
    const line1 = dataString(request, 'line1') as string;
    const line2 = dataString(request, 'line2');
    const postalCode = dataString(request, 'postalCode') as string;
    const city = dataString(request, 'city') as string;
    const inCommune = this.inCommune(postalCode, city);
    const [before]: Record<string, unknown>[] = await m.query(
      `SELECT address_line1, address_line2, postal_code, city, in_commune FROM households WHERE id = $1`,
      [request.householdId],
    );
    await m.query(
      `UPDATE households SET address_line1 = $1, address_line2 = $2, postal_code = $3, city = $4, in_commune = $5,
         updated_at = now() WHERE id = $6`,
      [line1, line2, postalCode, city, inCommune, request.householdId],
    );
    await audit({
      action: 'household.address.update',
      entity: 'household',
      entityId: request.householdId,
      details: {
        before: before ?? null,
        after: { addressLine1: line1, addressLine2: line2, postalCode, city, inCommune },
        requestNumber: request.number,
      },
    });
    return {
      outcome: `Nouvelle adresse enregistrée : ${line1}${line2 ? `, ${line2}` : ''}, ${postalCode} ${city}.`,
      result: { inCommune },
    };
  }
}

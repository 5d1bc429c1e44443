import { Injectable, OnModuleInit } from '@nestjs/common';
import { FoyerFieldKind, RequestEffect } from '@foyer/shared/contracts';
import { ConflictError } from '@foyer/api/core';
import { EffectOutcome, RequestEffectHandler, RequestEffects } from './request-effect';

/**
 * Inscription à une activité: the approval creates the child's enrolment in bookings.
 * TODO(bookings): wired to the bookings domain's exported service once the bookings branch lands;
 * until then the approval refuses with 409 and says why (nothing is half-written).
 */
@Injectable()
export class ActivityEnrolmentHandler implements RequestEffectHandler, OnModuleInit {
  readonly effect = RequestEffect.ActivityEnrolment;
  readonly formRequirements = [
    { field: 'childId', type: 'string', kind: FoyerFieldKind.Child, required: true },
    { field: 'activityId', type: 'string', required: true },
  ] as const;

  constructor(private readonly effects: RequestEffects) {}

  onModuleInit(): void {
    this.effects.register(this);
  }

  async apply(): Promise<EffectOutcome> {
    throw new ConflictError(
      'Les inscriptions aux activités ne sont pas encore reliées aux réservations : cette demande ne peut pas être acceptée pour le moment.',
    );
  }
}

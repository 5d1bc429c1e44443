import { Injectable, OnModuleInit } from '@nestjs/common';
import { RequestEffect } from '@foyer/shared/contracts';
import { EffectOutcome, RequestEffectHandler, RequestEffects } from './request-effect';

/** A free message to the city: approving it records the answer, nothing else. */
@Injectable()
export class NoEffectHandler implements RequestEffectHandler, OnModuleInit {
  readonly effect = RequestEffect.None;
  readonly formRequirements = [];

  constructor(private readonly effects: RequestEffects) {}

  onModuleInit(): void {
    this.effects.register(this);
  }

  async apply(): Promise<EffectOutcome> {
    return { outcome: null };
  }
}

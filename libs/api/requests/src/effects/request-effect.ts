import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { FieldErrorView, FoyerFieldKind, RequestEffect, RequestFormSchema } from '@foyer/shared/contracts';
import type { IsoDate } from '@foyer/shared/domain';
import type { AuditRecord, AuthenticatedUser } from '@foyer/api/core';
import type { RequestEntity } from '../entities/request.entity';
import type { RequestTypeEntity } from '../entities/request-type.entity';

/** What the approval hands an effect: the approval's transaction, the request, the agent's input. */
export interface EffectContext<P = unknown> {
  /** The approval's transaction (the household row is locked): every query goes through it. */
  m: EntityManager;
  request: RequestEntity;
  type: RequestTypeEntity;
  actor: AuthenticatedUser;
  today: IsoDate;
  now: Date;
  /** The agent's decision details for this effect (`effect` of the transition), unchecked. */
  input: Record<string, unknown>;
  comment: string | null;
  /** What `prepare` read before the transaction. */
  prepared: P;
  /** An entry of the household's audit log, in the transaction. */
  audit(entry: Omit<AuditRecord, 'actor' | 'householdId'>): Promise<void>;
  /** Stores a file produced by the city as an attachment of the request (removed if the transaction fails). */
  attachGenerated(file: { fileName: string; mimeType: string; content: Buffer }): Promise<string>;
}

export interface EffectOutcome {
  /** In words, for the resident and the agent (« Inscription à l’école Jean Jaurès »). */
  outcome: string | null;
  /** Ids of what was created or changed. */
  result?: Record<string, unknown>;
}

/** A field the form of a type with this effect must have. */
export interface FormRequirement {
  field: string;
  type: 'string' | 'number' | 'integer' | 'boolean' | 'array';
  kind?: FoyerFieldKind;
  required: boolean;
}

/**
 * One effect of an approval. Handlers register themselves in the registry; the approval calls
 * `prepare` (outside the transaction: reads of other domains' services) then `apply` (inside).
 */
export interface RequestEffectHandler<P = unknown> {
  readonly effect: RequestEffect;
  /** Fields the form of a type with this effect must declare (checked when an admin saves it). */
  readonly formRequirements: readonly FormRequirement[];
  /**
   * Reads what `apply` needs from other domains before the transaction opens (on the embedded
   * database a second connection inside the transaction would wait forever). Throws 400/409 to refuse.
   */
  prepare?(request: RequestEntity, type: RequestTypeEntity, input: Record<string, unknown>): Promise<P>;
  apply(context: EffectContext<P>): Promise<EffectOutcome>;
}

/** The effects by kind: each is one small handler (see ./handlers). */
@Injectable()
export class RequestEffects {
  private readonly handlers = new Map<RequestEffect, RequestEffectHandler>();

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  register(handler: RequestEffectHandler<any>): void {
    this.handlers.set(handler.effect, handler as unknown as RequestEffectHandler);
  }

  get(effect: RequestEffect): RequestEffectHandler {
    const handler = this.handlers.get(effect);
    if (!handler) throw new Error(`no handler for request effect ${effect}`);
    return handler;
  }

  /** The fields a form misses for its effect, named like the definition's other problems. */
  formProblems(effect: RequestEffect, form: RequestFormSchema): FieldErrorView[] {
    const handler = this.handlers.get(effect);
    if (!handler) return [{ field: 'effect', messages: ['effet inconnu'] }];
    const problems: FieldErrorView[] = [];
    for (const requirement of handler.formRequirements) {
      const property = form.properties?.[requirement.field];
      const at = `form.properties.${requirement.field}`;
      const messages: string[] = [];
      if (!property) {
        messages.push(`ce type de démarche (effet « ${effect} ») a besoin de ce champ`);
      } else {
        if (property.type !== requirement.type) messages.push(`doit être de type « ${requirement.type} »`);
        if (requirement.kind && property['x-foyer-kind'] !== requirement.kind) {
          messages.push(`doit porter « x-foyer-kind »: « ${requirement.kind} »`);
        }
        if (requirement.required && !(form.required ?? []).includes(requirement.field)) {
          messages.push('doit être obligatoire (listé dans « required »)');
        }
      }
      if (messages.length) problems.push({ field: at, messages });
    }
    return problems;
  }
}

/** A string field of the request's data (the form guarantees the type of a submitted request). */
export function dataString(request: RequestEntity, field: string): string | null {
  const value = request.data[field];
  return typeof value === 'string' && value.length > 0 ? value : null;
}

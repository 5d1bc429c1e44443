import { Injectable, OnModuleInit } from '@nestjs/common';
import { ClassLevel, FoyerFieldKind, RequestEffect, SiteKind, SiteView } from '@foyer/shared/contracts';
import { InvalidInputError } from '@foyer/api/core';
import { CityService } from '@foyer/api/city';
import type { RequestEntity } from '../entities/request.entity';
import {
  dataString,
  EffectContext,
  EffectOutcome,
  RequestEffectHandler,
  RequestEffects,
} from './request-effect';

interface Prepared {
  school: SiteView;
  classLevel: ClassLevel | null;
}

/**
 * Inscription scolaire: the approval assigns the child's school (the one asked for, or the one the
 * agent decides: `effect.schoolSiteId`) and class level: the child's record in the household file.
 */
@Injectable()
export class SchoolEnrolmentHandler implements RequestEffectHandler<Prepared>, OnModuleInit {
  readonly effect = RequestEffect.SchoolEnrolment;
  readonly formRequirements = [
    { field: 'childId', type: 'string', kind: FoyerFieldKind.Child, required: true },
    { field: 'schoolSiteId', type: 'string', required: true },
  ] as const;

  constructor(
    private readonly effects: RequestEffects,
    private readonly city: CityService,
  ) {}

  onModuleInit(): void {
    this.effects.register(this);
  }

  async prepare(request: RequestEntity, _type: unknown, input: Record<string, unknown>): Promise<Prepared> {
    const wanted =
      typeof input['schoolSiteId'] === 'string' ? input['schoolSiteId'] : dataString(request, 'schoolSiteId');
    const sites = await this.city.listSites();
    const school = sites.find((s) => s.id === wanted && s.kind === SiteKind.School);
    if (!school) throw new InvalidInputError('Choisissez une école de la commune.', 'effect.schoolSiteId');
    const level = input['classLevel'] ?? request.data['classLevel'] ?? null;
    if (level !== null && !(Object.values(ClassLevel) as unknown[]).includes(level)) {
      throw new InvalidInputError('Ce niveau de classe n’existe pas.', 'effect.classLevel');
    }
    return { school, classLevel: level as ClassLevel | null };
  }

  async apply({ m, request, prepared, audit }: EffectContext<Prepared>): Promise<EffectOutcome> {
    const childId = dataString(request, 'childId');
    // The children table belongs to households; this write runs in the approval's transaction,
    // under the household lock, and is recorded in the household's audit log.
    // An UPDATE through TypeORM answers [rows, affected count].
    const [rows]: [{ first_name: string }[], number] = await m.query(
      `UPDATE children SET school_site_id = $1, class_level = coalesce($2, class_level), updated_at = now()
        WHERE id = $3 AND household_id = $4 RETURNING first_name`,
      [prepared.school.id, prepared.classLevel, childId, request.householdId],
    );
    if (rows.length === 0)
      throw new InvalidInputError('Cet enfant n’est plus dans le foyer.', 'data.childId');
    await audit({
      action: 'child.school.assign',
      entity: 'child',
      entityId: childId,
      details: {
        schoolSiteId: prepared.school.id,
        classLevel: prepared.classLevel,
        requestNumber: request.number,
      },
    });
    return {
      outcome: `${rows[0].first_name} est inscrit·e à ${prepared.school.name}${prepared.classLevel ? ` (${prepared.classLevel})` : ''}.`,
      result: { childId, schoolSiteId: prepared.school.id, classLevel: prepared.classLevel },
    };
  }
}

import { Injectable, OnModuleInit } from '@nestjs/common';
import { ActivityView, FoyerFieldKind, HouseholdView, RequestEffect } from '@foyer/shared/contracts';
import { isIsoDate, schoolYearStartOf } from '@foyer/shared/domain';
import { Clock, InvalidInputError } from '@foyer/api/core';
import { CatalogService, EnrollmentsService } from '@foyer/api/bookings';
import { CityService } from '@foyer/api/city';
import { HouseholdAccess } from '@foyer/api/households';
import type { RequestEntity } from '../entities/request.entity';
import {
  dataString,
  EffectContext,
  EffectOutcome,
  RequestEffectHandler,
  RequestEffects,
} from './request-effect';

interface Prepared {
  activity: ActivityView;
  siteId: string;
  siteName: string;
  schoolYear: string;
  childFirstName: string;
}

/**
 * Inscription à une activité: the approval creates the child's approved enrolment through bookings'
 * `EnrollmentsService.enrol`, in the approval's transaction; the family can then book days.
 * The site is the agent's `effect.siteId`, else the offer at the child's school, else the activity's
 * only site; the school year is the one of the asked start date (or today's).
 */
@Injectable()
export class ActivityEnrolmentHandler implements RequestEffectHandler<Prepared>, OnModuleInit {
  readonly effect = RequestEffect.ActivityEnrolment;
  readonly formRequirements = [
    { field: 'childId', type: 'string', kind: FoyerFieldKind.Child, required: true },
    { field: 'activityId', type: 'string', required: true },
  ] as const;

  constructor(
    private readonly effects: RequestEffects,
    private readonly catalog: CatalogService,
    private readonly enrollments: EnrollmentsService,
    private readonly city: CityService,
    private readonly households: HouseholdAccess,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.effects.register(this);
  }

  async prepare(request: RequestEntity, _type: unknown, input: Record<string, unknown>): Promise<Prepared> {
    const activities = await this.catalog.list();
    const activity = activities.find((a) => a.id === dataString(request, 'activityId'));
    if (!activity)
      throw new InvalidInputError('Cette activité n’existe plus au catalogue.', 'data.activityId');
    const household: HouseholdView = await this.households.getView(request.householdId);
    const child = household.children.find((c) => c.id === dataString(request, 'childId'));
    if (!child) throw new InvalidInputError('Cet enfant n’est plus dans le foyer.', 'data.childId');
    const asked = typeof input['siteId'] === 'string' ? input['siteId'] : null;
    const offer =
      (asked ? activity.offers.find((o) => o.siteId === asked) : undefined) ??
      (asked ? undefined : activity.offers.find((o) => o.siteId === child.schoolSiteId)) ??
      (asked || activity.offers.length !== 1 ? undefined : activity.offers[0]);
    if (!offer) {
      throw new InvalidInputError(
        'Indiquez le site où l’activité est proposée pour cet enfant.',
        'effect.siteId',
      );
    }
    const startOn = request.data['startOn'];
    const date = isIsoDate(startOn) ? startOn : null;
    const years = (await this.city.listSchoolYears()).map((y) => y.schoolYear);
    const from = schoolYearStartOf(date ?? this.clock.today()).slice(0, 4);
    const schoolYear = years.find((y) => y.startsWith(from));
    if (!schoolYear) {
      throw new InvalidInputError('Cette année scolaire n’est pas ouverte aux inscriptions.', 'data.startOn');
    }
    return {
      activity,
      siteId: offer.siteId,
      siteName: offer.siteName,
      schoolYear,
      childFirstName: child.firstName,
    };
  }

  async apply({ m, request, prepared, actor, comment }: EffectContext<Prepared>): Promise<EffectOutcome> {
    // Bookings writes its enrolment (approved, with its audit entry) in the approval's transaction.
    const enrollmentId = await this.enrollments.enrol(
      actor,
      {
        childId: dataString(request, 'childId') as string,
        activityId: prepared.activity.id,
        siteId: prepared.siteId,
        schoolYear: prepared.schoolYear,
        reason: comment ?? `Démarche ${request.number}`,
      },
      { manager: m },
    );
    return {
      outcome:
        `${prepared.childFirstName} est inscrit·e à « ${prepared.activity.name} » (${prepared.siteName}, ` +
        `${prepared.schoolYear}) : vous pouvez réserver les jours depuis « Réservations ».`,
      result: {
        enrollmentId,
        activityId: prepared.activity.id,
        siteId: prepared.siteId,
        schoolYear: prepared.schoolYear,
      },
    };
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  ActivityView,
  CapacityOverrideRequest,
  CreateActivityRequest,
  CreateCampaignRequest,
  SiteOfferRequest,
  SiteOfferView,
  UpdateActivityRequest,
  UpdateSiteOfferRequest,
} from '@foyer/shared/contracts';
import { DeadlineRuleError, formatDeadlineRule, parseDeadlineRule } from '@foyer/shared/domain';
import { AuditService, Clock, ConflictError, InvalidInputError, NotFoundError } from '@foyer/api/core';
import type { Actor } from '@foyer/api/households';
import { CityService } from '@foyer/api/city';
import { DayRules } from './day-rules';
import {
  ActivityEntity,
  ActivityOfferEntity,
  CapacityOverrideEntity,
  HolidayCampaignEntity,
} from './entities';

/** The catalogue: activities, their rules, where they are offered, capacities and campaigns. */
@Injectable()
export class CatalogService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly city: CityService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly rules: DayRules,
  ) {}

  async list(): Promise<ActivityView[]> {
    const today = this.clock.today();
    const [activities, offers, overrides, campaigns, sites] = await Promise.all([
      this.dataSource.getRepository(ActivityEntity).find({ order: { kind: 'ASC', name: 'ASC' } }),
      this.dataSource.getRepository(ActivityOfferEntity).find(),
      this.dataSource
        .getRepository(CapacityOverrideEntity)
        .createQueryBuilder('o')
        .where('o.date >= :today', { today })
        .orderBy('o.date')
        .getMany(),
      this.dataSource.getRepository(HolidayCampaignEntity).find({ order: { periodFrom: 'ASC' } }),
      this.city.listSites(),
    ]);
    const siteNames = new Map(sites.map((s) => [s.id, s.name]));
    return activities.map((a) => ({
      id: a.id,
      code: a.code,
      kind: a.kind,
      name: a.name,
      formula: a.formula,
      requiredDocuments: a.requiredDocuments,
      rules: {
        bookingDeadline: a.bookingDeadline,
        cancelDeadline: a.cancelDeadline,
        windowWeeks: a.windowWeeks,
        lateChange: a.lateChange,
        lateSurchargeCents: a.lateSurchargeCents,
        sickCancelUntil: a.sickCancelUntil,
        certificateDays: a.certificateDays,
        promotion: a.promotion,
        offerHours: a.offerHours,
      },
      offers: offers
        .filter((o) => o.activityId === a.id)
        .map((o) => toOfferView(o, siteNames.get(o.siteId) ?? '', overrides))
        .sort((x, y) => x.siteName.localeCompare(y.siteName, 'fr')),
      campaigns: campaigns
        .filter((c) => c.activityId === a.id)
        .map((c) => ({
          id: c.id,
          activityId: c.activityId,
          periodName: c.periodName,
          periodFrom: c.periodFrom,
          periodTo: c.periodTo,
          opensAt: c.opensAt.toISOString(),
          closesAt: c.closesAt.toISOString(),
        })),
    }));
  }

  async get(activityId: string): Promise<ActivityView> {
    const view = (await this.list()).find((a) => a.id === activityId);
    if (!view) throw new NotFoundError('Cette activité est introuvable.');
    return view;
  }

  async create(admin: Actor, dto: CreateActivityRequest): Promise<ActivityView> {
    const repo = this.dataSource.getRepository(ActivityEntity);
    if (await repo.findOneBy({ code: dto.code })) throw new ConflictError('Une activité porte déjà ce code.');
    const saved = await this.dataSource.transaction(async (m) => {
      const activity = await m.getRepository(ActivityEntity).save(
        m.getRepository(ActivityEntity).create({
          code: dto.code,
          kind: dto.kind,
          name: dto.name,
          formula: dto.formula ?? null,
          requiredDocuments: dto.requiredDocuments ?? [],
          ...normaliseRules(dto.rules),
        }),
      );
      await this.audit.record(
        {
          actor: admin,
          action: 'activity.create',
          entity: 'activity',
          entityId: activity.id,
          details: { code: dto.code },
        },
        m,
      );
      return activity;
    });
    this.rules.invalidate();
    return this.get(saved.id);
  }

  async update(admin: Actor, activityId: string, dto: UpdateActivityRequest): Promise<ActivityView> {
    await this.dataSource.transaction(async (m) => {
      const activity = await m.getRepository(ActivityEntity).findOneBy({ id: activityId });
      if (!activity) throw new NotFoundError('Cette activité est introuvable.');
      if (dto.name !== undefined) activity.name = dto.name;
      if (dto.requiredDocuments !== undefined) activity.requiredDocuments = dto.requiredDocuments;
      if (dto.rules) Object.assign(activity, normaliseRules(dto.rules));
      await m.getRepository(ActivityEntity).save(activity);
      await this.audit.record(
        {
          actor: admin,
          action: 'activity.update',
          entity: 'activity',
          entityId: activityId,
          details: { ...dto },
        },
        m,
      );
    });
    this.rules.invalidate();
    return this.get(activityId);
  }

  async addOffer(admin: Actor, activityId: string, dto: SiteOfferRequest): Promise<ActivityView> {
    const activity = await this.dataSource.getRepository(ActivityEntity).findOneBy({ id: activityId });
    if (!activity) throw new NotFoundError('Cette activité est introuvable.');
    const sites = await this.city.listSites();
    if (!sites.some((s) => s.id === dto.siteId))
      throw new InvalidInputError('Ce site est introuvable.', 'siteId');
    await this.dataSource.transaction(async (m) => {
      const existing = await m
        .getRepository(ActivityOfferEntity)
        .findOneBy({ activityId, siteId: dto.siteId });
      if (existing) throw new ConflictError('Cette activité est déjà proposée sur ce site.');
      const offer = await m
        .getRepository(ActivityOfferEntity)
        .save(m.getRepository(ActivityOfferEntity).create({ activityId, ...dto }));
      await this.audit.record(
        { actor: admin, action: 'offer.create', entity: 'offer', entityId: offer.id, details: { ...dto } },
        m,
      );
    });
    this.rules.invalidate();
    return this.get(activityId);
  }

  async updateOffer(admin: Actor, offerId: string, dto: UpdateSiteOfferRequest): Promise<ActivityView> {
    const activityId = await this.dataSource.transaction(async (m) => {
      const offer = await m.getRepository(ActivityOfferEntity).findOneBy({ id: offerId });
      if (!offer) throw new NotFoundError('Cette offre est introuvable.');
      if (dto.capacityPerDay !== undefined) offer.capacityPerDay = dto.capacityPerDay;
      if (dto.waitlistSize !== undefined) offer.waitlistSize = dto.waitlistSize;
      await m.getRepository(ActivityOfferEntity).save(offer);
      await this.audit.record(
        { actor: admin, action: 'offer.update', entity: 'offer', entityId: offerId, details: { ...dto } },
        m,
      );
      return offer.activityId;
    });
    this.rules.invalidate();
    return this.get(activityId);
  }

  /** A different capacity for one day (only for places not yet taken: bookings made stay). */
  async setCapacityOverride(
    admin: Actor,
    offerId: string,
    dto: CapacityOverrideRequest,
  ): Promise<SiteOfferView> {
    const offer = await this.dataSource.getRepository(ActivityOfferEntity).findOneBy({ id: offerId });
    if (!offer) throw new NotFoundError('Cette offre est introuvable.');
    if (dto.date < this.clock.today()) throw new InvalidInputError('Ce jour est passé.', 'date');
    await this.dataSource.transaction(async (m) => {
      await m.query(
        `INSERT INTO offer_capacity_overrides (offer_id, date, capacity) VALUES ($1, $2, $3)
         ON CONFLICT (offer_id, date) DO UPDATE SET capacity = EXCLUDED.capacity`,
        [offerId, dto.date, dto.capacity],
      );
      await this.audit.record(
        { actor: admin, action: 'offer.capacity', entity: 'offer', entityId: offerId, details: { ...dto } },
        m,
      );
    });
    this.rules.invalidate();
    const view = (await this.get(offer.activityId)).offers.find((o) => o.id === offerId);
    return view as SiteOfferView;
  }

  async createCampaign(admin: Actor, dto: CreateCampaignRequest): Promise<ActivityView> {
    const activity = await this.dataSource.getRepository(ActivityEntity).findOneBy({ id: dto.activityId });
    if (!activity) throw new InvalidInputError('Cette activité est introuvable.', 'activityId');
    if (dto.periodTo < dto.periodFrom)
      throw new InvalidInputError('La fin doit suivre le début.', 'periodTo');
    const opensAt = new Date(dto.opensAt);
    const closesAt = new Date(dto.closesAt);
    if (!(closesAt > opensAt)) throw new InvalidInputError('La clôture doit suivre l’ouverture.', 'closesAt');
    await this.dataSource.transaction(async (m) => {
      const rows: unknown[] = await m.query(
        `INSERT INTO holiday_campaigns (activity_id, period_name, period_from, period_to, opens_at, closes_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (activity_id, period_from) DO NOTHING RETURNING id`,
        [dto.activityId, dto.periodName, dto.periodFrom, dto.periodTo, opensAt, closesAt],
      );
      if (rows.length === 0) throw new ConflictError('Une campagne existe déjà pour cette période.');
      await this.audit.record(
        {
          actor: admin,
          action: 'campaign.create',
          entity: 'campaign',
          entityId: (rows[0] as { id: string }).id,
          details: { ...dto },
        },
        m,
      );
    });
    this.rules.invalidate();
    return this.get(dto.activityId);
  }
}

/** The canonical text of a rule; a rule the pattern let through but the parser refuses is a 400. */
function canonicalRule(text: string, field: string): string {
  try {
    return formatDeadlineRule(parseDeadlineRule(text));
  } catch (error) {
    if (error instanceof DeadlineRuleError) throw new InvalidInputError(error.message, field);
    throw error;
  }
}

function normaliseRules(rules: Partial<CreateActivityRequest['rules']>): Partial<ActivityEntity> {
  const out: Partial<ActivityEntity> = {};
  if (rules.bookingDeadline !== undefined)
    out.bookingDeadline = canonicalRule(rules.bookingDeadline, 'rules.bookingDeadline');
  if (rules.cancelDeadline !== undefined)
    out.cancelDeadline = canonicalRule(rules.cancelDeadline, 'rules.cancelDeadline');
  if (rules.windowWeeks !== undefined) out.windowWeeks = rules.windowWeeks;
  if (rules.lateChange !== undefined) out.lateChange = rules.lateChange;
  if (rules.lateSurchargeCents !== undefined) out.lateSurchargeCents = rules.lateSurchargeCents;
  if (rules.sickCancelUntil !== undefined) out.sickCancelUntil = rules.sickCancelUntil;
  if (rules.certificateDays !== undefined) out.certificateDays = rules.certificateDays;
  if (rules.promotion !== undefined) out.promotion = rules.promotion;
  if (rules.offerHours !== undefined) out.offerHours = rules.offerHours;
  return out;
}

function toOfferView(
  o: ActivityOfferEntity,
  siteName: string,
  overrides: CapacityOverrideEntity[],
): SiteOfferView {
  return {
    id: o.id,
    activityId: o.activityId,
    siteId: o.siteId,
    siteName,
    capacityPerDay: o.capacityPerDay,
    waitlistSize: o.waitlistSize,
    capacityOverrides: overrides
      .filter((x) => x.offerId === o.id)
      .map((x) => ({ date: x.date, capacity: x.capacity })),
  };
}

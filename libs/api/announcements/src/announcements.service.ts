import {
  BeforeApplicationShutdown,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleInit,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import {
  AdminAnnouncementView,
  AnnouncementAudience,
  AnnouncementImportance,
  AnnouncementState,
  AnnouncementView,
  NotificationTopic,
  Role,
} from '@foyer/shared/contracts';
import { isIsoDate } from '@foyer/shared/domain';
import { AuditService, Clock, InvalidInputError, NotFoundError } from '@foyer/api/core';
import type { AuthenticatedUser } from '@foyer/api/core';
import { CityService } from '@foyer/api/city';
import { HouseholdAccess } from '@foyer/api/households';
import { JobQueue } from '@foyer/api/jobs';
import { NotificationRecipient, NotificationsService } from '@foyer/api/notifications';
import { AudienceResolver, AudienceTarget } from './audience';
import { CreateAnnouncementDto, UpdateAnnouncementDto } from './dto/announcement.dto';
import { AnnouncementEntity } from './entities/announcement.entity';

export const ANNOUNCEMENTS_QUEUE = 'announcements.publish';
/** How often a process looks for important announcements whose publication time has come. */
const DUE_CHECK_MS = 60_000;

type Actor = Pick<AuthenticatedUser, 'id' | 'role'>;

interface PublishJob {
  announcementId: string;
}

/**
 * City announcements: the admins' notices, who may read them, and their sending to the targeted
 * families (inbox; e-mail and push too when important). The sending is a job (`announcements.publish`): the request only enqueues it, so a
 * city-wide audience is never written inside an admin's request. A job claims its announcement
 * (`notified_at`) in the transaction that notifies, so a retry or a second process sends nothing twice.
 */
@Injectable()
export class AnnouncementsService implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(AnnouncementsService.name);
  private timer?: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly city: CityService,
    private readonly households: HouseholdAccess,
    private readonly audience: AudienceResolver,
    private readonly jobs: JobQueue,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.jobs.register<PublishJob>({
      name: ANNOUNCEMENTS_QUEUE,
      retryLimit: 5,
      retryDelaySeconds: 60,
      retryBackoff: true,
      handler: (data) => this.deliver(data.announcementId),
    });
  }

  onApplicationBootstrap(): void {
    // Scheduled announcements: checked every minute against the application clock.
    this.timer = setInterval(() => {
      this.enqueueDue().catch((err: unknown) => this.logger.error({ err }, 'due announcements not enqueued'));
    }, DUE_CHECK_MS);
    this.timer.unref();
  }

  beforeApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  // --- Reading ------------------------------------------------------------------------------

  /**
   * The announcements current at the clock's now: for a visitor (or an agent, an admin) those for
   * everyone; for a resident also those targeted at their household.
   */
  async current(viewer: Actor | null): Promise<AnnouncementView[]> {
    const now = this.clock.now();
    const query = this.dataSource
      .getRepository(AnnouncementEntity)
      .createQueryBuilder('a')
      .where('a.publish_at <= :now', { now })
      .andWhere('(a.expire_at IS NULL OR a.expire_at > :now)', { now });
    const householdId =
      viewer?.role === Role.Resident ? await this.households.findHouseholdIdOf(viewer.id) : null;
    if (householdId) {
      const targets = await this.audience.targetsOf(householdId);
      query.andWhere(
        new Brackets((w) => {
          w.where('a.audience = :everyone', { everyone: AnnouncementAudience.Everyone });
          if (targets.siteIds.length) w.orWhere('a.site_id IN (:...siteIds)', { siteIds: targets.siteIds });
          if (targets.classLevels.length)
            w.orWhere('a.class_level IN (:...levels)', { levels: targets.classLevels });
          if (targets.activityIds.length)
            w.orWhere('a.activity_id IN (:...activityIds)', { activityIds: targets.activityIds });
        }),
      );
    } else {
      query.andWhere('a.audience = :everyone', { everyone: AnnouncementAudience.Everyone });
    }
    const rows = await query
      .orderBy(`CASE a.importance WHEN 'important' THEN 0 ELSE 1 END`)
      .addOrderBy('a.publish_at', 'DESC')
      .addOrderBy('a.id')
      .limit(50)
      .getMany();
    const names = await this.targetNames();
    return rows.map((a) => toView(a, names));
  }

  async adminList(): Promise<AdminAnnouncementView[]> {
    const rows = await this.dataSource
      .getRepository(AnnouncementEntity)
      .find({ order: { publishAt: 'DESC', id: 'ASC' }, take: 500 });
    const names = await this.targetNames();
    const now = this.clock.now();
    return rows.map((a) => toAdminView(a, names, now));
  }

  async adminGet(id: string): Promise<AdminAnnouncementView> {
    const row = await this.dataSource.getRepository(AnnouncementEntity).findOneBy({ id });
    if (!row) throw new NotFoundError('Cette annonce est introuvable.');
    return toAdminView(row, await this.targetNames(), this.clock.now());
  }

  // --- Writing ------------------------------------------------------------------------------

  async create(dto: CreateAnnouncementDto, actor: Actor): Promise<AdminAnnouncementView> {
    const fields = await this.checked({
      title: dto.title,
      text: dto.text,
      importance: dto.importance,
      audience: dto.audience,
      siteId: dto.siteId ?? null,
      activityId: dto.activityId ?? null,
      classLevel: dto.classLevel ?? null,
      publishAt: dto.publishAt,
      expireAt: dto.expireAt ?? null,
    });
    const id = await this.dataSource.transaction(async (m) => {
      const repo = m.getRepository(AnnouncementEntity);
      const saved = await repo.save(repo.create({ ...fields, createdBy: actor.id }));
      await this.audit.record(
        {
          actor,
          action: 'announcement.create',
          entity: 'announcement',
          entityId: saved.id,
          details: { title: saved.title, audience: saved.audience, importance: saved.importance },
        },
        m,
      );
      await this.enqueueIfDue(saved, m);
      return saved.id;
    });
    return this.adminGet(id);
  }

  async update(id: string, dto: UpdateAnnouncementDto, actor: Actor): Promise<AdminAnnouncementView> {
    await this.dataSource.transaction(async (m) => {
      const repo = m.getRepository(AnnouncementEntity);
      const row = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw new NotFoundError('Cette annonce est introuvable.');
      const audienceChanged = dto.audience !== undefined && dto.audience !== row.audience;
      // A new audience drops the old target unless the request names one.
      const keep = <T>(given: T | null | undefined, current: T | null) =>
        given !== undefined ? given : audienceChanged ? null : current;
      const fields = await this.checked({
        title: dto.title ?? row.title,
        text: dto.text ?? row.text,
        importance: dto.importance ?? row.importance,
        audience: dto.audience ?? row.audience,
        siteId: keep(dto.siteId, row.siteId),
        activityId: keep(dto.activityId, row.activityId),
        classLevel: keep(dto.classLevel, row.classLevel),
        publishAt: dto.publishAt ?? row.publishAt.toISOString(),
        expireAt: dto.expireAt !== undefined ? dto.expireAt : (row.expireAt?.toISOString() ?? null),
      });
      Object.assign(row, fields);
      const saved = await repo.save(row);
      await this.audit.record(
        {
          actor,
          action: 'announcement.update',
          entity: 'announcement',
          entityId: id,
          details: {
            changed: Object.keys(dto).filter((k) => dto[k as keyof UpdateAnnouncementDto] !== undefined),
          },
        },
        m,
      );
      await this.enqueueIfDue(saved, m);
    });
    return this.adminGet(id);
  }

  async remove(id: string, actor: Actor): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const repo = m.getRepository(AnnouncementEntity);
      const row = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw new NotFoundError('Cette annonce est introuvable.');
      await repo.delete({ id });
      await this.audit.record(
        {
          actor,
          action: 'announcement.delete',
          entity: 'announcement',
          entityId: id,
          details: { title: row.title },
        },
        m,
      );
    });
  }

  /** Cross-field rules the decorators cannot hold; each error names its field. */
  private async checked(input: {
    title: string;
    text: string;
    importance: AnnouncementImportance;
    audience: AnnouncementAudience;
    siteId: string | null;
    activityId: string | null;
    classLevel: AnnouncementEntity['classLevel'];
    publishAt: string;
    expireAt: string | null;
  }): Promise<
    Omit<
      AnnouncementEntity,
      | 'id'
      | 'createdAt'
      | 'updatedAt'
      | 'createdBy'
      | 'notifiedAt'
      | 'notifiedHouseholds'
      | 'site'
      | 'activity'
    >
  > {
    const publishAt = instant(input.publishAt, 'publishAt');
    const expireAt = input.expireAt === null ? null : instant(input.expireAt, 'expireAt');
    if (expireAt && expireAt.getTime() <= publishAt.getTime()) {
      throw new InvalidInputError('La fin de diffusion doit être après le début.', 'expireAt');
    }
    const needs: Record<'siteId' | 'activityId' | 'classLevel', AnnouncementAudience> = {
      siteId: AnnouncementAudience.Site,
      activityId: AnnouncementAudience.Activity,
      classLevel: AnnouncementAudience.ClassLevel,
    };
    for (const [field, audience] of Object.entries(needs) as [keyof typeof needs, AnnouncementAudience][]) {
      const given = input[field] !== null;
      if (input.audience === audience && !given) {
        throw new InvalidInputError(`Ce champ est obligatoire pour cette audience.`, field);
      }
      if (input.audience !== audience && given) {
        throw new InvalidInputError(`Ce champ ne s’applique pas à cette audience.`, field);
      }
    }
    if (input.siteId && !(await this.siteNames()).has(input.siteId)) {
      throw new InvalidInputError('Ce site est introuvable.', 'siteId');
    }
    if (input.activityId && !(await this.audience.activityNames()).has(input.activityId)) {
      throw new InvalidInputError('Cette activité est introuvable.', 'activityId');
    }
    return {
      title: input.title,
      text: input.text,
      importance: input.importance,
      audience: input.audience,
      siteId: input.siteId,
      activityId: input.activityId,
      classLevel: input.classLevel,
      publishAt,
      expireAt,
    };
  }

  private async siteNames(): Promise<Map<string, string>> {
    return new Map((await this.city.listSites()).map((s) => [s.id, s.name]));
  }

  /** Site and activity names by id (both uuids), for the audience labels. */
  private async targetNames(): Promise<Map<string, string>> {
    return new Map([...(await this.siteNames()), ...(await this.audience.activityNames())]);
  }

  // --- Sending ------------------------------------------------------------------------------

  private isDue(a: AnnouncementEntity, now: Date): boolean {
    return (
      !a.notifiedAt &&
      a.publishAt.getTime() <= now.getTime() &&
      (!a.expireAt || a.expireAt.getTime() > now.getTime())
    );
  }

  private async enqueueIfDue(a: AnnouncementEntity, manager: EntityManager): Promise<void> {
    if (!this.isDue(a, this.clock.now())) return;
    await this.jobs.send<PublishJob>(ANNOUNCEMENTS_QUEUE, { announcementId: a.id }, { manager });
  }

  /** Enqueues the sending of every announcement whose publication time has come. */
  async enqueueDue(): Promise<number> {
    const now = this.clock.now();
    const due: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM announcements
        WHERE notified_at IS NULL AND publish_at <= $1
          AND (expire_at IS NULL OR expire_at > $1)`,
      [now],
    );
    for (const { id } of due) {
      await this.jobs.send<PublishJob>(
        ANNOUNCEMENTS_QUEUE,
        { announcementId: id },
        { singletonKey: `announcement:${id}` },
      );
    }
    return due.length;
  }

  /**
   * The job: the guardians of every targeted family find the announcement in their inbox; an
   * important one also goes by e-mail and push, as their preferences say.
   */
  async deliver(announcementId: string): Promise<void> {
    const repo = this.dataSource.getRepository(AnnouncementEntity);
    const announcement = await repo.findOneBy({ id: announcementId });
    if (!announcement || !this.isDue(announcement, this.clock.now())) return;
    // Read before the transaction: on the embedded database it holds the only connection.
    const householdIds = await this.audience.householdsOf(announcement as AudienceTarget);
    const guardians = await this.households.guardiansOf(householdIds);
    const recipients: NotificationRecipient[] = householdIds.flatMap((householdId) =>
      (guardians.get(householdId) ?? []).map((g) => ({
        userId: g.userId,
        email: g.email || null,
        householdId,
      })),
    );
    await this.dataSource.transaction(async (m) => {
      const claimed: unknown[] = await m.query(
        `UPDATE announcements SET notified_at = $2, notified_households = $3
          WHERE id = $1 AND notified_at IS NULL RETURNING id`,
        [announcementId, this.clock.now(), householdIds.length],
      );
      if (claimed.length === 0) return;
      await this.notifications.notify(
        recipients,
        NotificationTopic.CityAnnouncement,
        { title: announcement.title, text: announcement.text },
        m,
        { inboxOnly: announcement.importance !== AnnouncementImportance.Important },
      );
    });
    this.logger.log({ announcementId, households: householdIds.length }, 'announcement sent');
  }
}

/** A valid instant from the validated pattern; 2027-02-30 is refused here (the pattern lets it pass). */
function instant(value: string, field: string): Date {
  const date = new Date(value);
  if (!isIsoDate(value.slice(0, 10)) || Number.isNaN(date.getTime())) {
    throw new InvalidInputError('Cette date n’existe pas.', field);
  }
  return date;
}

function audienceLabel(a: AnnouncementEntity, sites: Map<string, string>): string {
  switch (a.audience) {
    case AnnouncementAudience.Everyone:
      return 'Tout le monde';
    case AnnouncementAudience.Site:
      return `Familles — ${sites.get(a.siteId ?? '') ?? 'un site'}`;
    case AnnouncementAudience.ClassLevel:
      return `Familles — enfants en ${a.classLevel}`;
    case AnnouncementAudience.Activity:
      return `Familles — inscrits à ${sites.get(a.activityId ?? '') ?? 'une activité'}`;
    default:
      return '';
  }
}

function toView(a: AnnouncementEntity, sites: Map<string, string>): AnnouncementView {
  return {
    id: a.id,
    title: a.title,
    text: a.text,
    importance: a.importance,
    audience: a.audience,
    audienceLabel: audienceLabel(a, sites),
    publishAt: a.publishAt.toISOString(),
    expireAt: a.expireAt?.toISOString() ?? null,
  };
}

function toAdminView(a: AnnouncementEntity, sites: Map<string, string>, now: Date): AdminAnnouncementView {
  const state =
    a.publishAt.getTime() > now.getTime()
      ? AnnouncementState.Scheduled
      : a.expireAt && a.expireAt.getTime() <= now.getTime()
        ? AnnouncementState.Expired
        : AnnouncementState.Current;
  return {
    ...toView(a, sites),
    siteId: a.siteId,
    activityId: a.activityId,
    classLevel: a.classLevel,
    state,
    notifiedAt: a.notifiedAt?.toISOString() ?? null,
    notifiedHouseholds: a.notifiedHouseholds,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ClosureView, CreateClosureRequest, NotificationTopic } from '@foyer/shared/contracts';
import { daysBetween } from '@foyer/shared/domain';
import { AuditService, Clock, InvalidInputError } from '@foyer/api/core';
import type { Actor } from '@foyer/api/households';
import { CityService } from '@foyer/api/city';
import { NotificationsService } from '@foyer/api/notifications';
import { CapacitySql } from './capacity-sql';
import { ActivityEntity, ClosureEntity } from './entities';
import { Families } from './families';
import { returning } from './sql';

/** Longest closure recorded at once. */
export const MAX_CLOSURE_DAYS = 62;

/**
 * Closures: an agent closes a site (or one activity at it) for a day or a range. Live bookings of
 * those days are cancelled without charge (status closure), waiting lists emptied, and each family
 * told once, in the same transaction.
 */
@Injectable()
export class ClosuresService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly city: CityService,
    private readonly families: Families,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<ClosureView[]> {
    const closures = await this.dataSource.getRepository(ClosureEntity).find({
      relations: { activity: true },
      order: { fromDate: 'DESC', createdAt: 'DESC' },
      take: 200,
    });
    const sites = new Map((await this.city.listSites()).map((s) => [s.id, s.name]));
    return closures.map((c) => toClosureView(c, sites.get(c.siteId) ?? ''));
  }

  async create(agent: Actor, dto: CreateClosureRequest): Promise<ClosureView> {
    if (dto.to < dto.from) throw new InvalidInputError('La date de fin doit suivre la date de début.', 'to');
    if (daysBetween(dto.from, dto.to) >= MAX_CLOSURE_DAYS) {
      throw new InvalidInputError(`Une fermeture ne peut dépasser ${MAX_CLOSURE_DAYS} jours.`, 'to');
    }
    if (dto.from < this.clock.today())
      throw new InvalidInputError('Une fermeture ne peut commencer dans le passé.', 'from');
    const site = (await this.city.listSites()).find((s) => s.id === dto.siteId);
    if (!site) throw new InvalidInputError('Ce site est introuvable.', 'siteId');
    let activity: ActivityEntity | null = null;
    if (dto.activityId) {
      activity = await this.dataSource.getRepository(ActivityEntity).findOneBy({ id: dto.activityId });
      if (!activity) throw new InvalidInputError('Cette activité est introuvable.', 'activityId');
    }
    const id = await this.dataSource.transaction(async (m) => {
      const closure = await m.getRepository(ClosureEntity).save(
        m.getRepository(ClosureEntity).create({
          siteId: site.id,
          activityId: activity?.id ?? null,
          fromDate: dto.from,
          toDate: dto.to,
          reason: dto.reason,
          createdBy: agent.id,
        }),
      );
      // Lock the counters of the days concerned (in order), then cancel their live bookings.
      const days: { offer_id: string; date: string }[] = await m.query(
        `SELECT d.offer_id, to_char(d.date, 'YYYY-MM-DD') AS date FROM offer_days d
           JOIN activity_offers o ON o.id = d.offer_id
          WHERE o.site_id = $1 AND ($2::uuid IS NULL OR o.activity_id = $2) AND d.date BETWEEN $3 AND $4
          ORDER BY d.offer_id, d.date`,
        [site.id, activity?.id ?? null, dto.from, dto.to],
      );
      if (days.length > 0) {
        await m.query(CapacitySql.lockDays, [days.map((d) => d.offer_id), days.map((d) => d.date)]);
      }
      const cancelled = await returning<{
        household_id: string;
        first_name: string;
        activity_name: string;
        status: string;
      }>(
        m,
        `UPDATE bookings b SET status = 'closure', cancelled_at = $5, updated_at = now()
           FROM activity_offers o, children c, activities a
          WHERE o.id = b.offer_id AND c.id = b.child_id AND a.id = b.activity_id
            AND o.site_id = $1 AND ($2::uuid IS NULL OR b.activity_id = $2) AND b.date BETWEEN $3 AND $4
            AND b.status IN ('booked', 'waitlisted', 'offered')
        RETURNING b.household_id, c.first_name, a.name AS activity_name, b.status`,
        [site.id, activity?.id ?? null, dto.from, dto.to, this.clock.now()],
      );
      if (days.length > 0) {
        await m.query(
          `UPDATE offer_days d SET taken = 0, waiting = 0 FROM activity_offers o
            WHERE o.id = d.offer_id AND o.site_id = $1 AND ($2::uuid IS NULL OR o.activity_id = $2)
              AND d.date BETWEEN $3 AND $4`,
          [site.id, activity?.id ?? null, dto.from, dto.to],
        );
      }
      await m.query(`UPDATE booking_closures SET cancelled_bookings = $2 WHERE id = $1`, [
        closure.id,
        cancelled.length,
      ]);
      // One message per family: its children and how many days each lost.
      const perHousehold = new Map<string, Map<string, number>>();
      const labels = new Set<string>();
      for (const row of cancelled) {
        const children = perHousehold.get(row.household_id) ?? new Map<string, number>();
        children.set(row.first_name, (children.get(row.first_name) ?? 0) + 1);
        perHousehold.set(row.household_id, children);
        labels.add(row.activity_name);
      }
      const recipients = await this.families.recipients(m, [...perHousehold.keys()]);
      for (const [householdId, children] of perHousehold) {
        await this.notifications.notify(
          recipients.get(householdId) ?? [],
          NotificationTopic.BookingClosure,
          {
            siteName: site.name,
            activityLabel: activity?.name ?? [...labels].join(', '),
            from: dto.from,
            to: dto.to,
            reason: dto.reason,
            cancelled: [...children].map(([name, n]) => `${name} (${n} jour${n > 1 ? 's' : ''})`).join(', '),
          },
          m,
        );
      }
      await this.audit.record(
        {
          actor: agent,
          action: 'closure.create',
          entity: 'closure',
          entityId: closure.id,
          details: {
            siteId: site.id,
            activityId: activity?.id ?? null,
            from: dto.from,
            to: dto.to,
            cancelled: cancelled.length,
          },
        },
        m,
      );
      return closure.id;
    });
    const closure = await this.dataSource
      .getRepository(ClosureEntity)
      .findOneOrFail({ where: { id }, relations: { activity: true } });
    return toClosureView(closure, site.name);
  }
}

function toClosureView(c: ClosureEntity, siteName: string): ClosureView {
  return {
    id: c.id,
    siteId: c.siteId,
    siteName,
    activityId: c.activityId,
    activityName: c.activity?.name ?? null,
    from: c.fromDate,
    to: c.toDate,
    reason: c.reason,
    createdAt: c.createdAt.toISOString(),
    cancelledBookings: c.cancelledBookings,
  };
}

import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { BookingOfferView, NotificationTopic, PromotionPolicy } from '@foyer/shared/contracts';
import { Clock, ConflictError, NotFoundError } from '@foyer/api/core';
import { NotificationsService } from '@foyer/api/notifications';
import type { Actor } from '@foyer/api/households';
import { CapacitySql, OfferDayState } from './capacity-sql';
import { ActivityEntity, ActivityOfferEntity, CapacityOverrideEntity } from './entities';
import { Families } from './families';
import { returning } from './sql';

/** A family to tell that a freed place went to their child. */
export interface Promotion {
  householdId: string;
  childFirstName: string;
  activityName: string;
  date: string;
  event: 'booked' | 'offered';
  expiresAt: Date | null;
}

/** How often overdue offers are looked for (the Clock decides which are overdue). */
const EXPIRY_SWEEP_MS = 60_000;

/**
 * The waiting list: when a place frees on a day, the first child in arrival order is booked at once
 * or offered the place for the activity's offerHours; an offer accepted books the child, an offer
 * declined or expired passes to the next. Every move happens under the day's counter lock, so a
 * freed place is given once.
 */
@Injectable()
export class WaitlistService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WaitlistService.name);
  private timer?: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly families: Families,
    private readonly notifications: NotificationsService,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.expireOffers().catch((error: unknown) => this.logger.error(error, 'offer expiry failed'));
    }, EXPIRY_SWEEP_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /**
   * Fills freed places of a locked day from its waiting list (the caller holds the counter row and
   * writes `day` back). Returns whom to notify.
   */
  async promote(
    m: EntityManager,
    day: OfferDayState,
    capacity: number,
    activity: ActivityEntity,
  ): Promise<Promotion[]> {
    const promotions: Promotion[] = [];
    if (day.date < this.clock.today()) return promotions;
    while (day.taken < capacity && day.waiting > 0) {
      const rows: { id: string; household_id: string; first_name: string }[] = await m.query(
        `SELECT b.id, b.household_id, c.first_name FROM bookings b JOIN children c ON c.id = b.child_id
          WHERE b.offer_id = $1 AND b.date = $2 AND b.status = 'waitlisted'
          ORDER BY b.arrival LIMIT 1`,
        [day.offer_id, day.date],
      );
      const next = rows[0];
      if (!next) {
        day.waiting = 0;
        break;
      }
      const offer = activity.promotion === PromotionPolicy.Offer;
      const expiresAt = offer ? new Date(this.clock.now().getTime() + activity.offerHours * 3_600_000) : null;
      await m.query(
        `UPDATE bookings SET status = $2, offer_expires_at = $3, updated_at = now() WHERE id = $1`,
        [next.id, offer ? 'offered' : 'booked', expiresAt],
      );
      day.taken++;
      day.waiting--;
      promotions.push({
        householdId: next.household_id,
        childFirstName: next.first_name,
        activityName: activity.name,
        date: day.date,
        event: offer ? 'offered' : 'booked',
        expiresAt,
      });
    }
    return promotions;
  }

  /** Tells each family of its promotions (WaitingList topic), in the caller's transaction. */
  async notify(m: EntityManager, promotions: Promotion[]): Promise<void> {
    if (promotions.length === 0) return;
    const recipients = await this.families.recipients(
      m,
      promotions.map((p) => p.householdId),
    );
    for (const p of promotions) {
      await this.notifications.notify(
        recipients.get(p.householdId) ?? [],
        NotificationTopic.WaitingList,
        {
          childFirstName: p.childFirstName,
          activityLabel: p.activityName,
          position: 0,
          event: p.event,
          date: p.date,
          ...(p.expiresAt ? { expiresAt: p.expiresAt.toISOString() } : {}),
        },
        m,
      );
    }
  }

  /** Locks one day's counter (creating it if needed) and returns it with the day's capacity. */
  async lockDay(
    m: EntityManager,
    offerId: string,
    date: string,
  ): Promise<{ day: OfferDayState; capacity: number; activity: ActivityEntity }> {
    await m.query(CapacitySql.ensureDays, [[offerId], [date]]);
    const [day] = (await m.query(CapacitySql.lockDays, [[offerId], [date]])) as OfferDayState[];
    const offer = await m.getRepository(ActivityOfferEntity).findOneOrFail({
      where: { id: offerId },
      relations: { activity: true },
    });
    const override = await m.getRepository(CapacityOverrideEntity).findOneBy({ offerId, date });
    return {
      day,
      capacity: override?.capacity ?? offer.capacityPerDay,
      activity: offer.activity as ActivityEntity,
    };
  }

  async writeDay(m: EntityManager, day: OfferDayState): Promise<void> {
    await m.query(CapacitySql.writeDays, [
      [day.offer_id],
      [day.date],
      [day.taken],
      [day.waiting],
      [day.arrivals],
    ]);
  }

  /** The places held for the caller's children. */
  async listOffers(user: Actor): Promise<BookingOfferView[]> {
    await this.expireOffers();
    const householdId = await this.families.householdOf(user);
    const rows: {
      id: string;
      child_id: string;
      first_name: string;
      activity_id: string;
      name: string;
      date: string;
      offer_expires_at: Date;
    }[] = await this.dataSource.query(
      `SELECT b.id, b.child_id, c.first_name, b.activity_id, a.name, to_char(b.date, 'YYYY-MM-DD') AS date,
              b.offer_expires_at
         FROM bookings b JOIN children c ON c.id = b.child_id JOIN activities a ON a.id = b.activity_id
        WHERE b.household_id = $1 AND b.status = 'offered'
        ORDER BY b.offer_expires_at, b.id`,
      [householdId],
    );
    return rows.map((r) => ({
      bookingId: r.id,
      childId: r.child_id,
      childName: r.first_name,
      activityId: r.activity_id,
      activityName: r.name,
      date: r.date,
      expiresAt: new Date(r.offer_expires_at).toISOString(),
    }));
  }

  /** Accept (book the child) or decline (pass the place on) an offer of the caller's household. */
  async answer(user: Actor, bookingId: string, accept: boolean): Promise<BookingOfferView[]> {
    await this.expireOffers();
    const householdId = await this.families.householdOf(user);
    const rows: { offer_id: string; date: string; household_id: string }[] = await this.dataSource.query(
      `SELECT offer_id, to_char(date, 'YYYY-MM-DD') AS date, household_id FROM bookings WHERE id = $1`,
      [bookingId],
    );
    const booking = rows[0];
    if (!booking || booking.household_id !== householdId) {
      throw new NotFoundError('Cette proposition est introuvable.');
    }
    await this.families.write(householdId, user, async ({ m, audit }) => {
      const { day, capacity, activity } = await this.lockDay(m, booking.offer_id, booking.date);
      const [current] = (await m.query(`SELECT status, offer_expires_at FROM bookings WHERE id = $1`, [
        bookingId,
      ])) as { status: string; offer_expires_at: Date | null }[];
      if (
        current?.status !== 'offered' ||
        !current.offer_expires_at ||
        current.offer_expires_at <= this.clock.now()
      ) {
        throw new ConflictError('Cette proposition n’est plus valable.');
      }
      if (accept) {
        await m.query(
          `UPDATE bookings SET status = 'booked', offer_expires_at = NULL, updated_at = now() WHERE id = $1`,
          [bookingId],
        );
      } else {
        await m.query(
          `UPDATE bookings SET status = 'declined', cancelled_at = $2, updated_at = now() WHERE id = $1`,
          [bookingId, this.clock.now()],
        );
        day.taken--;
        const promotions = await this.promote(m, day, capacity, activity);
        await this.writeDay(m, day);
        await this.notify(m, promotions);
      }
      await audit({
        action: accept ? 'booking.offer.accept' : 'booking.offer.decline',
        entity: 'booking',
        entityId: bookingId,
        details: { date: booking.date, activityId: activity.id },
      });
    });
    return this.listOffers(user);
  }

  /**
   * Offers whose time is up (by the Clock) expire and their place passes to the next child. One
   * transaction per day, under its counter lock; run every minute and before offers are read.
   */
  async expireOffers(): Promise<number> {
    const now = this.clock.now();
    const days: { offer_id: string; date: string }[] = await this.dataSource.query(
      `SELECT DISTINCT offer_id, to_char(date, 'YYYY-MM-DD') AS date FROM bookings
        WHERE status = 'offered' AND offer_expires_at <= $1`,
      [now],
    );
    let expired = 0;
    for (const key of days) {
      expired += await this.dataSource.transaction(async (m) => {
        const { day, capacity, activity } = await this.lockDay(m, key.offer_id, key.date);
        const rows = await returning<{ id: string }>(
          m,
          `UPDATE bookings SET status = 'expired', cancelled_at = $3, updated_at = now()
            WHERE offer_id = $1 AND date = $2 AND status = 'offered' AND offer_expires_at <= $3 RETURNING id`,
          [key.offer_id, key.date, now],
        );
        day.taken -= rows.length;
        const promotions = await this.promote(m, day, capacity, activity);
        await this.writeDay(m, day);
        await this.notify(m, promotions);
        return rows.length;
      });
    }
    return expired;
  }
}

import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import ical from 'ical-generator';
import { DataSource } from 'typeorm';
import { ActivityKind, CalendarFeedView } from '@foyer/shared/contracts';
import { addDays, parisInstant } from '@foyer/shared/domain';
import { APP_CONFIG, Clock, hashToken, NotFoundError } from '@foyer/api/core';
import type { AppConfig } from '@foyer/api/core';
import type { Actor } from '@foyer/api/households';
import { CalendarFeedEntity } from './entities';
import { Families } from './families';

/** Usual hours of each kind, Paris wall-clock time, for the events of the feed. */
const HOURS: Record<ActivityKind, [string, string]> = {
  [ActivityKind.MorningCare]: ['07:30', '08:30'],
  [ActivityKind.Canteen]: ['11:30', '13:30'],
  [ActivityKind.EveningCare]: ['16:30', '18:30'],
  [ActivityKind.WednesdayCentre]: ['08:30', '18:00'],
  [ActivityKind.HolidayCentre]: ['08:30', '18:00'],
};

/** Days of the feed: from a month back to four months ahead. */
const FEED_PAST_DAYS = 31;
const FEED_FUTURE_DAYS = 124;

/**
 * A private ICS feed (RFC 5545) per child, reached by a secret link. Only the token's SHA-256 is
 * stored; regenerating replaces it, so the old link answers 404.
 */
@Injectable()
export class CalendarFeedService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly families: Families,
    private readonly clock: Clock,
  ) {}

  async status(user: Actor, childId: string): Promise<CalendarFeedView> {
    const child = await this.families.ownChild(user, childId);
    const feed = await this.dataSource.getRepository(CalendarFeedEntity).findOneBy({ childId: child.id });
    return { url: null, createdAt: feed ? feed.createdAt.toISOString() : null };
  }

  /** A new secret link (the previous one stops working). The URL is shown once. */
  async regenerate(user: Actor, childId: string): Promise<CalendarFeedView> {
    const child = await this.families.ownChild(user, childId);
    const token = randomBytes(32).toString('base64url');
    const createdAt = await this.families.write(child.householdId, user, async ({ m, audit }) => {
      const [row] = (await m.query(
        `INSERT INTO calendar_feeds (child_id, household_id, token_hash, created_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (child_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = EXCLUDED.created_at
         RETURNING created_at`,
        [child.id, child.householdId, hashToken(token), this.clock.now()],
      )) as { created_at: Date }[];
      await audit({ action: 'calendar-feed.regenerate', entity: 'child', entityId: child.id });
      return new Date(row.created_at);
    });
    return {
      url: `${this.config.publicUrl}/api/calendar-feeds/${token}.ics`,
      createdAt: createdAt.toISOString(),
    };
  }

  /** The feed of a token (with or without « .ics »); an unknown or replaced token is 404. */
  async feed(token: string): Promise<string> {
    const bare = token.replace(/\.ics$/, '');
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(bare)) throw new NotFoundError('Ce calendrier est introuvable.');
    const feed = await this.dataSource
      .getRepository(CalendarFeedEntity)
      .findOneBy({ tokenHash: hashToken(bare) });
    if (!feed) throw new NotFoundError('Ce calendrier est introuvable.');
    const child = await this.families.child(feed.childId);
    if (!child) throw new NotFoundError('Ce calendrier est introuvable.');
    const today = this.clock.today();
    const rows: {
      id: string;
      date: string;
      status: string;
      name: string;
      kind: ActivityKind;
      updated_at: Date;
    }[] = await this.dataSource.query(
      `SELECT b.id, to_char(b.date, 'YYYY-MM-DD') AS date, b.status, a.name, a.kind, b.updated_at
           FROM bookings b JOIN activities a ON a.id = b.activity_id
          WHERE b.child_id = $1 AND b.date BETWEEN $2 AND $3 AND b.status IN ('booked', 'offered', 'waitlisted')
          ORDER BY b.date, a.kind`,
      [child.id, addDays(today, -FEED_PAST_DAYS), addDays(today, FEED_FUTURE_DAYS)],
    );
    const host = new URL(this.config.publicUrl).hostname;
    const calendar = ical({
      name: `Réservations de ${child.firstName}`,
      prodId: '//Foyer//Portail famille//FR',
    });
    for (const row of rows) {
      const [start, end] = HOURS[row.kind];
      const pending = row.status !== 'booked';
      calendar.createEvent({
        id: `${row.id}@${host}`,
        start: parisInstant(row.date, start),
        end: parisInstant(row.date, end),
        stamp: new Date(row.updated_at),
        summary: `${row.name} – ${child.firstName}${pending ? (row.status === 'offered' ? ' (place proposée)' : ' (liste d’attente)') : ''}`,
      });
    }
    return calendar.toString();
  }
}

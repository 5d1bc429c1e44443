import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotificationTopic } from '@foyer/shared/contracts';
import type { IsoDate } from '@foyer/shared/domain';
import { APP_CONFIG, Clock } from '@foyer/api/core';
import type { AppConfig } from '@foyer/api/core';
import { JobQueue } from '@foyer/api/jobs';
import { NotificationRecipient, NotificationsService } from '../notifications.service';
import { TopicData } from '../templates/templates';

/** One reminder a rule wants sent: to a family, about one object. */
export interface ReminderCandidate<T extends NotificationTopic> {
  householdId: string;
  /** Identifies the object (and its version): the same key is never reminded twice. */
  objectKey: string;
  recipients: NotificationRecipient[];
  data: TopicData[T];
}

/** A rule of the daily reminders: who to remind today, about what. Domains register theirs. */
export interface ReminderRule<T extends NotificationTopic> {
  /** Stable name, part of the unique key: `documents.expiring`. */
  name: string;
  topic: T;
  find(today: IsoDate): Promise<ReminderCandidate<T>[]>;
}

export const REMINDERS_QUEUE = 'reminders.daily';

/**
 * Runs the registered reminder rules once a day (at REMINDERS_HOUR, Europe/Paris, one job a day
 * across processes: see JobQueue's daily jobs). Each reminder is claimed by inserting its (rule,
 * family, object) key, in the same transaction as the notification: a rerun or a second process
 * sends nothing twice.
 */
@Injectable()
export class ReminderScheduler implements OnModuleInit {
  private readonly logger = new Logger(ReminderScheduler.name);
  private readonly rules: ReminderRule<NotificationTopic>[] = [];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: REMINDERS_QUEUE,
      retryLimit: 3,
      retryDelaySeconds: 300,
      retryBackoff: true,
      dailyAtHour: this.config.remindersHour,
      handler: async () => {
        await this.runDaily();
      },
    });
  }

  register<T extends NotificationTopic>(rule: ReminderRule<T>): void {
    this.rules.push(rule as unknown as ReminderRule<NotificationTopic>);
  }

  /** Runs every rule for today; returns how many reminders this run sent. */
  async runDaily(): Promise<number> {
    const today = this.clock.today();
    let sent = 0;
    for (const rule of this.rules) {
      for (const candidate of await rule.find(today)) {
        const claimed = await this.dataSource.transaction(async (m) => {
          const rows: unknown[] = await m.query(
            `INSERT INTO reminder_sends (rule, household_id, object_key, sent_on) VALUES ($1, $2, $3, $4)
             ON CONFLICT (rule, household_id, object_key) DO NOTHING RETURNING id`,
            [rule.name, candidate.householdId, candidate.objectKey, today],
          );
          if (rows.length === 0) return false;
          await this.notifications.notify(candidate.recipients, rule.topic, candidate.data, m);
          return true;
        });
        if (claimed) sent++;
      }
    }
    this.logger.log({ today, sent }, 'daily reminders done');
    return sent;
  }
}

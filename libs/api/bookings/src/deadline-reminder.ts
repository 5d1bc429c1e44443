import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ActivityKind, NotificationTopic } from '@foyer/shared/contracts';
import { addDays, eachDay, IsoDate, isoWeekday, parisDateOf, schoolYearOf } from '@foyer/shared/domain';
import { ReminderCandidate, ReminderScheduler } from '@foyer/api/notifications';
import { DayRules } from './day-rules';
import { Families } from './families';

/** A family is reminded on the days from this many days before a booking deadline up to it. */
export const DEADLINE_REMINDER_DAYS = 1;
/** How far ahead service days are looked at to find their deadlines. */
const LOOKAHEAD_DAYS = 35;

/**
 * Reminder rule of the daily scheduler: before a booking deadline, each family whose enrolled
 * children have no booking at all in the school week(s) of the days that deadline closes is told
 * which children and activities (a week left empty is usually forgotten, not decided; a day left
 * empty in a booked week is a choice). Keyed by the deadline: at
 * most one reminder per family and deadline. Holiday centres are left out (campaigns have their own
 * calendar).
 */
@Injectable()
export class DeadlineReminder implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rules: DayRules,
    private readonly families: Families,
    private readonly scheduler: ReminderScheduler,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({
      name: 'bookings.deadline',
      topic: NotificationTopic.BookingDeadline,
      find: (today) => this.find(today),
    });
  }

  async find(today: IsoDate): Promise<ReminderCandidate<NotificationTopic.BookingDeadline>[]> {
    const ctx = await this.rules.load(today, addDays(today, LOOKAHEAD_DAYS));
    const lastReminderDay = addDays(today, DEADLINE_REMINDER_DAYS);
    // Deadline instant -> activity -> the service days it closes.
    const groups = new Map<string, Map<string, IsoDate[]>>();
    for (const activity of ctx.activities.values()) {
      if (activity.entity.kind === ActivityKind.HolidayCentre) continue;
      for (const date of eachDay(addDays(today, 1), addDays(today, LOOKAHEAD_DAYS))) {
        if (!ctx.service(activity, date).runs) continue;
        const deadline = ctx.deadline(activity, date, false);
        const deadlineDay = parisDateOf(deadline);
        if (deadline <= ctx.now || deadlineDay > lastReminderDay) continue;
        const key = deadline.toISOString();
        const perActivity = groups.get(key) ?? new Map<string, IsoDate[]>();
        perActivity.set(activity.entity.id, [...(perActivity.get(activity.entity.id) ?? []), date]);
        groups.set(key, perActivity);
      }
    }
    const candidates: ReminderCandidate<NotificationTopic.BookingDeadline>[] = [];
    for (const [deadline, perActivity] of groups) {
      // household -> children names and activity names without any booking.
      const missing = new Map<
        string,
        { children: Set<string>; activities: Set<string>; from: IsoDate; to: IsoDate }
      >();
      for (const [activityId, dates] of perActivity) {
        const activity = ctx.activities.get(activityId);
        if (!activity) continue;
        // The weeks these days fall in: a child with any booking of the activity in them is not reminded.
        const weekFrom = addDays(dates[0], 1 - isoWeekday(dates[0]));
        const last = dates[dates.length - 1];
        const weekTo = addDays(last, 7 - isoWeekday(last));
        const rows: { household_id: string; first_name: string; site_id: string }[] =
          await this.dataSource.query(
            `SELECT e.household_id, c.first_name, e.site_id
             FROM enrollments e JOIN children c ON c.id = e.child_id JOIN households h ON h.id = e.household_id
            WHERE e.status = 'approved' AND e.activity_id = $1 AND e.school_year = $2 AND h.closed_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM bookings b WHERE b.child_id = e.child_id AND b.activity_id = e.activity_id
                                AND b.date BETWEEN $3 AND $4
                                AND b.status IN ('booked', 'waitlisted', 'offered', 'absent_sick'))
            ORDER BY e.household_id, c.first_name`,
            [activityId, schoolYearOf(dates[0]), weekFrom, weekTo],
          );
        for (const row of rows) {
          // A site closed on every one of these days needs no booking.
          if (dates.every((d) => ctx.closure(activityId, row.site_id, d))) continue;
          const entry = missing.get(row.household_id) ?? {
            children: new Set<string>(),
            activities: new Set<string>(),
            from: dates[0],
            to: dates[dates.length - 1],
          };
          entry.children.add(row.first_name);
          entry.activities.add(activity.entity.name);
          if (dates[0] < entry.from) entry.from = dates[0];
          if (dates[dates.length - 1] > entry.to) entry.to = dates[dates.length - 1];
          missing.set(row.household_id, entry);
        }
      }
      if (missing.size === 0) continue;
      const recipients = await this.families.recipients(this.dataSource.manager, [...missing.keys()]);
      for (const [householdId, entry] of missing) {
        candidates.push({
          householdId,
          objectKey: `deadline:${deadline}`,
          recipients: recipients.get(householdId) ?? [],
          data: {
            childNames: [...entry.children].join(', '),
            activityLabel: [...entry.activities].join(', '),
            deadline,
            from: entry.from,
            to: entry.to,
          },
        });
      }
    }
    return candidates;
  }
}

import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotificationTopic } from '@foyer/shared/contracts';
import { addDays } from '@foyer/shared/domain';
import type { IsoDate } from '@foyer/shared/domain';
import { ReminderCandidate, ReminderScheduler } from '@foyer/api/notifications';
import { HouseholdAccess } from '@foyer/api/households';

/** Days before the due date of the "due soon" reminder, and after it of the "overdue" one. */
export const DUE_SOON_DAYS = 3;
export const OVERDUE_DAYS = 5;

/**
 * Two rules of the daily reminders: an unpaid invoice (not under direct debit, no payment in flight)
 * is reminded once within 3 days of its due date and once 5 days after it. The scheduler's key holds
 * the invoice and the kind, so each is sent once.
 */
@Injectable()
export class InvoiceRemindersService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly households: HouseholdAccess,
    private readonly scheduler: ReminderScheduler,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({
      name: 'invoices.due-soon',
      topic: NotificationTopic.InvoiceReminder,
      find: (today) => this.find(today, false),
    });
    this.scheduler.register({
      name: 'invoices.overdue',
      topic: NotificationTopic.InvoiceReminder,
      find: (today) => this.find(today, true),
    });
  }

  async find(
    today: IsoDate,
    overdue: boolean,
  ): Promise<ReminderCandidate<NotificationTopic.InvoiceReminder>[]> {
    const [from, to] = overdue
      ? [addDays(today, -OVERDUE_DAYS - 30), addDays(today, -OVERDUE_DAYS)]
      : [today, addDays(today, DUE_SOON_DAYS)];
    const rows: { id: string; number: string; household_id: string; due_date: string; due: string }[] =
      await this.dataSource.query(
        `SELECT * FROM (
           SELECT i.id, i.number, i.household_id, to_char(i.due_date, 'YYYY-MM-DD') AS due_date,
                  i.total_cents - i.credit_applied_cents
                    - COALESCE((SELECT sum(p.amount_cents) FROM payments p WHERE p.invoice_id = i.id AND p.state = 'paid'), 0)
                    - COALESCE((SELECT sum(c.amount_cents) FROM credit_notes c WHERE c.invoice_id = i.id), 0) AS due
             FROM invoices i JOIN households h ON h.id = i.household_id
            WHERE i.due_date BETWEEN $1 AND $2 AND i.direct_debit_date IS NULL AND h.closed_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.invoice_id = i.id AND p.state IN ('created', 'pending'))
         ) x WHERE due > 0 ORDER BY due_date, number`,
        [from, to],
      );
    const guardians = await this.households.guardiansOf([...new Set(rows.map((r) => r.household_id))]);
    return rows.map((r) => ({
      householdId: r.household_id,
      objectKey: `${r.id}:${overdue ? 'overdue' : 'due-soon'}`,
      recipients: (guardians.get(r.household_id) ?? []).map((g) => ({
        userId: g.userId,
        email: g.email || null,
        householdId: r.household_id,
      })),
      data: { invoiceNumber: r.number, amountCents: Number(r.due), dueDate: r.due_date, overdue },
    }));
  }
}

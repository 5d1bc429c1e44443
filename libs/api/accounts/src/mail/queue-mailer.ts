import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import nodemailer, { Transporter } from 'nodemailer';
import PgBoss from 'pg-boss';
import { Repository } from 'typeorm';
import { APP_CONFIG, DATABASE_KIND, DATABASE_URL, Mailer } from '@foyer/api/core';
import type { DatabaseKind } from '@foyer/api/core';
import type { AppConfig, OutgoingMail } from '@foyer/api/core';
import { OutboxMailEntity } from '../entities';

export const MAIL_QUEUE = 'mail';

/**
 * Mailer of the portal: `send()` enqueues a pg-boss job, so a request never waits for the mail
 * server and a mail survives a restart. The worker delivers through SMTP when SMTP_URL is set,
 * otherwise keeps the mail in the outbox table (read in development at GET /api/dev/mailbox).
 */
@Injectable()
export class QueueMailer extends Mailer implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger(QueueMailer.name);
  private boss?: PgBoss;
  private workerId?: string;
  private transport?: Transporter;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATABASE_URL) private readonly databaseUrl: string,
    @Inject(DATABASE_KIND) private readonly databaseKind: DatabaseKind,
    @InjectRepository(OutboxMailEntity) private readonly outbox: Repository<OutboxMailEntity>,
  ) {
    super();
  }

  async onModuleInit(): Promise<void> {
    const boss = new PgBoss({
      connectionString: this.databaseUrl,
      // PGlite is one session behind a multiplexer: one connection keeps the queue's statements from
      // interleaving with another client's (seen as "bind message supplies 3 parameters").
      max: this.databaseKind === 'embedded' ? 1 : 3,
      application_name: 'foyer-mail',
      // Scheduling (cron) is not used: no clock-monitor timers.
      schedule: false,
    });
    boss.on('error', (error: Error) => this.logger.error({ err: error }, 'job queue error'));
    await boss.start();
    await boss.createQueue(MAIL_QUEUE);
    if (this.config.smtpUrl) this.transport = nodemailer.createTransport(this.config.smtpUrl);
    this.workerId = await boss.work<OutgoingMail>(
      MAIL_QUEUE,
      { pollingIntervalSeconds: this.config.isProduction ? 2 : 0.5 },
      async ([job]) => this.deliver(job.data),
    );
    this.boss = boss;
  }

  /**
   * Stops the queue before the shutdown hooks close the database pool that the worker writes the
   * outbox through; `wait` lets an in-flight delivery finish and clears pg-boss's timers, so nothing
   * keeps the process (or a test run) alive after app.close().
   */
  async beforeApplicationShutdown(): Promise<void> {
    const boss = this.boss;
    this.boss = undefined;
    if (!boss) return;
    await boss.stop({ graceful: true, wait: true, close: true, timeout: 5_000 });
    if (this.databaseKind === 'embedded') {
      // pg-boss 10 polls, once a second, for its worker to finish stopping, after stop() resolves.
      // On the single embedded connection the worker can take that long: let the poll end before
      // the process (or a test file) goes away, or it wakes up in a torn-down module registry.
      await new Promise((resolve) => setTimeout(resolve, 1_100));
    }
    this.transport?.close();
  }

  async send(mail: OutgoingMail): Promise<void> {
    if (!this.boss) throw new Error('the mail queue is not started');
    await this.boss.send(
      MAIL_QUEUE,
      { to: mail.to, subject: mail.subject, text: mail.text },
      { retryLimit: 5, retryBackoff: true },
    );
    // Wakes the worker now instead of at its next poll.
    if (this.workerId) this.boss.notifyWorker(this.workerId);
  }

  private async deliver(mail: OutgoingMail): Promise<void> {
    if (this.transport) {
      await this.transport.sendMail({
        from: this.config.mailFrom,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
      });
      return;
    }
    await this.outbox.insert({ to: mail.to, subject: mail.subject, text: mail.text });
  }
}

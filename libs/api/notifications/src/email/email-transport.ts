import { BeforeApplicationShutdown, Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import nodemailer, { Transporter } from 'nodemailer';
import { Repository } from 'typeorm';
import { APP_CONFIG } from '@foyer/api/core';
import type { AppConfig } from '@foyer/api/core';
import { OutboxMailEntity } from '../entities/outbox-mail.entity';

export interface TransportMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** The notification message id, sent as a header so a bounce can be traced back. */
  messageId: string;
}

/** The mail server answered with a refusal: 4xx is temporary (retry), 5xx permanent. */
export class SmtpRefusal extends Error {
  constructor(
    message: string,
    readonly responseCode: number,
  ) {
    super(message);
  }

  get permanent(): boolean {
    return this.responseCode >= 500;
  }
}

/**
 * Hands a mail to the SMTP server of SMTP_URL, or, without one (development, tests), keeps it in
 * the outbox table that GET /api/dev/mailbox shows.
 */
@Injectable()
export class EmailTransport implements BeforeApplicationShutdown {
  private readonly smtp?: Transporter;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(OutboxMailEntity) private readonly outbox: Repository<OutboxMailEntity>,
  ) {
    // Pooled: a mail reuses an open connection instead of a new TCP + EHLO exchange each time.
    if (config.smtpUrl)
      this.smtp = nodemailer.createTransport({ url: config.smtpUrl, pool: true, maxConnections: 4 });
  }

  async send(mail: TransportMail): Promise<void> {
    if (!this.smtp) {
      await this.outbox.insert({ to: mail.to, subject: mail.subject, text: mail.text });
      return;
    }
    try {
      await this.smtp.sendMail({
        from: this.config.mailFrom,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: { 'X-Foyer-Message': mail.messageId },
      });
    } catch (error) {
      const code = (error as { responseCode?: unknown }).responseCode;
      if (typeof code === 'number') throw new SmtpRefusal((error as Error).message, code);
      throw error;
    }
  }

  beforeApplicationShutdown(): void {
    this.smtp?.close();
  }
}

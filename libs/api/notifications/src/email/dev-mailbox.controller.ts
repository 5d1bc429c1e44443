import { Controller, Get, Inject } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuthRoutes, DevMailView } from '@foyer/shared/contracts';
import { APP_CONFIG, NotFoundError, Public } from '@foyer/api/core';
import type { AppConfig } from '@foyer/api/core';
import { OutboxMailEntity } from '../entities/outbox-mail.entity';

const LINK = /https?:\/\/[^\s<>"')]+/g;

/**
 * Development only: the mails the portal would have sent, newest first, with their links. Served
 * when the server listens on loopback or DEV_MAILBOX=true, never in production.
 */
@ApiExcludeController()
@Controller()
export class DevMailboxController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(OutboxMailEntity) private readonly outbox: Repository<OutboxMailEntity>,
  ) {}

  @Public()
  @Get(AuthRoutes.devMailbox)
  async list(): Promise<DevMailView[]> {
    // Anyone who reaches the server could read password-reset links: only on loopback, or when
    // DEV_MAILBOX=true says the server is private (see AppConfig.devMailbox).
    if (!this.config.devMailbox) {
      throw new NotFoundError("Cette boîte de développement n'est pas disponible sur ce serveur.");
    }
    const mails = await this.outbox.find({ order: { createdAt: 'DESC', id: 'DESC' }, take: 200 });
    return mails.map((m) => ({
      id: m.id,
      to: m.to,
      subject: m.subject,
      text: m.text,
      links: m.text.match(LINK) ?? [],
      createdAt: m.createdAt.toISOString(),
    }));
  }
}

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Mailer } from '@foyer/api/core';
import type { OutgoingMail } from '@foyer/api/core';
import { NotificationsService } from '../notifications.service';

/** The core Mailer port: account mails become delivery-tracked e-mail messages. */
@Injectable()
export class NotificationMailer extends Mailer {
  constructor(private readonly notifications: NotificationsService) {
    super();
  }

  send(mail: OutgoingMail, manager?: EntityManager): Promise<void> {
    return this.notifications.sendAccountMail(mail, manager);
  }
}

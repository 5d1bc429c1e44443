import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Mailer } from '@foyer/api/core';
import { DevMailboxController } from './email/dev-mailbox.controller';
import { EmailTransport } from './email/email-transport';
import { NotificationMailer } from './email/notification-mailer';
import { notificationsEntities } from './entities';
import { NotificationsController } from './inbox/notifications.controller';
import { NotificationsService } from './notifications.service';
import { PushController } from './push/push.controller';
import { PushService } from './push/push.service';
import { ReminderScheduler } from './reminders/reminder-scheduler';

/**
 * Notifications: inbox, e-mail with delivery status, preferences, daily reminders. Global because
 * every domain notifies, and it provides the core Mailer port the accounts domain sends through.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature(notificationsEntities)],
  controllers: [NotificationsController, DevMailboxController, PushController],
  providers: [
    NotificationsService,
    EmailTransport,
    ReminderScheduler,
    PushService,
    { provide: Mailer, useClass: NotificationMailer },
  ],
  exports: [NotificationsService, ReminderScheduler, PushService, Mailer],
})
export class NotificationsModule {}

import { EmailAddressFailureEntity } from './entities/email-address-failure.entity';
import { NotificationMessageEntity } from './entities/notification-message.entity';
import { NotificationPreferenceEntity } from './entities/notification-preference.entity';
import { OutboxMailEntity } from './entities/outbox-mail.entity';
import { PushSubscriptionEntity } from './entities/push-subscription.entity';
import { ReminderSendEntity } from './entities/reminder-send.entity';

/** The tables of the notifications domain (imported only by the module and apps/api/src/entities.ts). */
export const notificationsEntities = [
  NotificationMessageEntity,
  NotificationPreferenceEntity,
  EmailAddressFailureEntity,
  ReminderSendEntity,
  OutboxMailEntity,
  PushSubscriptionEntity,
];

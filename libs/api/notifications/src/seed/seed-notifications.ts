import { DataSource } from 'typeorm';
import { DeliveryStatus, NotificationChannel, NotificationTopic } from '@foyer/shared/contracts';
import { NotificationMessageEntity } from '../entities/notification-message.entity';
import { renderMessage, SAMPLE_DATA } from '../templates/templates';

const DEMO_PARENT_EMAIL = 'parent@demo.test';

/** The demo parent's inbox: four messages, two of them unread. Does nothing if it has any already. */
export async function seedNotifications(dataSource: DataSource): Promise<void> {
  const rows: { id: string; household_id: string | null }[] = await dataSource.query(
    `SELECT u.id, g.household_id FROM users u LEFT JOIN household_guardians g ON g.user_id = u.id
      WHERE lower(u.email) = $1`,
    [DEMO_PARENT_EMAIL],
  );
  if (rows.length === 0) return;
  const { id: userId, household_id: householdId } = rows[0];
  const messages = dataSource.getRepository(NotificationMessageEntity);
  if (await messages.existsBy({ userId, channel: NotificationChannel.Inbox })) return;
  const seeds: { topic: NotificationTopic; daysAgo: number; read: boolean }[] = [
    { topic: NotificationTopic.CityAnnouncement, daysAgo: 20, read: true },
    { topic: NotificationTopic.EnrolmentDecision, daysAgo: 12, read: true },
    { topic: NotificationTopic.InvoiceIssued, daysAgo: 3, read: false },
    { topic: NotificationTopic.DocumentExpiring, daysAgo: 1, read: false },
  ];
  const now = Date.now();
  for (const seed of seeds) {
    const message = renderMessage(seed.topic, SAMPLE_DATA[seed.topic] as never);
    const createdAt = new Date(now - seed.daysAgo * 86_400_000);
    await messages.insert({
      userId,
      householdId,
      channel: NotificationChannel.Inbox,
      topic: seed.topic,
      subject: message.subject,
      body: message.body,
      link: message.link,
      status: DeliveryStatus.Delivered,
      statusAt: createdAt,
      createdAt,
      readAt: seed.read ? new Date(createdAt.getTime() + 3_600_000) : null,
    });
  }
}

import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import {
  DeliveryStatus,
  HouseholdMessageView,
  NOTIFICATION_TOPICS,
  NotificationChannel,
  NotificationPageView,
  NotificationPreferenceChange,
  NotificationPreferencesPageView,
  NotificationPreferenceView,
  NotificationTopic,
  NotificationView,
  PREFERENCE_CHANNELS,
  PUSH_DEFAULT_TOPICS,
  topicInfo,
} from '@foyer/shared/contracts';
import { APP_CONFIG, AuditService, Clock, InvalidInputError, NotFoundError } from '@foyer/api/core';
import type { AppConfig, AuthenticatedUser, OutgoingMail } from '@foyer/api/core';
import { AccountsService } from '@foyer/api/accounts';
import { JobQueue } from '@foyer/api/jobs';
import { ChannelSender, PermanentChannelError } from './channels';
import { EmailTransport, SmtpRefusal } from './email/email-transport';
import { EmailAddressFailureEntity } from './entities/email-address-failure.entity';
import { NotificationMessageEntity } from './entities/notification-message.entity';
import { NotificationPreferenceEntity } from './entities/notification-preference.entity';
import { PushSubscriptionEntity } from './entities/push-subscription.entity';
import { renderMail, renderMessage, TopicData } from './templates/templates';

/**
 * Who receives a notification: an account with its current address, and the family it is about
 * (for the agents' view). The caller passes the address: looking it up here would need a second
 * connection while the caller's transaction holds the only one on the embedded database.
 */
export interface NotificationRecipient {
  userId: string;
  email: string | null;
  householdId?: string | null;
}

export interface NotifyOptions {
  /** Only the inbox (a normal city announcement): no e-mail, no push, whatever the preferences. */
  inboxOnly?: boolean;
}

/** One notification of a batch: `notify(recipients, topic, data)` as a value. */
export type NotificationBatchItem = {
  [T in NotificationTopic]: { recipients: NotificationRecipient[]; topic: T; data: TopicData[T] };
}[NotificationTopic];

/** Rows per INSERT: well under PostgreSQL's 65,535 parameters with the messages' columns. */
const INSERT_CHUNK = 1000;

/** Inserts message rows by chunks; the ids of the rows, for their delivery jobs. */
async function insertMessages(
  manager: EntityManager,
  rows: Partial<NotificationMessageEntity>[],
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const result = await manager
      .getRepository(NotificationMessageEntity)
      .insert(rows.slice(i, i + INSERT_CHUNK) as NotificationMessageEntity[]);
    for (const identifier of result.identifiers) ids.push(identifier['id'] as string);
  }
  return ids;
}

export const EMAIL_QUEUE = 'notifications.email';
export const CHANNEL_QUEUE = 'notifications.channel';

interface DeliveryJob {
  messageId: string;
}

/** Default when a person has not chosen: e-mail on, push on for its default topics, SMS off. */
function enabledByDefault(topic: NotificationTopic, channel: NotificationChannel): boolean {
  if (channel === NotificationChannel.Email) return true;
  if (channel === NotificationChannel.Push) return PUSH_DEFAULT_TOPICS.includes(topic);
  return false;
}

/**
 * The one way every domain tells families something: `notify(recipients, topic, data, manager)`
 * writes, inside the caller's transaction, an inbox message per recipient and a message per
 * channel the recipient wants (law-required topics always go by e-mail), and enqueues their
 * delivery on the same transaction. Also the inbox, the preferences, and the delivery workers.
 */
@Injectable()
export class NotificationsService implements OnModuleInit {
  private readonly logger = new Logger(NotificationsService.name);
  private readonly senders = new Map<NotificationChannel, ChannelSender>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: AccountsService,
    private readonly jobs: JobQueue,
    private readonly transport: EmailTransport,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.jobs.register<DeliveryJob>({
      name: EMAIL_QUEUE,
      retryLimit: this.config.mailRetryLimit,
      retryDelaySeconds: this.config.mailRetryDelaySeconds,
      retryBackoff: true,
      concurrency: 4,
      handler: (data, job) => this.deliverEmail(data.messageId, job.retryCount >= job.retryLimit),
    });
    this.jobs.register<DeliveryJob>({
      name: CHANNEL_QUEUE,
      retryLimit: 5,
      retryDelaySeconds: this.config.mailRetryDelaySeconds,
      retryBackoff: true,
      handler: (data, job) => this.deliverOther(data.messageId, job.retryCount >= job.retryLimit),
    });
  }

  /** SMS and Web Push senders register here; without one the channel writes nothing. */
  registerChannel(sender: ChannelSender): void {
    this.senders.set(sender.channel, sender);
  }

  // --- Sending ------------------------------------------------------------------------------

  async notify<T extends NotificationTopic>(
    recipients: NotificationRecipient[],
    topic: T,
    data: TopicData[T],
    manager: EntityManager,
    options: NotifyOptions = {},
  ): Promise<void> {
    await this.notifyMany([{ recipients, topic, data } as NotificationBatchItem], manager, options);
  }

  /**
   * Many notifications at once (a billing run's invoices, a closure's families) in a few
   * statements: one read of the preferences, the messages inserted by the thousand, their delivery
   * jobs enqueued in one insert each; the same rows and jobs as one `notify` per item.
   */
  async notifyMany(
    items: NotificationBatchItem[],
    manager: EntityManager,
    options: NotifyOptions = {},
  ): Promise<void> {
    const live = items.filter((item) => item.recipients.length > 0);
    if (live.length === 0) return;
    const userIds = [...new Set(live.flatMap((item) => item.recipients.map((r) => r.userId)))];
    const topics = [...new Set(live.map((item) => item.topic))];
    const preferences = await manager.getRepository(NotificationPreferenceEntity).find({
      where: { userId: In(userIds), topic: In(topics) },
    });
    const chosen = new Map(preferences.map((p) => [`${p.userId}|${p.topic}|${p.channel}`, p.enabled]));
    const wants = (userId: string, topic: NotificationTopic, channel: NotificationChannel) =>
      !options.inboxOnly &&
      ((channel === NotificationChannel.Email && topicInfo(topic).required) ||
        (chosen.get(`${userId}|${topic}|${channel}`) ?? enabledByDefault(topic, channel)));

    type Row = Partial<NotificationMessageEntity>;
    const inbox: Row[] = [];
    const emails: Row[] = [];
    const others: Row[] = [];
    for (const { recipients, topic, data } of live) {
      const message = renderMessage(topic, data);
      const mail = renderMail(topic, message, this.config.publicUrl);
      for (const recipient of recipients) {
        const base: Row = {
          userId: recipient.userId,
          householdId: recipient.householdId ?? null,
          topic,
          subject: message.subject,
          body: message.body,
          link: message.link,
          documentType: documentTypeOf(data),
        };
        inbox.push({ ...base, channel: NotificationChannel.Inbox, status: DeliveryStatus.Delivered });
        if (recipient.email && wants(recipient.userId, topic, NotificationChannel.Email)) {
          emails.push({
            ...base,
            channel: NotificationChannel.Email,
            address: recipient.email,
            body: mail.text,
            html: mail.html,
          });
        }
        for (const sender of this.senders.values()) {
          if (!wants(recipient.userId, topic, sender.channel)) continue;
          const address = await sender.addressOf(recipient.userId, manager);
          if (address) others.push({ ...base, channel: sender.channel, address });
        }
      }
    }
    await insertMessages(manager, inbox);
    const emailIds = await insertMessages(manager, emails);
    await this.jobs.sendMany<DeliveryJob>(
      EMAIL_QUEUE,
      emailIds.map((messageId) => ({ messageId })),
      { manager },
    );
    const otherIds = await insertMessages(manager, others);
    await this.jobs.sendMany<DeliveryJob>(
      CHANNEL_QUEUE,
      otherIds.map((messageId) => ({ messageId })),
      {
        manager,
      },
    );
  }

  /**
   * An account mail (verification, reset, invitations): written whole by the caller, sent to an
   * address that may have no account yet. Inside `manager`'s transaction when given. Its text is
   * blanked once delivered or given up (see `eraseIfAccountMail`).
   */
  async sendAccountMail(mail: OutgoingMail, manager?: EntityManager): Promise<void> {
    const write = async (m: EntityManager) => {
      const rendered = renderMail(
        NotificationTopic.Account,
        renderMessage(NotificationTopic.Account, { subject: mail.subject, text: mail.text }),
        this.config.publicUrl,
      );
      const messages = m.getRepository(NotificationMessageEntity);
      const saved = await messages.save(
        messages.create({
          userId: null,
          householdId: null,
          channel: NotificationChannel.Email,
          topic: NotificationTopic.Account,
          address: mail.to,
          subject: rendered.subject,
          body: rendered.text,
          html: rendered.html,
          link: null,
        }),
      );
      await this.jobs.send<DeliveryJob>(EMAIL_QUEUE, { messageId: saved.id }, { manager: m });
    };
    if (manager) await write(manager);
    else await this.dataSource.transaction(write);
  }

  // --- Delivery (queue workers) --------------------------------------------------------------

  /**
   * Delivers one mail. A 4xx answer (or no answer) is a temporary failure: the job throws and the
   * queue retries with backoff. A 5xx answer is a permanent failure: not retried, and the address
   * is flagged on the account.
   */
  async deliverEmail(messageId: string, lastAttempt: boolean): Promise<void> {
    const messages = this.dataSource.getRepository(NotificationMessageEntity);
    const message = await messages.findOneBy({ id: messageId });
    const address = message?.address;
    if (!message || !address) return;
    if (message.status === DeliveryStatus.Delivered || message.status === DeliveryStatus.PermanentFailure)
      return;
    if (isErasedAccountMail(message)) {
      // An administrator retried an account mail after its last attempt: its one-time link is gone
      // (erased below), so nothing is sent; the person asks for a new link.
      this.logger.warn({ messageId }, 'account mail already erased: not sent again');
      return;
    }
    await messages.update(messageId, {
      status: DeliveryStatus.Sending,
      statusAt: new Date(),
      attempts: message.attempts + 1,
    });
    try {
      await this.transport.send({
        to: address,
        subject: message.subject,
        text: message.body,
        html: message.html ?? undefined,
        messageId,
      });
    } catch (error) {
      const detail = error instanceof Error ? error.message.slice(0, 500) : String(error);
      if (error instanceof SmtpRefusal && error.permanent) {
        await this.dataSource.transaction(async (m) => {
          await m.getRepository(NotificationMessageEntity).update(messageId, {
            status: DeliveryStatus.PermanentFailure,
            statusDetail: detail,
            statusAt: new Date(),
            ...eraseIfAccountMail(message),
          });
          await m
            .getRepository(EmailAddressFailureEntity)
            .upsert({ address: address.toLowerCase(), reason: detail, failedAt: new Date() }, ['address']);
        });
        this.logger.warn({ messageId }, 'mail refused for good: address flagged');
        return;
      }
      const status =
        lastAttempt && !(error instanceof SmtpRefusal)
          ? DeliveryStatus.TechnicalFailure
          : DeliveryStatus.TemporaryFailure;
      // A 4xx on the last attempt stays a temporary failure (as GOV.UK Notify says it), but the
      // detail must not promise a retry: the job goes to the dead-letter queue.
      const attempts = message.attempts + 1;
      const statusDetail =
        lastAttempt && status === DeliveryStatus.TemporaryFailure
          ? `Échec temporaire : abandon après ${attempts} essai${attempts > 1 ? 's' : ''}, aucun nouvel essai prévu (${detail})`.slice(
              0,
              600,
            )
          : detail;
      await messages.update(messageId, {
        status,
        statusDetail,
        statusAt: new Date(),
        ...(lastAttempt ? eraseIfAccountMail(message) : {}),
      });
      throw error;
    }
    await this.dataSource.transaction(async (m) => {
      await m.getRepository(NotificationMessageEntity).update(messageId, {
        status: DeliveryStatus.Delivered,
        statusDetail: null,
        statusAt: new Date(),
        ...eraseIfAccountMail(message),
      });
      await m.getRepository(EmailAddressFailureEntity).delete({ address: address.toLowerCase() });
    });
  }

  private async deliverOther(messageId: string, lastAttempt: boolean): Promise<void> {
    const messages = this.dataSource.getRepository(NotificationMessageEntity);
    const message = await messages.findOneBy({ id: messageId });
    const sender = message ? this.senders.get(message.channel) : undefined;
    if (!message || !message.address || !sender || message.status === DeliveryStatus.Delivered) return;
    await messages.update(messageId, { status: DeliveryStatus.Sending, attempts: message.attempts + 1 });
    try {
      await sender.send({ ...message, address: message.address });
    } catch (error) {
      const permanent = error instanceof PermanentChannelError;
      const status = permanent
        ? DeliveryStatus.PermanentFailure
        : lastAttempt
          ? DeliveryStatus.TechnicalFailure
          : DeliveryStatus.TemporaryFailure;
      await messages.update(messageId, { status, statusDetail: String(error), statusAt: new Date() });
      if (!permanent) throw error;
      return;
    }
    await messages.update(messageId, { status: DeliveryStatus.Delivered, statusAt: new Date() });
  }

  // --- Inbox --------------------------------------------------------------------------------

  async inbox(
    userId: string,
    page: number,
    pageSize: number,
    unreadOnly: boolean,
  ): Promise<NotificationPageView> {
    const repo = this.dataSource.getRepository(NotificationMessageEntity);
    const where = {
      userId,
      channel: NotificationChannel.Inbox,
      ...(unreadOnly ? { readAt: IsNull() } : {}),
    };
    const [items, total] = await repo.findAndCount({
      where,
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return {
      items: items.map(toNotificationView),
      total,
      unread: await this.unreadCount(userId),
      page,
      pageSize,
    };
  }

  unreadCount(userId: string): Promise<number> {
    return this.dataSource
      .getRepository(NotificationMessageEntity)
      .countBy({ userId, channel: NotificationChannel.Inbox, readAt: IsNull() });
  }

  /** Another person's message, or an e-mail record, answers the same 404 as an unknown id. */
  async markRead(userId: string, id: string): Promise<NotificationView> {
    const repo = this.dataSource.getRepository(NotificationMessageEntity);
    const message = await repo.findOneBy({ id, userId, channel: NotificationChannel.Inbox });
    if (!message) throw new NotFoundError('Ce message est introuvable.');
    if (!message.readAt) {
      message.readAt = this.clock.now();
      await repo.update({ id, readAt: IsNull() }, { readAt: message.readAt });
    }
    return toNotificationView(message);
  }

  async markAllRead(userId: string): Promise<void> {
    await this.dataSource
      .getRepository(NotificationMessageEntity)
      .update({ userId, channel: NotificationChannel.Inbox, readAt: IsNull() }, { readAt: this.clock.now() });
  }

  // --- Preferences --------------------------------------------------------------------------

  async preferences(userId: string): Promise<NotificationPreferencesPageView> {
    const rows = await this.dataSource.getRepository(NotificationPreferenceEntity).findBy({ userId });
    const preferences: NotificationPreferenceView[] = [];
    for (const info of NOTIFICATION_TOPICS.filter((t) => t.listed)) {
      for (const channel of PREFERENCE_CHANNELS) {
        const locked = info.required && channel === NotificationChannel.Email;
        const row = rows.find((r) => r.topic === info.topic && r.channel === channel);
        preferences.push({
          topic: info.topic,
          channel,
          enabled: locked || (row?.enabled ?? enabledByDefault(info.topic, channel)),
          locked,
        });
      }
    }
    const email = (await this.accounts.findById(userId))?.email;
    const failure = email
      ? await this.dataSource
          .getRepository(EmailAddressFailureEntity)
          .findOneBy({ address: email.toLowerCase() })
      : null;
    return {
      preferences,
      emailFailure: failure
        ? { address: email ?? '', failedAt: failure.failedAt.toISOString(), reason: failure.reason }
        : null,
    };
  }

  /** All or nothing: one bad change (unknown channel, a law-required topic switched off) changes nothing. */
  async updatePreferences(
    actor: AuthenticatedUser,
    changes: NotificationPreferenceChange[],
  ): Promise<NotificationPreferencesPageView> {
    const userId = actor.id;
    changes.forEach((change, i) => {
      const info = NOTIFICATION_TOPICS.find((t) => t.topic === change.topic && t.listed);
      if (!info) throw new InvalidInputError('Ce sujet de message n’existe pas.', `preferences.${i}.topic`);
      if (!PREFERENCE_CHANNELS.includes(change.channel)) {
        throw new InvalidInputError(
          'Ce canal ne se règle pas (la messagerie du portail est toujours active).',
          `preferences.${i}.channel`,
        );
      }
      if (info.required && change.channel === NotificationChannel.Email && !change.enabled) {
        throw new InvalidInputError(
          `« ${info.label} » est obligatoire par e-mail : ${info.requiredReason ?? ''}`.trim(),
          `preferences.${i}.enabled`,
        );
      }
    });
    await this.dataSource.transaction(async (m) => {
      const repo = m.getRepository(NotificationPreferenceEntity);
      for (const change of changes) {
        await repo.upsert({ userId, topic: change.topic, channel: change.channel, enabled: change.enabled }, [
          'userId',
          'topic',
          'channel',
        ]);
      }
    });
    return this.preferences(userId);
  }

  // --- Erasure (RGPD closure) ---------------------------------------------------------------

  /**
   * Erases what notifications keep about a closed family, inside the closure's transaction: every
   * message of the household or of its guardians (inbox, mails, account mails sent to their
   * addresses with no user), their preferences, the failure flags of their addresses and the
   * household's reminder keys. `emails` are the guardians' addresses read before anonymisation;
   * the addresses their mails went to are added, so a retried closure (accounts already
   * anonymised) still finds the account mails.
   */
  async eraseFor(
    householdId: string,
    userIds: string[],
    emails: string[],
    manager: EntityManager,
  ): Promise<void> {
    const sent: { address: string }[] = userIds.length
      ? await manager.query(
          `SELECT DISTINCT lower(address) AS address FROM notification_messages
            WHERE user_id = ANY($1::uuid[]) AND channel = 'email' AND address IS NOT NULL`,
          [userIds],
        )
      : [];
    const addresses = [
      ...new Set([...emails.map((e) => e.toLowerCase()), ...sent.map((r) => r.address)].filter(Boolean)),
    ];
    await manager.query(
      `DELETE FROM notification_messages
        WHERE household_id = $1 OR user_id = ANY($2::uuid[]) OR lower(address) = ANY($3::text[])`,
      [householdId, userIds, addresses],
    );
    if (userIds.length) {
      await manager.getRepository(NotificationPreferenceEntity).delete({ userId: In(userIds) });
      await manager.getRepository(PushSubscriptionEntity).delete({ userId: In(userIds) });
    }
    if (addresses.length) {
      await manager.query(`DELETE FROM email_address_failures WHERE lower(address) = ANY($1::text[])`, [
        addresses,
      ]);
    }
    await manager.query(`DELETE FROM reminder_sends WHERE household_id = $1`, [householdId]);
  }

  // --- Agents -------------------------------------------------------------------------------

  /**
   * Whether the queue made its last attempt: e-mail jobs get 1 + MAIL_RETRY_LIMIT attempts (an
   * administrator's retry adds one more, also the last); the other channels end in
   * technical-failure instead.
   */
  private gaveUp(m: NotificationMessageEntity): boolean {
    return m.channel === NotificationChannel.Email && m.attempts > this.config.mailRetryLimit;
  }

  /**
   * `readableTypes`: the document types the agent may read (households' document-access rule); a
   * message naming another type shows the topic's label instead of its subject.
   */
  async householdMessages(
    householdId: string,
    readableTypes: ReadonlySet<string>,
  ): Promise<HouseholdMessageView[]> {
    const rows = await this.dataSource.getRepository(NotificationMessageEntity).find({
      where: { householdId },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: 200,
    });
    return rows.map((m) => ({
      id: m.id,
      topic: m.topic,
      channel: m.channel,
      subject: m.documentType && !readableTypes.has(m.documentType) ? topicInfo(m.topic).label : m.subject,
      address: m.address,
      status: m.status,
      statusDetail: m.statusDetail,
      retryPlanned: m.status === DeliveryStatus.TemporaryFailure && !this.gaveUp(m),
      createdAt: m.createdAt.toISOString(),
      statusAt: m.statusAt.toISOString(),
      readAt: m.readAt?.toISOString() ?? null,
    }));
  }
}

/**
 * An account mail (verification, reset, invitation) carries a one-time link in clear text: once the
 * mail reaches a final state its text and HTML are blanked (subject, status and dates stay), so
 * the table never keeps what the hashed tokens protect.
 */
function eraseIfAccountMail(message: NotificationMessageEntity): Partial<NotificationMessageEntity> {
  return message.topic === NotificationTopic.Account ? { body: '', html: null } : {};
}

function isErasedAccountMail(message: NotificationMessageEntity): boolean {
  return message.topic === NotificationTopic.Account && message.body === '';
}

function documentTypeOf(data: unknown): string | null {
  const type = (data as { documentType?: unknown }).documentType;
  return typeof type === 'string' ? type : null;
}

function toNotificationView(m: NotificationMessageEntity): NotificationView {
  return {
    id: m.id,
    topic: m.topic,
    subject: m.subject,
    body: m.body,
    link: m.link,
    createdAt: m.createdAt.toISOString(),
    readAt: m.readAt?.toISOString() ?? null,
  };
}

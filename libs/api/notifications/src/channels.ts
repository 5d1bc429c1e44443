import type { EntityManager } from 'typeorm';
import { NotificationChannel } from '@foyer/shared/contracts';

/** What a channel sender receives: one stored message, already rendered. */
export interface ChannelMessage {
  id: string;
  userId: string | null;
  address: string;
  subject: string;
  body: string;
  link: string | null;
}

/**
 * A delivery channel other than the inbox and e-mail (SMS, Web Push). Implemented by later issues
 * and bound with `{ provide: CHANNEL_SENDERS, multi }`-style registration through
 * `NotificationsService.registerChannel`; with no sender registered, the channel writes nothing.
 * There is deliberately no fake SMS provider.
 */
export interface ChannelSender {
  readonly channel: NotificationChannel.Sms | NotificationChannel.Push;
  /**
   * Where this person is reached on the channel (phone number, push subscriptions), or null. Read
   * on `manager`: notify() runs inside its caller's transaction, which on the embedded database
   * holds the only connection.
   */
  addressOf(userId: string, manager: EntityManager): Promise<string | null>;
  /** Throws a `PermanentChannelError` for a refusal that retrying cannot fix. */
  send(message: ChannelMessage): Promise<void>;
}

export class PermanentChannelError extends Error {}

import { Agent as HttpsAgent } from 'node:https';
import { connect, isIP, Socket } from 'node:net';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import webpush, { WebPushError } from 'web-push';
import { NotificationChannel, PushPayload, PushSubscriptionView } from '@foyer/shared/contracts';
import { APP_CONFIG, InvalidInputError } from '@foyer/api/core';
import type { AppConfig } from '@foyer/api/core';
import { ChannelMessage, ChannelSender, PermanentChannelError } from '../channels';
import { PushSubscriptionEntity } from '../entities/push-subscription.entity';
import { NotificationsService } from '../notifications.service';
import { PushSubscriptionDto } from './push.dto';

/**
 * web-push speaks https only. Outside production, an http: endpoint (a push service stub on the
 * developer's machine or in the tests) is reached through this agent, which opens a plain TCP
 * connection where an https agent would start TLS: the payload is encrypted and signed all the same.
 */
class PlainHttpAgent extends HttpsAgent {
  override createConnection(options: { host?: string | null; port?: number | null }): Socket {
    return connect({ host: options.host ?? '127.0.0.1', port: options.port ?? 80 });
  }
}

/**
 * What production accepts as a push endpoint: https on a host name with a dot (browsers' push
 * services: fcm.googleapis.com, updates.push.services.mozilla.com, web.push.apple.com…), never an
 * IP address or a single-label name the city's internal network would resolve.
 */
export function isPublicHttpsEndpoint(endpoint: string): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  const host = url.hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '');
  return (
    url.protocol === 'https:' &&
    isIP(host) === 0 &&
    host.includes('.') &&
    !/(^|\.)(localhost|local|internal|lan|home\.arpa)$/i.test(host) &&
    url.username === '' &&
    url.password === ''
  );
}

/** How long a push service keeps a message for a device that is off: a day. */
const TTL_SECONDS = 24 * 3600;

/**
 * Web Push as a notifications channel: each device's subscription, and the delivery of a message to
 * every device of the person through `web-push` (VAPID-signed, payload encrypted with aes128gcm).
 * A 404 or 410 from the push service means the browser dropped the subscription: it is deleted.
 */
@Injectable()
export class PushService implements ChannelSender, OnModuleInit {
  readonly channel = NotificationChannel.Push as const;
  private readonly logger = new Logger(PushService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.notifications.registerChannel(this);
    if (this.config.webPush.generated) {
      this.logger.warn('VAPID keys generated for this process: push subscriptions end at the next restart');
    }
  }

  get publicKey(): string {
    return this.config.webPush.publicKey;
  }

  /**
   * Records this device for the person. The same browser signed in as someone else moves to them
   * (one endpoint, one person). In production the endpoint must be an https URL on a public host:
   * the server posts to it, and must not be pointed at the city's internal network.
   */
  async subscribe(userId: string, dto: PushSubscriptionDto): Promise<PushSubscriptionView> {
    this.checkEndpoint(dto.endpoint);
    const repo = this.dataSource.getRepository(PushSubscriptionEntity);
    await repo.upsert({ userId, endpoint: dto.endpoint, p256dh: dto.keys.p256dh, auth: dto.keys.auth }, [
      'endpoint',
    ]);
    const saved = await repo.findOneByOrFail({ endpoint: dto.endpoint });
    return { id: saved.id, createdAt: saved.createdAt.toISOString() };
  }

  /** Forgets this device for the person (another person's endpoint is left alone). */
  async unsubscribe(userId: string, endpoint: string): Promise<void> {
    await this.dataSource.getRepository(PushSubscriptionEntity).delete({ userId, endpoint });
  }

  private checkEndpoint(endpoint: string): void {
    if (this.config.isProduction && !isPublicHttpsEndpoint(endpoint)) {
      throw new InvalidInputError(
        'Ce service de notification n’est pas accepté : l’adresse doit être en https sur un domaine public.',
        'endpoint',
      );
    }
  }

  // --- ChannelSender ------------------------------------------------------------------------

  async addressOf(userId: string, manager: EntityManager): Promise<string | null> {
    const devices = await manager.getRepository(PushSubscriptionEntity).countBy({ userId });
    return devices === 0 ? null : `${devices} appareil${devices > 1 ? 's' : ''}`;
  }

  /**
   * Sends to every device of the person. Devices the push service says are gone are deleted; if no
   * device is left the message fails for good. Any other failure (network, 5xx, 429) throws when no
   * device received the message, so the queue retries.
   */
  async send(message: ChannelMessage): Promise<void> {
    if (!message.userId) throw new PermanentChannelError('no recipient');
    const repo = this.dataSource.getRepository(PushSubscriptionEntity);
    const devices = await repo.findBy({ userId: message.userId });
    if (devices.length === 0) throw new PermanentChannelError('Aucun appareil abonné.');
    const payload = JSON.stringify(this.payloadOf(message));
    let delivered = 0;
    let gone = 0;
    let lastError: unknown;
    for (const device of devices) {
      try {
        await webpush.sendNotification(
          { endpoint: device.endpoint, keys: { p256dh: device.p256dh, auth: device.auth } },
          payload,
          {
            vapidDetails: {
              subject: this.config.webPush.subject,
              publicKey: this.config.webPush.publicKey,
              privateKey: this.config.webPush.privateKey,
            },
            TTL: TTL_SECONDS,
            contentEncoding: 'aes128gcm',
            timeout: 10_000,
            agent: this.agentFor(device.endpoint),
          },
        );
        delivered++;
      } catch (error) {
        if (error instanceof WebPushError && (error.statusCode === 404 || error.statusCode === 410)) {
          await repo.delete({ id: device.id });
          gone++;
          this.logger.log({ subscriptionId: device.id, status: error.statusCode }, 'push subscription gone');
        } else {
          lastError = error;
          this.logger.warn({ subscriptionId: device.id, err: error }, 'push delivery failed');
        }
      }
    }
    if (delivered > 0) return;
    if (gone === devices.length) throw new PermanentChannelError('Appareils désabonnés (410).');
    throw lastError instanceof Error ? lastError : new Error('push delivery failed');
  }

  private readonly plainHttp = new PlainHttpAgent();

  private agentFor(endpoint: string): HttpsAgent | undefined {
    return !this.config.isProduction && endpoint.startsWith('http:') ? this.plainHttp : undefined;
  }

  private payloadOf(message: ChannelMessage): PushPayload {
    return {
      notification: {
        title: message.subject,
        body: message.body.length > 300 ? `${message.body.slice(0, 297)}…` : message.body,
        icon: '/icons/icon-192.png',
        lang: 'fr',
        tag: message.id,
        data: {
          onActionClick: {
            default: { operation: 'navigateLastFocusedOrOpen', url: message.link ?? '/messages' },
          },
        },
      },
    };
  }
}

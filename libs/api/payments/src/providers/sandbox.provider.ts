import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PaymentState } from '@foyer/shared/contracts';
import { APP_CONFIG } from '@foyer/api/core';
import type { AppConfig } from '@foyer/api/core';
import { PaymentProvider, ProviderStatus, StartRequest } from './payment-provider';

export const SANDBOX_SIGNATURE_HEADER = 'x-sandbox-signature';

/** What the sandbox bank decided; kept in the payment's provider details, as a bank keeps its own books. */
export type SandboxOutcome = 'paid' | 'refused' | 'abandoned';

/** The signed text of a notification: the operation and when it was sent. */
export function sandboxSignature(secret: string, operationId: string, sentAt: string): string {
  return createHmac('sha256', secret).update(`${operationId}|${sentAt}`).digest('hex');
}

/**
 * The default provider: the portal plays the bank. Its page (/api/payments/sandbox/:paymentId)
 * offers pay, refuse and abandon; the choice is notified server to server, signed with HMAC-SHA256
 * (PAYMENT_SECRET), sometimes late and sometimes twice, as real providers do. It takes no money:
 * it is refused in production.
 */
@Injectable()
export class SandboxProvider extends PaymentProvider {
  readonly name = 'sandbox' as const;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    super();
  }

  async start(request: StartRequest): Promise<{ providerRef: string; redirectUrl: string }> {
    return {
      providerRef: `sbx-${randomUUID()}`,
      redirectUrl: `${this.config.publicUrl}/api/payments/sandbox/${request.paymentId}`,
    };
  }

  sign(operationId: string, sentAt: string): string {
    return sandboxSignature(this.config.payment.secret, operationId, sentAt);
  }

  readNotification(
    body: Record<string, unknown>,
    headers: Record<string, string | string[] | undefined>,
  ): string | null {
    const operationId = body['operationId'];
    const sentAt = body['sentAt'];
    const signature = headers[SANDBOX_SIGNATURE_HEADER];
    if (typeof operationId !== 'string' || typeof sentAt !== 'string' || typeof signature !== 'string')
      return null;
    const expected = Buffer.from(this.sign(operationId, sentAt), 'hex');
    const given = Buffer.from(signature, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected) ? operationId : null;
  }

  async status(providerRef: string): Promise<ProviderStatus> {
    const rows: { amount_cents: number; bank: SandboxOutcome | null }[] = await this.dataSource.query(
      `SELECT amount_cents, provider_details->>'bank' AS bank FROM payments WHERE provider = 'sandbox' AND provider_ref = $1`,
      [providerRef],
    );
    if (rows.length === 0)
      return { state: PaymentState.Expired, amountCents: null, details: { bank: 'unknown' } };
    const outcome = rows[0].bank;
    const state =
      outcome === 'paid'
        ? PaymentState.Paid
        : outcome === 'refused'
          ? PaymentState.Refused
          : outcome === 'abandoned'
            ? PaymentState.Abandoned
            : PaymentState.Pending;
    return { state, amountCents: rows[0].amount_cents, details: { bank: outcome } };
  }
}

import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  CASH_LIMIT_CENTS,
  CounterPaymentMethod,
  CounterPaymentView,
  IN_FLIGHT_PAYMENT_STATES,
  InvoiceStatus,
  PAYMENT_STATE_LABELS,
  PaymentProviderName,
  PaymentState,
  PaymentView,
  RecordCounterPaymentRequest,
  StartPaymentResponse,
} from '@foyer/shared/contracts';
import {
  APP_CONFIG,
  AuditService,
  Clock,
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
} from '@foyer/api/core';
import type { AppConfig, AuthenticatedUser } from '@foyer/api/core';
import { InvoicesService } from '@foyer/api/billing';
import { JobQueue } from '@foyer/api/jobs';
import { PaymentEntity, PaymentNotificationEntity } from './entities';
import { PaymentProvider, ProviderStatus } from './providers/payment-provider';
import { PayfipProvider } from './providers/payfip.provider';
import { SANDBOX_SIGNATURE_HEADER, SandboxOutcome, SandboxProvider } from './providers/sandbox.provider';

export const SANDBOX_NOTIFY_QUEUE = 'payments.sandbox-notify';
export const RECONCILE_QUEUE = 'payments.reconcile';
/** An online payment left without outcome is asked about after this, and expired after PAYMENT_TTL. */
export const RECONCILE_AFTER_MS = 2 * 60_000;
export const PAYMENT_TTL_MS = 20 * 60_000;

const FINAL_STATES: readonly PaymentState[] = [
  PaymentState.Paid,
  PaymentState.Refused,
  PaymentState.Abandoned,
  PaymentState.Expired,
];

interface SandboxNotifyJob {
  operationId: string;
  /** The bank's delay before it calls: notifications come late. */
  delayMs: number;
}

export function toPaymentView(p: PaymentEntity, invoiceNumber: string | null): PaymentView {
  return {
    id: p.id,
    invoiceId: p.invoiceId,
    invoiceNumber,
    provider: p.provider,
    state: p.state,
    stateLabel: PAYMENT_STATE_LABELS[p.state],
    amountCents: p.amountCents,
    createdAt: p.createdAt.toISOString(),
    settledAt: p.settledAt?.toISOString() ?? null,
  };
}

/**
 * Payments of invoices: online through the configured provider (one in flight per invoice, held by a
 * partial unique index), confirmed only by asking the provider after its notification (a duplicate
 * changes nothing; a forged or unknown one is refused and logged), reconciled when left pending; and
 * counter payments recorded by agents.
 */
@Injectable()
export class PaymentsService implements OnModuleInit {
  private readonly logger = new Logger(PaymentsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly invoices: InvoicesService,
    private readonly sandbox: SandboxProvider,
    private readonly payfip: PayfipProvider,
    private readonly jobs: JobQueue,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.jobs.register<SandboxNotifyJob>({
      name: SANDBOX_NOTIFY_QUEUE,
      retryLimit: 5,
      retryDelaySeconds: 5,
      retryBackoff: true,
      handler: (data) => this.deliverSandboxNotification(data),
    });
    this.jobs.register({
      name: RECONCILE_QUEUE,
      retryLimit: 3,
      retryDelaySeconds: 300,
      retryBackoff: true,
      dailyAtHour: 5,
      handler: async () => {
        await this.reconcile();
      },
    });
  }

  private providerNamed(name: string): PaymentProvider | null {
    if (name === 'sandbox') return this.config.payment.sandboxEnabled ? this.sandbox : null;
    if (name === 'payfip') return this.payfip;
    return null;
  }

  get active(): PaymentProvider | null {
    return this.providerNamed(this.config.payment.provider);
  }

  // --- Starting an online payment -----------------------------------------------------------------

  async start(
    invoiceId: string,
    householdId: string | null,
    user: AuthenticatedUser,
  ): Promise<StartPaymentResponse> {
    if (!householdId) throw new NotFoundError('Cette facture est introuvable.');
    const provider = this.active;
    if (!provider) throw new ConflictError("Le paiement en ligne n'est pas disponible pour le moment.");
    const now = this.clock.now();
    const created = await this.dataSource.transaction(async (m) => {
      const { invoice, summary } = await this.invoices.lockForPayment(m, invoiceId, householdId);
      if (summary.status === InvoiceStatus.PaymentPending) {
        throw new ConflictError('Un paiement de cette facture est déjà en cours de confirmation.');
      }
      if (summary.balanceDueCents === 0) throw new ConflictError('Cette facture est déjà réglée.');
      if (summary.status === InvoiceStatus.DirectDebit) {
        throw new ConflictError(
          'Cette facture sera prélevée sur votre compte : elle ne se paie pas en ligne.',
        );
      }
      if (summary.balanceDueCents < 100) {
        throw new ConflictError(
          'Le paiement en ligne demande au moins 1,00 € : réglez ce montant au guichet.',
        );
      }
      const email: { email: string }[] = await m.query(`SELECT email FROM users WHERE id = $1`, [user.id]);
      const payment = await m.getRepository(PaymentEntity).save(
        m.getRepository(PaymentEntity).create({
          invoiceId,
          householdId,
          provider: provider.name as PaymentProviderName,
          state: PaymentState.Created,
          amountCents: summary.balanceDueCents,
          expiresAt: new Date(now.getTime() + PAYMENT_TTL_MS),
        }),
      );
      await this.audit.record(
        { actor: user, action: 'payment.start', entity: 'payment', entityId: payment.id, householdId },
        m,
      );
      return { payment, invoice, email: email[0]?.email ?? '' };
    });
    try {
      const opened = await provider.start({
        paymentId: created.payment.id,
        invoiceNumber: created.invoice.number,
        amountCents: created.payment.amountCents,
        email: created.email,
        year: created.invoice.year,
        notificationUrl: `${this.config.publicUrl}/api/payments/notifications/${provider.name}`,
        returnUrl: `${this.config.publicUrl}/factures/${invoiceId}?paiement=${created.payment.id}`,
      });
      await this.dataSource.query(`UPDATE payments SET provider_ref = $2, updated_at = now() WHERE id = $1`, [
        created.payment.id,
        opened.providerRef,
      ]);
      return { paymentId: created.payment.id, redirectUrl: opened.redirectUrl };
    } catch (error) {
      // The provider did not open the operation: the invoice is free again.
      this.logger.warn(`payment ${created.payment.id}: the provider refused to open it: ${String(error)}`);
      await this.dataSource.query(`UPDATE payments SET state = 'expired', updated_at = now() WHERE id = $1`, [
        created.payment.id,
      ]);
      throw new ConflictError('Le service de paiement ne répond pas : réessayez dans quelques minutes.');
    }
  }

  async view(paymentId: string, householdId: string | null): Promise<PaymentView> {
    let payment = await this.dataSource.getRepository(PaymentEntity).findOneBy({ id: paymentId });
    if (!payment || (householdId !== null && payment.householdId !== householdId)) {
      throw new NotFoundError('Ce paiement est introuvable.');
    }
    // A resident waiting on the page: ask the provider if its notification is late.
    if (!FINAL_STATES.includes(payment.state) && payment.providerRef && this.dueForReconcile(payment)) {
      await this.confirm(payment.id).catch((e) => this.logger.warn(`reconcile ${payment?.id}: ${String(e)}`));
      payment = (await this.dataSource
        .getRepository(PaymentEntity)
        .findOneBy({ id: paymentId })) as PaymentEntity;
    }
    const number: { number: string }[] = payment.invoiceId
      ? await this.dataSource.query(`SELECT number FROM invoices WHERE id = $1`, [payment.invoiceId])
      : [];
    return toPaymentView(payment, number[0]?.number ?? null);
  }

  /** Opened (by the application clock) long enough ago that a silent provider should be asked. */
  private dueForReconcile(payment: PaymentEntity, now = this.clock.now()): boolean {
    if (!payment.expiresAt) return true;
    const openedAt = payment.expiresAt.getTime() - PAYMENT_TTL_MS;
    return now.getTime() - openedAt > RECONCILE_AFTER_MS;
  }

  // --- Notifications --------------------------------------------------------------------------------

  /**
   * A provider's server-to-server notification. Its content is never trusted beyond naming the
   * operation: the outcome is asked from the provider. Refusals are logged (not stored: a forger
   * must not be able to fill a table).
   */
  async handleNotification(
    providerName: string,
    body: Record<string, unknown>,
    headers: Record<string, string | string[] | undefined>,
  ): Promise<{ received: true; state: PaymentState }> {
    const provider = this.providerNamed(providerName);
    if (!provider) {
      this.logger.warn(`notification refused: unknown or disabled provider ${providerName}`);
      throw new NotFoundError('Ce service de paiement est inconnu.');
    }
    const operationId = provider.readNotification(body, headers);
    if (!operationId) {
      this.logger.warn(`notification refused (${providerName}): bad signature or no operation`);
      throw new ForbiddenError('Notification refusée : signature invalide.');
    }
    const payment = await this.dataSource
      .getRepository(PaymentEntity)
      .findOneBy({ provider: provider.name as PaymentProviderName, providerRef: operationId });
    if (!payment) {
      this.logger.warn(`notification refused (${providerName}): unknown operation ${operationId}`);
      throw new NotFoundError('Ce paiement est introuvable.');
    }
    const state = await this.confirm(payment.id, body);
    return { received: true, state };
  }

  /** Asks the provider about a payment and records the outcome once. */
  async confirm(paymentId: string, notification?: Record<string, unknown>): Promise<PaymentState> {
    const first = await this.dataSource.getRepository(PaymentEntity).findOneBy({ id: paymentId });
    if (!first?.providerRef) throw new NotFoundError('Ce paiement est introuvable.');
    const provider = this.providerNamed(first.provider);
    if (!provider) throw new NotFoundError('Ce service de paiement est inconnu.');
    const status = await provider.status(first.providerRef);
    return this.settle(paymentId, status, notification);
  }

  private async settle(
    paymentId: string,
    status: ProviderStatus,
    notification?: Record<string, unknown>,
  ): Promise<PaymentState> {
    return this.dataSource.transaction(async (m) => {
      const payment = await m
        .getRepository(PaymentEntity)
        .createQueryBuilder('p')
        .setLock('pessimistic_write')
        .where('p.id = :paymentId', { paymentId })
        .getOneOrFail();
      const now = this.clock.now();
      const log = async (outcome: string) => {
        if (notification) {
          await m.getRepository(PaymentNotificationEntity).insert({
            provider: payment.provider,
            paymentId,
            receivedAt: now,
            outcome,
            payload: notification as never,
          });
        }
      };
      if (FINAL_STATES.includes(payment.state)) {
        await log('duplicate');
        return payment.state;
      }
      let next = status.state;
      if (next === PaymentState.Pending) {
        // No outcome yet. Notified, the bank has seen the payment: pending. Asked on our own (a
        // reconciliation), it stays as it was; long after the operation's life, nothing will come.
        if (!notification) next = payment.state;
        if (payment.expiresAt && now.getTime() > payment.expiresAt.getTime() + PAYMENT_TTL_MS) {
          next = PaymentState.Expired;
        }
      }
      if (next === payment.state && !FINAL_STATES.includes(next)) {
        await log('no-outcome-yet');
        return next;
      }
      if (
        next === PaymentState.Paid &&
        status.amountCents !== null &&
        status.amountCents !== payment.amountCents
      ) {
        this.logger.warn(
          `payment ${paymentId}: provider says ${status.amountCents} cents, expected ${payment.amountCents}`,
        );
        payment.amountCents = status.amountCents;
      }
      payment.state = next;
      payment.providerDetails = { ...(payment.providerDetails ?? {}), ...status.details };
      if (next === PaymentState.Paid) payment.settledAt = now;
      await m.getRepository(PaymentEntity).save(payment);
      await log('accepted');
      if (FINAL_STATES.includes(next)) {
        await this.audit.record(
          {
            actor: null,
            action: `payment.${next}`,
            entity: 'payment',
            entityId: paymentId,
            householdId: payment.householdId,
            details: { amountCents: payment.amountCents },
          },
          m,
        );
      }
      return next;
    });
  }

  /** Payments left without outcome: ask their provider; those it forgot, or never opened, expire. */
  async reconcile(): Promise<number> {
    const now = this.clock.now();
    const stale = await this.dataSource.getRepository(PaymentEntity).find({
      where: {
        state: In([...IN_FLIGHT_PAYMENT_STATES]),
        provider: In([PaymentProviderName.Sandbox, PaymentProviderName.Payfip]),
      },
    });
    let settled = 0;
    for (const payment of stale) {
      if (!this.dueForReconcile(payment, now)) continue;
      try {
        if (!payment.providerRef) {
          await this.settle(payment.id, {
            state: PaymentState.Expired,
            amountCents: null,
            details: { reconcile: 'never opened' },
          });
        } else {
          await this.confirm(payment.id);
        }
        settled++;
      } catch (error) {
        this.logger.warn(`reconcile ${payment.id}: ${String(error)}`);
      }
    }
    return settled;
  }

  // --- The sandbox bank -----------------------------------------------------------------------------

  async sandboxPayment(paymentId: string): Promise<{ payment: PaymentEntity; invoiceNumber: string }> {
    if (!this.config.payment.sandboxEnabled) throw new NotFoundError('Ce paiement est introuvable.');
    const payment = await this.dataSource
      .getRepository(PaymentEntity)
      .findOneBy({ id: paymentId, provider: PaymentProviderName.Sandbox });
    if (!payment) throw new NotFoundError('Ce paiement est introuvable.');
    const rows: { number: string }[] = await this.dataSource.query(
      `SELECT number FROM invoices WHERE id = $1`,
      [payment.invoiceId],
    );
    return { payment, invoiceNumber: rows[0]?.number ?? '' };
  }

  /**
   * The resident's choice on the sandbox page. The bank books it, the payment awaits confirmation,
   * and the bank's notification is queued: late (a random delay), and one time in four twice.
   */
  async sandboxDecide(paymentId: string, outcome: SandboxOutcome): Promise<string> {
    const { payment } = await this.sandboxPayment(paymentId);
    if (payment.state !== PaymentState.Created || !payment.providerRef) {
      throw new ConflictError('Ce paiement est déjà traité.');
    }
    await this.dataSource.transaction(async (m: EntityManager) => {
      const updated: unknown[] = await m.query(
        `UPDATE payments SET state = 'pending', updated_at = now(),
                provider_details = COALESCE(provider_details, '{}'::jsonb) || jsonb_build_object('bank', $2::text)
          WHERE id = $1 AND state = 'created' RETURNING id`,
        [paymentId, outcome],
      );
      if (updated.length === 0) throw new ConflictError('Ce paiement est déjà traité.');
      const copies = Math.random() < 0.25 ? 2 : 1;
      for (let i = 0; i < copies; i++) {
        await this.jobs.send<SandboxNotifyJob>(
          SANDBOX_NOTIFY_QUEUE,
          { operationId: payment.providerRef as string, delayMs: Math.floor(Math.random() * 1500) + i * 500 },
          { manager: m },
        );
      }
    });
    return `${this.config.publicUrl}/factures/${payment.invoiceId}?paiement=${paymentId}`;
  }

  /** The bank calls back: signed, as the real flow would be, and through the same checks. */
  async deliverSandboxNotification(job: SandboxNotifyJob): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, job.delayMs));
    const sentAt = new Date().toISOString();
    const body = { operationId: job.operationId, sentAt };
    await this.handleNotification('sandbox', body, {
      [SANDBOX_SIGNATURE_HEADER]: this.sandbox.sign(job.operationId, sentAt),
    });
  }

  // --- Counter payments -----------------------------------------------------------------------------

  async recordCounter(
    dto: RecordCounterPaymentRequest,
    agent: AuthenticatedUser,
  ): Promise<CounterPaymentView> {
    if (dto.method === CounterPaymentMethod.Cash && dto.amountCents > CASH_LIMIT_CENTS) {
      throw new InvalidInputError('Un paiement en espèces est limité à 300 € par facture.', 'amountCents');
    }
    return this.dataSource.transaction(async (m) => {
      const { invoice, summary } = await this.invoices.lockForPayment(m, dto.invoiceId, null);
      if (summary.status === InvoiceStatus.Cancelled) {
        throw new ConflictError('Cette facture est annulée par avoir : elle ne se paie plus.');
      }
      if (dto.method === CounterPaymentMethod.Cash) {
        const cash: { total: string }[] = await m.query(
          `SELECT COALESCE(sum(amount_cents), 0) AS total FROM payments
            WHERE invoice_id = $1 AND method = 'cash' AND state = 'paid'`,
          [dto.invoiceId],
        );
        if (Number(cash[0].total) + dto.amountCents > CASH_LIMIT_CENTS) {
          throw new InvalidInputError(
            'Les paiements en espèces d’une même facture sont limités à 300 € au total.',
            'amountCents',
          );
        }
      }
      const duplicate = await m.getRepository(PaymentEntity).findOneBy({ receiptNumber: dto.receiptNumber });
      if (duplicate) throw new ConflictError('Ce numéro de quittance est déjà utilisé.');
      const now = this.clock.now();
      const payment = await m.getRepository(PaymentEntity).save(
        m.getRepository(PaymentEntity).create({
          invoiceId: invoice.id,
          householdId: invoice.householdId,
          provider: PaymentProviderName.Counter,
          state: PaymentState.Paid,
          amountCents: dto.amountCents,
          method: dto.method,
          receiptNumber: dto.receiptNumber,
          reference: dto.reference ?? null,
          recordedBy: agent.id,
          settledAt: now,
        }),
      );
      await this.audit.record(
        {
          actor: agent,
          action: 'payment.counter',
          entity: 'payment',
          entityId: payment.id,
          householdId: invoice.householdId,
          details: { method: dto.method, amountCents: dto.amountCents, receiptNumber: dto.receiptNumber },
        },
        m,
      );
      return {
        ...toPaymentView(payment, invoice.number),
        method: dto.method,
        receiptNumber: dto.receiptNumber,
        reference: dto.reference ?? null,
        recordedBy: agent.id,
      };
    });
  }
}

import { Body, Controller, Get, Header, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  CounterPaymentView,
  PaymentRoutes,
  PaymentView,
  Permission,
  StartPaymentResponse,
} from '@foyer/shared/contracts';
import { formatEuros } from '@foyer/shared/domain';
import { Auth, CurrentUser, NotFoundError, ParseIdPipe, Public } from '@foyer/api/core';
import type { AuthenticatedUser } from '@foyer/api/core';
import { InvoicesService } from '@foyer/api/billing';
import { PaymentNotificationDto, RecordCounterPaymentDto, SandboxDecisionDto } from './dto/payments.dto';
import { PaymentsService } from './payments.service';

const uuid = new ParseIdPipe();

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Online payments (start, follow), the providers' notifications, the sandbox bank's page, counter payments. */
@ApiTags('payments')
@Controller()
export class PaymentsController {
  constructor(
    private readonly payments: PaymentsService,
    private readonly invoices: InvoicesService,
  ) {}

  @Auth({ permission: Permission.HouseholdOwn })
  @Post('invoices/:invoiceId/payments')
  async start(
    @CurrentUser() user: AuthenticatedUser,
    @Param('invoiceId', uuid) invoiceId: string,
  ): Promise<StartPaymentResponse> {
    return this.payments.start(invoiceId, await this.invoices.householdOf(user), user);
  }

  @Auth({ permission: Permission.HouseholdOwn })
  @Get(`${PaymentRoutes.payments}/:paymentId`)
  async get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('paymentId', uuid) paymentId: string,
  ): Promise<PaymentView> {
    const householdId = await this.invoices.householdOf(user);
    if (!householdId) throw new NotFoundError('Ce paiement est introuvable.');
    return this.payments.view(paymentId, householdId);
  }

  /** Server to server: verified by its signature (sandbox) or by asking the provider (PayFiP). */
  @Public()
  @Post(`${PaymentRoutes.notifications}/:provider`)
  @HttpCode(200)
  notification(
    @Param('provider') provider: string,
    @Body() body: PaymentNotificationDto,
    @Headers() headers: Record<string, string | string[] | undefined>,
  ): Promise<{ received: true; state: string }> {
    return this.payments.handleNotification(provider, { ...body }, headers);
  }

  /** The sandbox bank's page: server-rendered, accessible, no script. */
  @Public()
  @Get(`${PaymentRoutes.sandbox}/:paymentId`)
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  async sandboxPage(@Param('paymentId', uuid) paymentId: string): Promise<string> {
    const { payment, invoiceNumber } = await this.payments.sandboxPayment(paymentId);
    const amount = escapeHtml(formatEuros(payment.amountCents));
    const open = payment.state === 'created';
    const button = (action: string, label: string) =>
      `<button type="submit" name="action" value="${action}">${label}</button>`;
    return `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Banque d’essai : paiement de la facture ${escapeHtml(invoiceNumber)}</title>
<style>body{font-family:Arial,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;color:#1e1e1e;line-height:1.5}
button{font-size:1rem;padding:.6rem 1rem;margin:.3rem .3rem .3rem 0;border:2px solid #000091;background:#fff;color:#000091;cursor:pointer}
button[value=paid]{background:#000091;color:#fff}button:focus{outline:3px solid #0a76f6;outline-offset:2px}</style></head>
<body><main>
<h1>Banque d’essai</h1>
<p>Cette page joue le rôle de la banque : aucun argent n’est débité.</p>
<p>Facture <strong>${escapeHtml(invoiceNumber)}</strong> : <strong>${amount}</strong> à payer.</p>
${
  open
    ? `<form method="post" action="/api/${PaymentRoutes.sandbox}/${payment.id}">
<fieldset><legend>Que fait la banque ?</legend>
${button('paid', 'Payer')}${button('refused', 'Refuser le paiement')}${button('abandoned', 'Abandonner')}
</fieldset></form>`
    : `<p role="status">Ce paiement est déjà traité.</p><p><a href="/factures/${payment.invoiceId}">Revenir à la facture</a></p>`
}
</main></body></html>`;
  }

  @Public()
  @Post(`${PaymentRoutes.sandbox}/:paymentId`)
  async sandboxDecide(
    @Param('paymentId', uuid) paymentId: string,
    @Body() dto: SandboxDecisionDto,
    @Res() res: Response,
  ): Promise<void> {
    const back = await this.payments.sandboxDecide(paymentId, dto.action);
    // Back to the portal on this origin (a form's redirect stays within form-action 'self').
    res.redirect(303, new URL(back).pathname + new URL(back).search);
  }

  @Auth({ permission: Permission.PaymentsRecord })
  @Post(PaymentRoutes.counter)
  recordCounter(
    @CurrentUser() user: AuthenticatedUser,
    @Body() dto: RecordCounterPaymentDto,
  ): Promise<CounterPaymentView> {
    return this.payments.recordCounter(dto, user);
  }
}

import { ChangeDetectionStrategy, Component, inject, input, OnInit, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { ErrorAlert, toFormError } from '@foyer/web/core';
import { BillingApi } from '../data-access/billing-api';

/**
 * /factures/paiements/:paymentId: where a payment page may send the resident back. It finds the invoice
 * the payment is for and shows it, saying what became of the payment.
 */
@Component({
  selector: 'foyer-payment-return-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, ErrorAlert],
  template: `
    <h1 i18n="@@billing.paymentReturn.title">Retour du paiement</h1>
    <foyer-error-alert [message]="error()" />
    @if (error()) {
      <p><a i18n="@@billing.paymentReturn.invoices" routerLink="/factures">Voir mes factures</a></p>
    } @else {
      <p i18n="@@billing.paymentReturn.checking" role="status">Vérification du paiement…</p>
    }
  `,
})
export class PaymentReturnPage implements OnInit {
  readonly paymentId = input.required<string>();
  private readonly api = inject(BillingApi);
  private readonly router = inject(Router);
  protected readonly error = signal<string | null>(null);

  ngOnInit(): void {
    void this.follow();
  }

  private async follow(): Promise<void> {
    try {
      const payment = await this.api.payment(this.paymentId());
      if (!payment.invoiceId) {
        this.error.set($localize`:@@billing.paymentReturn.noInvoice:Ce paiement ne concerne aucune facture.`);
        return;
      }
      await this.router.navigate(['/factures', payment.invoiceId], {
        queryParams: { paiement: payment.id },
        replaceUrl: true,
      });
    } catch (failure) {
      const error = toFormError(failure);
      this.error.set(
        error.status === 404
          ? $localize`:@@billing.paymentReturn.notFound:Ce paiement est introuvable.`
          : $localize`:@@billing.paymentReturn.failed:Le paiement n'a pas pu être vérifié. ${error.message}:ERROR:`,
      );
    }
  }
}

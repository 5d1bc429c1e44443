import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  input,
  OnInit,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { InvoiceStatus, type InvoiceView, PaymentState, type PaymentView } from '@foyer/shared/contracts';
import { formatInstant, formatMoney } from '../ui/locale-format';
import { DayFrPipe, ErrorAlert, EurosPipe, saveFile, StatusMessage, toFormError } from '@foyer/web/core';
import { BillingApi } from '../data-access/billing-api';
import { InvoiceLines } from '../ui/invoice-lines';
import {
  invoiceBadgeClass,
  invoiceStatusText,
  isPaymentSettling,
  paymentStateText,
  periodFr,
} from '../ui/labels';

/** How often, and how long, the page asks about a payment the bank has not confirmed yet. */
const POLL_MS = 2000;
const POLL_LIMIT = 45;

/**
 * /factures/:invoiceId: one invoice, its explained lines grouped by child and activity, the PDF, and
 * « Payer en ligne » (not offered under direct debit). Back from the payment page (?paiement=id), it says
 * what became of the payment, asking again while the bank's confirmation is awaited.
 */
@Component({
  selector: 'foyer-invoice-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, DayFrPipe, ErrorAlert, EurosPipe, InvoiceLines, StatusMessage],
  template: `
    <p>
      <a i18n="@@billing.account.back" routerLink="/factures"
        ><span aria-hidden="true">← </span>Mes factures</a
      >
    </p>
    <foyer-error-alert [message]="error()" />
    @if (invoice(); as inv) {
      <h1 i18n="@@billing.invoice.title">Facture {{ inv.number }}</h1>
      <p i18n="@@billing.invoice.lead" class="lead">Activités de {{ period(inv.period) }}.</p>

      <div role="status" aria-atomic="true" class="payment-news">
        @if (payment(); as p) {
          <div class="notice" [class]="paymentNoticeClass(p)">
            <p>
              <strong>{{ stateText(p.state) }}</strong> — {{ paymentLine(p) }}
            </p>
            <p>{{ paymentAdvice(p) }}</p>
          </div>
        }
      </div>

      <section class="panel" aria-labelledby="summary-title">
        <h2 i18n="@@billing.invoice.summary" id="summary-title">En résumé</h2>
        <dl class="facts">
          <dt i18n="@@billing.invoice.status">État</dt>
          <dd>
            <span [class]="badge(inv)">{{ statusText(inv) }}</span>
          </dd>
          <dt i18n="@@billing.invoice.issueDate">Émise le</dt>
          <dd>{{ inv.issueDate | dayFr }}</dd>
          <dt i18n="@@billing.invoice.dueDate">À payer avant le</dt>
          <dd>{{ inv.dueDate | dayFr }}</dd>
          <dt i18n="@@billing.invoice.total">Montant de la facture</dt>
          <dd>{{ inv.totalCents | euros }}</dd>
          @if (inv.creditAppliedCents > 0) {
            <dt i18n="@@billing.invoice.creditApplied">Avoir déjà déduit</dt>
            <dd>{{ inv.creditAppliedCents | euros }}</dd>
          }
          @if (inv.creditNotesCents > 0) {
            <dt i18n="@@billing.invoice.creditNotesTotal">Avoirs sur cette facture</dt>
            <dd>{{ inv.creditNotesCents | euros }}</dd>
          }
          <dt i18n="@@billing.invoice.paid">Déjà payé</dt>
          <dd>{{ inv.paidCents | euros }}</dd>
          <dt i18n="@@billing.invoice.due">Reste à payer</dt>
          <dd>
            <strong>{{ inv.balanceDueCents | euros }}</strong>
          </dd>
        </dl>

        <foyer-error-alert [message]="actionError()" />
        <foyer-status-message [message]="actionStatus()" />
        <div class="actions">
          @if (inv.onlinePaymentAllowed) {
            <button
              i18n="@@billing.invoice.pay"
              mat-flat-button
              type="button"
              [disabled]="paying()"
              (click)="pay(inv)"
            >
              Payer en ligne {{ inv.balanceDueCents | euros }}
            </button>
          }
          <button
            i18n="@@billing.invoice.downloadPdf"
            mat-stroked-button
            type="button"
            [disabled]="downloading()"
            (click)="downloadPdf(inv)"
          >
            Télécharger la facture (PDF)
          </button>
          @if (inv.status === paidStatus) {
            <button
              i18n="@@billing.invoice.downloadCertificate"
              mat-stroked-button
              type="button"
              [disabled]="downloading()"
              (click)="downloadCertificate(inv)"
            >
              Attestation de paiement (PDF)
            </button>
          }
        </div>
        @if (directDebit()) {
          @if (inv.directDebitDate) {
            <p i18n="@@billing.invoice.directDebitOn">
              Cette facture est réglée par prélèvement automatique le {{ inv.directDebitDate | dayFr }} : vous
              n'avez rien à faire, et elle ne se paie pas en ligne.
            </p>
          } @else {
            <p i18n="@@billing.invoice.directDebit">
              Cette facture est réglée par prélèvement automatique : vous n'avez rien à faire, et elle ne se
              paie pas en ligne.
            </p>
          }
        } @else if (inv.status === pendingStatus) {
          <p i18n="@@billing.invoice.pending">
            Un paiement en ligne attend la confirmation de la banque : un second paiement n'est pas possible
            en attendant.
          </p>
        }
      </section>

      <section class="panel" aria-labelledby="lines-title">
        <h2 i18n="@@billing.invoice.linesTitle" id="lines-title">Le détail de votre facture</h2>
        <p i18n="@@billing.invoice.linesLead" class="muted">
          Chaque ligne dit comment elle est calculée : le tarif appliqué, votre quotient familial, les
          majorations et les absences.
        </p>
        <foyer-invoice-lines [lines]="inv.lines" />
      </section>

      @if (inv.creditNotes.length > 0) {
        <section class="panel" aria-labelledby="credits-title">
          <h2 i18n="@@billing.invoice.creditsTitle" id="credits-title">Avoirs</h2>
          <ul>
            @for (note of inv.creditNotes; track note.id) {
              <li i18n="@@billing.invoice.creditNote">
                Avoir {{ note.number }} du {{ note.issuedAt | dayFr }} : {{ note.amountCents | euros }} —
                {{ note.reason }}
              </li>
            }
          </ul>
        </section>
      }
    } @else if (!error()) {
      <h1 i18n="@@billing.invoice.titleLoading">Facture</h1>
      <p i18n="@@billing.invoice.loading" role="status">Chargement de la facture…</p>
    }
  `,
  styles: `
    .payment-news .notice {
      margin-bottom: 1rem;
    }
    .notice p + p {
      margin-top: 0.25rem;
    }
  `,
})
export class InvoicePage implements OnInit {
  readonly invoiceId = input.required<string>();
  /** ?paiement=… : the payment the resident comes back from. */
  readonly paiement = input<string | undefined>();
  /** The same, under the name a payment provider's return URL may use. */
  readonly paymentId = input<string | undefined>();

  private readonly api = inject(BillingApi);
  private readonly document = inject(DOCUMENT);

  protected readonly invoice = signal<InvoiceView | null>(null);
  protected readonly payment = signal<PaymentView | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly actionError = signal<string | null>(null);
  protected readonly actionStatus = signal<string | null>(null);
  protected readonly paying = signal(false);
  protected readonly downloading = signal(false);
  protected readonly pendingStatus = InvoiceStatus.PaymentPending;
  protected readonly paidStatus = InvoiceStatus.Paid;
  protected readonly directDebit = computed(() => this.invoice()?.status === InvoiceStatus.DirectDebit);

  protected readonly period = periodFr;
  protected readonly stateText = paymentStateText;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private polls = 0;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.stopPolling());
  }

  ngOnInit(): void {
    void this.load();
  }

  protected statusText(invoice: InvoiceView): string {
    return invoiceStatusText(invoice);
  }

  protected badge(invoice: InvoiceView): string {
    return invoiceBadgeClass(invoice.status);
  }

  protected paymentNoticeClass(payment: PaymentView): string {
    if (payment.state === PaymentState.Paid) return 'notice notice-success';
    if (isPaymentSettling(payment.state)) return 'notice notice-warning';
    return 'notice notice-error';
  }

  /** « paiement de 45,20 € le 14/01/2027 à 09:30. » */
  protected paymentLine(payment: PaymentView): string {
    return payment.settledAt
      ? $localize`:@@billing.invoice.paymentLineOn:paiement de ${formatMoney(payment.amountCents)}:AMOUNT: le ${formatInstant(payment.settledAt)}:WHEN:.`
      : $localize`:@@billing.invoice.paymentLine:paiement de ${formatMoney(payment.amountCents)}:AMOUNT:.`;
  }

  protected paymentAdvice(payment: PaymentView): string {
    switch (payment.state) {
      case PaymentState.Paid:
        return $localize`:@@billing.invoice.advicePaid:Merci : votre paiement est enregistré. La facture est payée.`;
      case PaymentState.Created:
      case PaymentState.Pending:
        return this.polls >= POLL_LIMIT
          ? $localize`:@@billing.invoice.adviceLater:La banque n’a pas encore confirmé. Revenez sur cette page plus tard : le paiement sera vérifié automatiquement.`
          : $localize`:@@billing.invoice.adviceSoon:La banque confirme votre paiement : cette page se met à jour seule dans quelques secondes.`;
      case PaymentState.Refused:
        return $localize`:@@billing.invoice.adviceRefused:Votre banque a refusé le paiement. Aucune somme n’a été prélevée ; vous pouvez réessayer.`;
      case PaymentState.Abandoned:
        return $localize`:@@billing.invoice.adviceAbandoned:Le paiement a été abandonné. Aucune somme n’a été prélevée ; vous pouvez réessayer.`;
      case PaymentState.Expired:
        return $localize`:@@billing.invoice.adviceExpired:Le délai du paiement est dépassé. Aucune somme n’a été prélevée ; vous pouvez réessayer.`;
      default:
        return '';
    }
  }

  private async load(): Promise<void> {
    try {
      const invoice = await this.api.invoice(this.invoiceId());
      this.invoice.set(invoice);
      const paymentId = this.paiement() ?? this.paymentId() ?? invoice.pendingPaymentId;
      if (paymentId) await this.checkPayment(paymentId);
    } catch (failure) {
      const error = toFormError(failure);
      this.error.set(
        error.status === 404
          ? $localize`:@@billing.invoice.notFound:Cette facture est introuvable.`
          : $localize`:@@billing.invoice.loadFailed:La facture n'a pas pu être chargée. ${error.message}:ERROR:`,
      );
    }
  }

  /** Reads the payment; while the bank has not answered, asks again every two seconds for a while. */
  private async checkPayment(paymentId: string): Promise<void> {
    this.stopPolling();
    try {
      const payment = await this.api.payment(paymentId);
      this.payment.set(payment);
      if (isPaymentSettling(payment.state) && this.polls < POLL_LIMIT) {
        this.polls++;
        this.timer = setTimeout(() => void this.checkPayment(paymentId), POLL_MS);
      } else {
        // Settled: the invoice's state and amounts follow the payment.
        this.invoice.set(await this.api.invoice(this.invoiceId()));
      }
    } catch (failure) {
      this.actionError.set(
        $localize`:@@billing.invoice.paymentReadFailed:L'état du paiement n'a pas pu être lu. ${toFormError(failure).message}:ERROR:`,
      );
    }
  }

  private stopPolling(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  protected async pay(invoice: InvoiceView): Promise<void> {
    if (this.paying()) return;
    this.paying.set(true);
    this.actionError.set(null);
    this.actionStatus.set(null);
    try {
      const { redirectUrl } = await this.api.startPayment(invoice.id);
      this.actionStatus.set($localize`:@@billing.invoice.redirecting:Redirection vers la page de paiement…`);
      this.document.defaultView?.location.assign(redirectUrl);
    } catch (failure) {
      const error = toFormError(failure);
      this.paying.set(false);
      this.actionError.set(
        error.status === 409
          ? $localize`:@@billing.invoice.refresh:${error.message}:ERROR: Actualisez la page pour voir l'état de la facture.`
          : $localize`:@@billing.invoice.payFailed:Le paiement n'a pas pu commencer. ${error.message}:ERROR:`,
      );
    }
  }

  protected downloadPdf(invoice: InvoiceView): Promise<void> {
    return this.download(
      () => this.api.invoicePdf(invoice.id),
      `facture-${invoice.number}.pdf`,
      $localize`:@@billing.invoice.downloaded:Facture ${invoice.number}:NUMBER: téléchargée.`,
    );
  }

  protected downloadCertificate(invoice: InvoiceView): Promise<void> {
    return this.download(
      () => this.api.paymentCertificate(invoice.id),
      `attestation-paiement-${invoice.number}.pdf`,
      $localize`:@@billing.invoice.certificateDownloaded:Attestation de paiement de la facture ${invoice.number}:NUMBER: téléchargée.`,
    );
  }

  private async download(fetch: () => Promise<Blob>, fileName: string, done: string): Promise<void> {
    this.downloading.set(true);
    this.actionError.set(null);
    this.actionStatus.set(null);
    try {
      saveFile(this.document, await fetch(), fileName);
      this.actionStatus.set(done);
    } catch (failure) {
      this.actionError.set(
        $localize`:@@billing.invoice.pdfFailed:Le PDF n'a pas pu être téléchargé. ${toFormError(failure).message}:ERROR:`,
      );
    } finally {
      this.downloading.set(false);
    }
  }
}

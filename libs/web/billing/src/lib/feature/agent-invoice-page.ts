import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input, OnInit, signal } from '@angular/core';
import {
  type AbstractControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import type { InvoiceView } from '@foyer/shared/contracts';
import { parseEuros } from '@foyer/shared/domain';
import { formatMoney } from '../ui/locale-format';
import {
  DayFrPipe,
  ErrorAlert,
  EurosPipe,
  fieldErrorMessage,
  formState,
  saveFile,
  StatusMessage,
  submitForm,
  toFormError,
} from '@foyer/web/core';
import { BillingAdminApi } from '../data-access/billing-api';
import { InvoiceLines } from '../ui/invoice-lines';
import { invoiceBadgeClass, invoiceStatusText, periodFr } from '../ui/labels';

function amountValidator(control: AbstractControl<string>): ValidationErrors | null {
  if (!control.value?.trim()) return null;
  const cents = parseEuros(control.value);
  return cents === null || cents <= 0 ? { amount: true } : null;
}

/**
 * /agent/facturation/factures/:invoiceId: any household's invoice as an agent reads it, its PDF, and a
 * credit note (avoir) to correct it: an issued invoice never changes.
 */
@Component({
  selector: 'foyer-agent-invoice-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    DayFrPipe,
    ErrorAlert,
    EurosPipe,
    InvoiceLines,
    StatusMessage,
  ],
  template: `
    <p>
      <a i18n="@@billing.agentInvoice.back" routerLink="/agent/facturation/relances"
        ><span aria-hidden="true">← </span>Relances</a
      >
    </p>
    <foyer-error-alert [message]="loadError()" />
    @if (invoice(); as inv) {
      <h1 i18n="@@billing.invoice.title">Facture {{ inv.number }}</h1>
      <p i18n="@@billing.agentInvoice.lead" class="lead">
        Activités de {{ period(inv.period) }} —
        <a [routerLink]="['/agent/familles', inv.householdId]">dossier de la famille</a>
      </p>
      <section class="panel" aria-labelledby="agent-summary-title">
        <h2 i18n="@@billing.invoice.summary" id="agent-summary-title">En résumé</h2>
        <dl class="facts">
          <dt i18n="@@billing.agentInvoice.status">État</dt>
          <dd>
            <span [class]="badge(inv)">{{ statusText(inv) }}</span>
          </dd>
          <dt i18n="@@billing.agentInvoice.issueDate">Émise le</dt>
          <dd>{{ inv.issueDate | dayFr }}</dd>
          <dt i18n="@@billing.agentInvoice.dueDate">Échéance</dt>
          <dd>{{ inv.dueDate | dayFr }}</dd>
          <dt i18n="@@billing.agentInvoice.total">Montant</dt>
          <dd>{{ inv.totalCents | euros }}</dd>
          <dt i18n="@@billing.agentInvoice.creditNotes">Avoirs</dt>
          <dd>{{ inv.creditNotesCents | euros }}</dd>
          <dt i18n="@@billing.agentInvoice.paid">Payé</dt>
          <dd>{{ inv.paidCents | euros }}</dd>
          <dt i18n="@@billing.agentInvoice.due">Reste à payer</dt>
          <dd>
            <strong>{{ inv.balanceDueCents | euros }}</strong>
          </dd>
        </dl>
        <foyer-error-alert [message]="pdfError()" />
        <div class="actions">
          <button
            i18n="@@billing.agentInvoice.downloadPdf"
            mat-stroked-button
            type="button"
            (click)="downloadPdf(inv)"
          >
            Télécharger le PDF
          </button>
        </div>
      </section>

      <section class="panel" aria-labelledby="credit-title">
        <h2 i18n="@@billing.agentInvoice.creditTitle" id="credit-title">Émettre un avoir</h2>
        <p i18n="@@billing.agentInvoice.creditLead">
          Une facture émise ne change plus : une erreur (un repas compté à tort, une absence justifiée après
          coup) se corrige par un avoir, que la famille voit avec sa facture.
        </p>
        @if (inv.creditNotes.length > 0) {
          <ul>
            @for (note of inv.creditNotes; track note.id) {
              <li i18n="@@billing.invoice.creditNote">
                Avoir {{ note.number }} du {{ note.issuedAt | dayFr }} : {{ note.amountCents | euros }} —
                {{ note.reason }}
              </li>
            }
          </ul>
        }
        <foyer-status-message [message]="credit.status()" />
        <foyer-error-alert [message]="credit.error()" />
        <form class="form-stack" [formGroup]="form" (ngSubmit)="createCreditNote(inv)" novalidate>
          <mat-form-field>
            <mat-label i18n="@@billing.agentInvoice.amount">Montant de l'avoir en euros</mat-label>
            <input matInput formControlName="amount" inputmode="decimal" required />
            <mat-hint i18n="@@billing.agentInvoice.amountHint"
              >Au plus le montant de la facture moins les avoirs déjà émis.</mat-hint
            >
            <mat-error>{{ errorOf(form.controls.amount, amountMessages) }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label i18n="@@billing.agentInvoice.reason">Motif</mat-label>
            <textarea matInput formControlName="reason" rows="3" required></textarea>
            <mat-hint i18n="@@billing.agentInvoice.reasonHint">La famille le lira.</mat-hint>
            <mat-error>{{ errorOf(form.controls.reason) }}</mat-error>
          </mat-form-field>
          <div class="actions">
            <button
              i18n="@@billing.agentInvoice.issue"
              mat-flat-button
              type="submit"
              [disabled]="credit.busy()"
            >
              Émettre l'avoir
            </button>
          </div>
        </form>
      </section>

      <section class="panel" aria-labelledby="agent-lines-title">
        <h2 i18n="@@billing.agentInvoice.lines" id="agent-lines-title">Lignes</h2>
        <foyer-invoice-lines [lines]="inv.lines" />
      </section>
    } @else if (!loadError()) {
      <h1 i18n="@@billing.invoice.titleLoading">Facture</h1>
      <p i18n="@@billing.invoice.loading" role="status">Chargement de la facture…</p>
    }
  `,
})
export class AgentInvoicePage implements OnInit {
  readonly invoiceId = input.required<string>();
  private readonly api = inject(BillingAdminApi);
  private readonly document = inject(DOCUMENT);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly invoice = signal<InvoiceView | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly pdfError = signal<string | null>(null);
  protected readonly credit = formState('form');
  protected readonly period = periodFr;
  protected readonly errorOf = fieldErrorMessage;
  protected readonly amountMessages = {
    amount: $localize`:@@billing.agentInvoice.amountInvalid:Saisissez un montant positif, par exemple 2,35.`,
  };
  protected readonly form = this.fb.group({
    amount: ['', [Validators.required, amountValidator]],
    reason: ['', [Validators.required, Validators.maxLength(500)]],
  });

  ngOnInit(): void {
    void this.load();
  }

  protected statusText(invoice: InvoiceView): string {
    return invoiceStatusText(invoice);
  }

  protected badge(invoice: InvoiceView): string {
    return invoiceBadgeClass(invoice.status);
  }

  private async load(): Promise<void> {
    try {
      this.invoice.set(await this.api.invoice(this.invoiceId()));
    } catch (failure) {
      const error = toFormError(failure);
      this.loadError.set(
        error.status === 404
          ? $localize`:@@billing.invoice.notFound:Cette facture est introuvable.`
          : $localize`:@@billing.invoice.loadFailed:La facture n'a pas pu être chargée. ${error.message}:ERROR:`,
      );
    }
  }

  protected async downloadPdf(invoice: InvoiceView): Promise<void> {
    this.pdfError.set(null);
    try {
      saveFile(this.document, await this.api.invoicePdf(invoice.id), `facture-${invoice.number}.pdf`);
    } catch (failure) {
      this.pdfError.set(
        $localize`:@@billing.invoice.pdfFailed:Le PDF n'a pas pu être téléchargé. ${toFormError(failure).message}:ERROR:`,
      );
    }
  }

  protected async createCreditNote(invoice: InvoiceView): Promise<void> {
    const { amount, reason } = this.form.getRawValue();
    const note = await submitForm({
      state: this.credit,
      form: this.form,
      invalidMessage: $localize`:@@billing.agentInvoice.invalid:L'avoir n'est pas émis : corrigez les champs signalés.`,
      aliases: { amountCents: 'amount' },
      send: () =>
        this.api.createCreditNote(invoice.id, {
          amountCents: parseEuros(amount) ?? 0,
          reason: reason.trim(),
        }),
      success: (n) =>
        $localize`:@@billing.agentInvoice.issued:Avoir ${n.number}:NUMBER: de ${formatMoney(n.amountCents)}:AMOUNT: émis sur la facture ${invoice.number}:INVOICE:.`,
      resetTo: { amount: '', reason: '' },
    });
    if (note) this.invoice.set(await this.api.invoice(invoice.id));
  }
}

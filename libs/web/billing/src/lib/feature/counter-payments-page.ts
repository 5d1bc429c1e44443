import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
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
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import {
  CASH_LIMIT_CENTS,
  COUNTER_PAYMENT_METHOD_LABELS,
  CounterPaymentMethod,
  type HouseholdSummaryView,
  type InvoiceSummaryView,
} from '@foyer/shared/contracts';
import { parseEuros } from '@foyer/shared/domain';
import {
  ErrorAlert,
  fieldErrorMessage,
  formState,
  StatusMessage,
  submitForm,
  toFormError,
} from '@foyer/web/core';
import { BillingAdminApi } from '../data-access/billing-api';
import { HouseholdPicker, householdLabel } from '../ui/household-picker';
import { InvoiceTable } from '../ui/invoice-table';
import { periodFr } from '../ui/labels';
import { formatMoney } from '../ui/locale-format';

function amountValidator(control: AbstractControl<string>): ValidationErrors | null {
  if (!control.value?.trim()) return null;
  const cents = parseEuros(control.value);
  return cents === null || cents <= 0 ? { amount: true } : null;
}

/**
 * /agent/facturation/guichet: find the household, pick the invoice, record what the family paid at the
 * counter (cash at most 300 € per invoice, cheque, CESU, chèques vacances, transfer) with its receipt number.
 */
@Component({
  selector: 'foyer-counter-payments-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    ErrorAlert,
    StatusMessage,
    InvoiceTable,
    HouseholdPicker,
  ],
  template: `
    <p>
      <a i18n="@@billing.reminders.back" routerLink="/agent"
        ><span aria-hidden="true">← </span>Tableau de bord des agents</a
      >
    </p>
    <h1 i18n="@@billing.counter.title">Paiements au guichet</h1>
    <p i18n="@@billing.counter.lead" class="lead">
      Enregistrez ce qu'une famille règle à l'accueil de la mairie. Le reçu remis à la famille porte le numéro
      saisi ici.
    </p>

    <section class="panel" aria-labelledby="find-title">
      <h2 i18n="@@billing.counter.findTitle" id="find-title">1. Trouver la famille</h2>
      <foyer-household-picker [selectedId]="selected()?.id ?? null" (picked)="choose($event)" />
    </section>

    @if (selected(); as household) {
      <section class="panel" aria-labelledby="invoice-title">
        <h2 i18n="@@billing.counter.invoiceTitle" id="invoice-title">
          2. Choisir la facture de {{ labelOf(household) }}
        </h2>
        <foyer-error-alert [message]="invoicesError()" />
        @if (invoices(); as list) {
          @if (unpaid().length === 0) {
            <p i18n="@@billing.counter.nothingToPay">Cette famille n'a aucune facture à payer.</p>
          } @else {
            <foyer-invoice-table
              [invoices]="unpaid()"
              caption="Factures à payer de la famille"
              i18n-caption="@@billing.counter.caption"
              [linkBase]="'/agent/facturation/factures'"
            />
          }
        }
      </section>

      @if (unpaid().length > 0) {
        <section class="panel" aria-labelledby="record-title">
          <h2 i18n="@@billing.counter.recordTitle" id="record-title">3. Enregistrer le paiement</h2>
          <foyer-status-message [message]="recordState.status()" />
          <foyer-error-alert [message]="recordState.error()" />
          <form class="form-stack" [formGroup]="form" (ngSubmit)="record()" novalidate>
            <mat-form-field>
              <mat-label i18n="@@billing.counter.invoice">Facture</mat-label>
              <mat-select formControlName="invoiceId" required>
                @for (invoice of unpaid(); track invoice.id) {
                  <mat-option i18n="@@billing.counter.invoiceOption" [value]="invoice.id">
                    {{ invoice.number }} — {{ period(invoice.period) }} — reste
                    {{ euros(invoice.balanceDueCents) }}
                  </mat-option>
                }
              </mat-select>
              <mat-error>{{ errorOf(form.controls.invoiceId) }}</mat-error>
            </mat-form-field>
            <div class="form-row">
              <mat-form-field>
                <mat-label i18n="@@billing.counter.method">Moyen de paiement</mat-label>
                <mat-select formControlName="method" required>
                  @for (method of methods; track method) {
                    <mat-option [value]="method">{{ methodLabels[method] }}</mat-option>
                  }
                </mat-select>
                <mat-error>{{ errorOf(form.controls.method) }}</mat-error>
              </mat-form-field>
              <mat-form-field>
                <mat-label i18n="@@billing.counter.amount">Montant en euros</mat-label>
                <input matInput formControlName="amount" inputmode="decimal" required />
                <mat-hint>{{ amountHint() }}</mat-hint>
                <mat-error>{{ errorOf(form.controls.amount, amountMessages) }}</mat-error>
              </mat-form-field>
            </div>
            <div class="form-row">
              <mat-form-field>
                <mat-label i18n="@@billing.counter.receipt">Numéro de reçu</mat-label>
                <input matInput formControlName="receiptNumber" required />
                <mat-error>{{ errorOf(form.controls.receiptNumber) }}</mat-error>
              </mat-form-field>
              <mat-form-field>
                <mat-label i18n="@@billing.counter.reference">Référence (facultatif)</mat-label>
                <input matInput formControlName="reference" />
                <mat-hint i18n="@@billing.counter.referenceHint"
                  >Numéro de chèque, référence du virement…</mat-hint
                >
                <mat-error>{{ errorOf(form.controls.reference) }}</mat-error>
              </mat-form-field>
            </div>
            <div class="actions">
              <button
                i18n="@@billing.counter.record"
                mat-flat-button
                type="submit"
                [disabled]="recordState.busy()"
              >
                Enregistrer le paiement
              </button>
            </div>
          </form>
        </section>
      }
    }
  `,
})
export class CounterPaymentsPage {
  private readonly api = inject(BillingAdminApi);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly methods = Object.values(CounterPaymentMethod);
  protected readonly methodLabels: Record<CounterPaymentMethod, string> = {
    ...COUNTER_PAYMENT_METHOD_LABELS,
    [CounterPaymentMethod.Cash]: $localize`:@@billing.counter.methodCash:Espèces`,
    [CounterPaymentMethod.Cheque]: $localize`:@@billing.counter.methodCheque:Chèque`,
    [CounterPaymentMethod.Cesu]: $localize`:@@billing.counter.methodCesu:CESU`,
    [CounterPaymentMethod.HolidayVouchers]: $localize`:@@billing.counter.methodHolidayVouchers:Chèques vacances`,
    [CounterPaymentMethod.Transfer]: $localize`:@@billing.counter.methodTransfer:Virement`,
  };
  protected readonly errorOf = fieldErrorMessage;
  protected readonly period = periodFr;
  protected readonly euros = formatMoney;
  protected readonly searchMessages = {
    required: $localize`:@@billing.householdPicker.required:Saisissez un nom, un e-mail ou un numéro de téléphone.`,
  };
  protected readonly amountMessages = {
    amount: $localize`:@@billing.counter.amountInvalid:Saisissez un montant positif, par exemple 45,20.`,
    cash: $localize`:@@billing.counter.cashLimit:En espèces, au plus ${formatMoney(CASH_LIMIT_CENTS)}:AMOUNT: par facture.`,
    tooMuch: $localize`:@@billing.counter.tooMuch:Le montant dépasse le reste à payer de la facture.`,
  };
  protected readonly recordState = formState('form.form-stack');
  protected readonly selected = signal<HouseholdSummaryView | null>(null);
  protected readonly invoices = signal<InvoiceSummaryView[] | null>(null);
  protected readonly invoicesError = signal<string | null>(null);
  protected readonly unpaid = computed(() =>
    (this.invoices() ?? []).filter((invoice) => invoice.balanceDueCents > 0),
  );

  protected readonly form = this.fb.group(
    {
      invoiceId: ['', [Validators.required]],
      method: [CounterPaymentMethod.Cheque as CounterPaymentMethod, [Validators.required]],
      amount: ['', [Validators.required, amountValidator]],
      receiptNumber: ['', [Validators.required, Validators.maxLength(40)]],
      reference: ['', [Validators.maxLength(80)]],
    },
    { validators: (group) => this.amountRules(group) },
  );
  private readonly formValue = signal(this.form.getRawValue());
  protected readonly amountHint = computed(() => {
    const { invoiceId, method } = this.formValue();
    const invoice = this.unpaid().find((candidate) => candidate.id === invoiceId);
    const due = invoice
      ? $localize`:@@billing.counter.leftToPay:Reste à payer : ${formatMoney(invoice.balanceDueCents)}:AMOUNT:.`
      : '';
    return method === CounterPaymentMethod.Cash
      ? $localize`:@@billing.counter.cashHint:${due}:DUE: En espèces, au plus ${formatMoney(CASH_LIMIT_CENTS)}:AMOUNT:.`.trim()
      : due;
  });

  constructor() {
    this.form.valueChanges.subscribe(() => this.formValue.set(this.form.getRawValue()));
  }

  /** Cash is capped at 300 € per invoice, and nobody pays more than is due: said on the amount field. */
  private amountRules(group: AbstractControl): null {
    const amount = group.get('amount');
    if (!amount || amount.hasError('required') || amount.hasError('amount')) return null;
    const cents = parseEuros(amount.value) ?? 0;
    const invoice = this.unpaid?.().find((candidate) => candidate.id === group.get('invoiceId')?.value);
    const { cash: _c, tooMuch: _t, ...others } = amount.errors ?? {};
    const errors: ValidationErrors = { ...others };
    if (group.get('method')?.value === CounterPaymentMethod.Cash && cents > CASH_LIMIT_CENTS)
      errors['cash'] = true;
    else if (invoice && cents > invoice.balanceDueCents) errors['tooMuch'] = true;
    amount.setErrors(Object.keys(errors).length ? errors : null, { emitEvent: false });
    return null;
  }

  protected readonly labelOf = householdLabel;

  protected async choose(household: HouseholdSummaryView): Promise<void> {
    this.selected.set(household);
    this.invoices.set(null);
    this.invoicesError.set(null);
    this.recordState.clear();
    try {
      const list = await this.api.householdInvoices(household.id);
      this.invoices.set(list);
      const first = list.find((invoice) => invoice.balanceDueCents > 0);
      this.form.reset({
        invoiceId: first?.id ?? '',
        method: CounterPaymentMethod.Cheque,
        amount: first ? (first.balanceDueCents / 100).toFixed(2).replace('.', ',') : '',
        receiptNumber: '',
        reference: '',
      });
    } catch (failure) {
      this.invoicesError.set(
        $localize`:@@billing.invoices.loadFailed:Les factures n'ont pas pu être chargées. ${toFormError(failure).message}:ERROR:`,
      );
    }
  }

  protected async record(): Promise<void> {
    const value = this.form.getRawValue();
    const payment = await submitForm({
      state: this.recordState,
      form: this.form,
      invalidMessage: $localize`:@@billing.counter.invalid:Le paiement n'est pas enregistré : corrigez les champs signalés.`,
      aliases: { amountCents: 'amount' },
      send: () =>
        this.api.recordCounterPayment({
          invoiceId: value.invoiceId,
          method: value.method,
          amountCents: parseEuros(value.amount) ?? 0,
          receiptNumber: value.receiptNumber.trim(),
          reference: value.reference.trim() || null,
        }),
      success: (p) =>
        $localize`:@@billing.counter.recorded:Paiement de ${formatMoney(p.amountCents)}:AMOUNT: (${this.methodLabels[p.method]}:METHOD:) enregistré sur la facture ${p.invoiceNumber ?? ''}:INVOICE:, reçu ${p.receiptNumber}:RECEIPT:.`,
    });
    const household = this.selected();
    if (payment && household) {
      const status = this.recordState.status();
      await this.choose(household);
      this.recordState.status.set(status);
    }
  }
}

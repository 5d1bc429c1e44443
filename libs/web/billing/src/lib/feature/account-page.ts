import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import type { FamilyAccountView } from '@foyer/shared/contracts';
import { parisDateOf } from '@foyer/shared/domain';
import {
  ErrorAlert,
  EurosPipe,
  formState,
  saveFile,
  StatusMessage,
  submitForm,
  toFormError,
} from '@foyer/web/core';
import { AppClock } from '../data-access/app-clock';
import { BillingApi } from '../data-access/billing-api';
import { balanceText } from '../ui/labels';
import { LedgerTable } from '../ui/ledger-table';

/** Last year first (the one a tax return asks about), then this year and the two before. */
function yearsFrom(now: Date): number[] {
  const year = Number(parisDateOf(now).slice(0, 4));
  return [year - 1, year, year - 2, year - 3];
}

/** /factures/compte: the family account, its balance and the history of invoices, payments and credits. */
@Component({
  selector: 'foyer-account-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatSelectModule,
    ErrorAlert,
    EurosPipe,
    LedgerTable,
    StatusMessage,
  ],
  template: `
    <p>
      <a i18n="@@billing.account.back" routerLink="/factures"
        ><span aria-hidden="true">← </span>Mes factures</a
      >
    </p>
    <h1 i18n="@@billing.account.title">Mon compte famille</h1>
    <p i18n="@@billing.account.lead" class="lead">
      Ce que vous devez à la ville, ou ce qu'elle vous doit : un trop-payé devient un avoir que la facture
      suivante utilise.
    </p>
    <foyer-error-alert [message]="error()" />
    @if (account(); as acc) {
      <section class="panel" aria-labelledby="balance-title">
        <h2 i18n="@@billing.account.balance" id="balance-title">Solde</h2>
        <p class="balance">
          <strong>{{ balance() }}</strong>
        </p>
        @if (acc.creditCents > 0) {
          <p i18n="@@billing.account.credit">
            Avoir disponible : {{ acc.creditCents | euros }}, déduit de votre prochaine facture.
          </p>
        }
      </section>
      <section class="panel" aria-labelledby="ledger-title">
        <h2 i18n="@@billing.account.history" id="ledger-title">Historique</h2>
        <foyer-ledger-table [entries]="acc.ledger" [invoiceLinkBase]="'/factures'" />
      </section>
      <section class="panel" aria-labelledby="certificate-title">
        <h2 i18n="@@billing.account.certificateTitle" id="certificate-title">
          Attestation de frais de garde
        </h2>
        <p i18n="@@billing.account.certificateLead">
          Pour votre déclaration de revenus : les sommes payées dans l'année pour la garde de vos enfants de
          moins de 6 ans.
        </p>
        <foyer-status-message [message]="certificate.status()" />
        <foyer-error-alert [message]="certificate.error()" />
        <form class="form-row" id="certificate-form" (ngSubmit)="downloadCertificate()" novalidate>
          <mat-form-field>
            <mat-label i18n="@@billing.account.year">Année</mat-label>
            <mat-select [formControl]="year">
              @for (y of years(); track y) {
                <mat-option [value]="y">{{ y }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <div class="actions">
            <button
              i18n="@@billing.account.download"
              mat-stroked-button
              type="submit"
              [disabled]="certificate.busy()"
            >
              Télécharger l'attestation (PDF)
            </button>
          </div>
        </form>
      </section>
    } @else if (!error()) {
      <p i18n="@@billing.account.loading" role="status">Chargement du compte…</p>
    }
  `,
  styles: `
    .balance {
      font-size: 1.3rem;
    }
  `,
})
export class AccountPage implements OnInit {
  private readonly api = inject(BillingApi);
  protected readonly account = signal<FamilyAccountView | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly balance = computed(() => balanceText(this.account()?.balanceCents ?? 0));
  private readonly document = inject(DOCUMENT);
  private readonly clock = inject(AppClock);
  protected readonly years = signal(yearsFrom(new Date()));
  protected readonly year = new FormControl(this.years()[0], { nonNullable: true });
  protected readonly certificate = formState('#certificate-form');

  protected async downloadCertificate(): Promise<void> {
    const year = this.year.value;
    await submitForm({
      state: this.certificate,
      invalidMessage: $localize`:@@billing.account.invalid:Choisissez l'année.`,
      send: async () =>
        saveFile(
          this.document,
          await this.api.childcareCertificate(year),
          `attestation-frais-de-garde-${year}.pdf`,
        ),
      success: () =>
        $localize`:@@billing.account.downloaded:Attestation de frais de garde ${year}:YEAR: téléchargée.`,
    });
  }

  ngOnInit(): void {
    void this.load();
    void this.clock.now().then((now) => {
      this.years.set(yearsFrom(now));
      this.year.setValue(this.years()[0]);
    });
  }

  private async load(): Promise<void> {
    try {
      const account = await this.api.account();
      this.account.set({
        ...account,
        // The API lists the ledger in order, balance after each entry: newest first reads better.
        ledger: [...account.ledger].reverse(),
      });
    } catch (failure) {
      this.error.set(
        $localize`:@@billing.account.loadFailed:Le compte n'a pas pu être chargé. ${toFormError(failure).message}:ERROR:`,
      );
    }
  }
}

import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { FamilyAccountView } from '@foyer/shared/contracts';
import { ErrorAlert, EurosPipe, toFormError } from '@foyer/web/core';
import { BillingApi } from '../data-access/billing-api';
import { balanceText } from '../ui/labels';
import { LedgerTable } from '../ui/ledger-table';

/** /factures/compte: the family account, its balance and the history of invoices, payments and credits. */
@Component({
  selector: 'foyer-account-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, ErrorAlert, EurosPipe, LedgerTable],
  template: `
    <p>
      <a routerLink="/factures"><span aria-hidden="true">← </span>Mes factures</a>
    </p>
    <h1>Mon compte famille</h1>
    <p class="lead">
      Ce que vous devez à la ville, ou ce qu'elle vous doit : un trop-payé devient un avoir que la facture
      suivante utilise.
    </p>
    <foyer-error-alert [message]="error()" />
    @if (account(); as acc) {
      <section class="panel" aria-labelledby="balance-title">
        <h2 id="balance-title">Solde</h2>
        <p class="balance">
          <strong>{{ balance() }}</strong>
        </p>
        @if (acc.creditCents > 0) {
          <p>Avoir disponible : {{ acc.creditCents | euros }}, déduit de votre prochaine facture.</p>
        }
      </section>
      <section class="panel" aria-labelledby="ledger-title">
        <h2 id="ledger-title">Historique</h2>
        <foyer-ledger-table [entries]="acc.ledger" invoiceLinkBase="/factures" />
      </section>
    } @else if (!error()) {
      <p role="status">Chargement du compte…</p>
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

  ngOnInit(): void {
    void this.load();
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
      this.error.set(`Le compte n'a pas pu être chargé. ${toFormError(failure).message}`);
    }
  }
}

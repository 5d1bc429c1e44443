import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import {
  type FamilyAccountView,
  type HouseholdSummaryView,
  InvoiceStatus,
  type InvoiceSummaryView,
} from '@foyer/shared/contracts';
import { parisDateOf } from '@foyer/shared/domain';
import { formatMoney } from '../ui/locale-format';
import { ErrorAlert, toFormError } from '@foyer/web/core';
import { AppClock } from '../data-access/app-clock';
import { BillingAdminApi } from '../data-access/billing-api';
import { HouseholdPicker, householdLabel } from '../ui/household-picker';
import { InvoiceTable } from '../ui/invoice-table';
import { balanceText } from '../ui/labels';
import { LedgerTable } from '../ui/ledger-table';

/**
 * /agent/facturation/relances: reminders go out by themselves (before the due date, then after it);
 * for a family who calls or comes to the counter, the agent reads what is overdue and the account.
 */
@Component({
  selector: 'foyer-reminders-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, ErrorAlert, HouseholdPicker, InvoiceTable, LedgerTable],
  template: `
    <p>
      <a i18n="@@billing.reminders.back" routerLink="/agent"
        ><span aria-hidden="true">← </span>Tableau de bord des agents</a
      >
    </p>
    <h1 i18n="@@billing.reminders.title">Relances</h1>
    <p i18n="@@billing.reminders.lead" class="lead">
      Les relances partent seules : chaque famille reçoit un rappel par e-mail quelques jours avant l'échéance
      d'une facture, puis une relance quelques jours après si elle n'est toujours pas payée. Les factures
      prélevées et celles dont un paiement est en cours ne sont pas relancées.
    </p>

    <section class="panel" aria-labelledby="family-title">
      <h2 i18n="@@billing.reminders.familyTitle" id="family-title">La situation d'une famille</h2>
      <foyer-household-picker [selectedId]="selected()?.id ?? null" (picked)="choose($event)" />
    </section>

    @if (selected(); as household) {
      <section class="panel" aria-labelledby="overdue-title">
        <h2 id="overdue-title">{{ label(household) }}</h2>
        <foyer-error-alert [message]="error()" />
        @if (account(); as acc) {
          <p>
            <strong i18n="@@billing.reminders.balance">Solde : {{ balance(acc.balanceCents) }}.</strong>
          </p>
        }
        @if (invoices(); as list) {
          <p role="status">{{ overdueText() }}</p>
          @if (overdue().length > 0) {
            <foyer-invoice-table
              [invoices]="overdue()"
              caption="Factures impayées après leur échéance"
              i18n-caption="@@billing.reminders.overdueCaption"
              [linkBase]="'/agent/facturation/factures'"
            />
          }
        }
        @if (account(); as acc) {
          <h3 i18n="@@billing.reminders.history">Historique du compte</h3>
          <foyer-ledger-table [entries]="acc.ledger" [invoiceLinkBase]="'/agent/facturation/factures'" />
        }
      </section>
    }
  `,
})
export class RemindersPage {
  private readonly api = inject(BillingAdminApi);
  protected readonly selected = signal<HouseholdSummaryView | null>(null);
  protected readonly invoices = signal<InvoiceSummaryView[] | null>(null);
  protected readonly account = signal<FamilyAccountView | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly label = householdLabel;
  protected readonly balance = balanceText;
  private readonly clock = inject(AppClock);
  private readonly today = signal(parisDateOf(new Date()));
  protected readonly overdue = computed(() =>
    (this.invoices() ?? []).filter(
      (invoice) =>
        invoice.status === InvoiceStatus.ToPay &&
        invoice.balanceDueCents > 0 &&
        invoice.dueDate < this.today(),
    ),
  );
  protected readonly overdueText = computed(() => {
    const list = this.overdue();
    if (list.length === 0)
      return $localize`:@@billing.reminders.none:Aucune facture impayée après son échéance.`;
    const total = list.reduce((sum, invoice) => sum + invoice.balanceDueCents, 0);
    return list.length > 1
      ? $localize`:@@billing.reminders.overdueMany:${list.length}:COUNT: factures impayées après échéance, ${formatMoney(total)}:AMOUNT: au total.`
      : $localize`:@@billing.reminders.overdueOne:${list.length}:COUNT: facture impayée après échéance, ${formatMoney(total)}:AMOUNT: au total.`;
  });

  protected async choose(household: HouseholdSummaryView): Promise<void> {
    this.selected.set(household);
    this.invoices.set(null);
    this.account.set(null);
    this.error.set(null);
    try {
      this.today.set(parisDateOf(await this.clock.now()));
      const [invoices, account] = await Promise.all([
        this.api.householdInvoices(household.id),
        this.api.householdAccount(household.id),
      ]);
      this.invoices.set(invoices);
      this.account.set({ ...account, ledger: [...account.ledger].reverse() });
    } catch (failure) {
      this.error.set(
        $localize`:@@billing.reminders.loadFailed:La situation de la famille n'a pas pu être chargée. ${toFormError(failure).message}:ERROR:`,
      );
    }
  }
}

import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { InvoiceStatus, type InvoiceSummaryView } from '@foyer/shared/contracts';
import { formatMoney } from '../ui/locale-format';
import { ErrorAlert, toFormError } from '@foyer/web/core';
import { BillingApi } from '../data-access/billing-api';
import { InvoiceTable } from '../ui/invoice-table';

/** /factures: the household's invoices, newest first, and the ways to the account and the mandate. */
@Component({
  selector: 'foyer-invoices-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, ErrorAlert, InvoiceTable],
  template: `
    <h1 i18n="@@billing.invoices.title">Mes factures</h1>
    <p i18n="@@billing.invoices.lead" class="lead">
      Chaque mois, la ville facture ce que vos enfants ont utilisé le mois précédent. Ouvrez une facture pour
      lire le détail de chaque ligne et la payer en ligne.
    </p>
    <ul class="plain-list links">
      <li>
        <a i18n="@@billing.invoices.accountLink" routerLink="/factures/compte"
          >Mon compte famille : solde et historique</a
        >
      </li>
      <li>
        <a i18n="@@billing.invoices.mandateLink" routerLink="/factures/prelevement"
          >Prélèvement automatique</a
        >
      </li>
    </ul>

    <foyer-error-alert [message]="error()" />
    @if (invoices(); as list) {
      <p role="status">{{ summary() }}</p>
      @if (list.length > 0) {
        <foyer-invoice-table [invoices]="list" [linkBase]="'/factures'" />
      }
    } @else if (!error()) {
      <p i18n="@@billing.invoices.loading" role="status">Chargement des factures…</p>
    }
  `,
  styles: `
    .links {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1.5rem;
      margin-bottom: 1rem;
    }
  `,
})
export class InvoicesPage implements OnInit {
  private readonly api = inject(BillingApi);
  protected readonly invoices = signal<InvoiceSummaryView[] | null>(null);
  protected readonly error = signal<string | null>(null);
  private readonly toPay = computed(() =>
    (this.invoices() ?? []).filter((invoice) => invoice.status === InvoiceStatus.ToPay),
  );
  protected readonly summary = computed(() => {
    const list = this.invoices() ?? [];
    if (list.length === 0) return $localize`:@@billing.invoices.none:Vous n'avez encore reçu aucune facture.`;
    const toPay = this.toPay();
    if (toPay.length === 0)
      return list.length > 1
        ? $localize`:@@billing.invoices.noneToPayMany:${list.length}:COUNT: factures, aucune à payer.`
        : $localize`:@@billing.invoices.noneToPayOne:${list.length}:COUNT: facture, aucune à payer.`;
    const due = toPay.reduce((total, invoice) => total + invoice.balanceDueCents, 0);
    return toPay.length > 1
      ? $localize`:@@billing.invoices.toPayMany:${toPay.length}:COUNT: factures à payer, ${formatMoney(due)}:AMOUNT: au total.`
      : $localize`:@@billing.invoices.toPayOne:${toPay.length}:COUNT: facture à payer, ${formatMoney(due)}:AMOUNT: au total.`;
  });

  ngOnInit(): void {
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      const list = await this.api.invoices();
      this.invoices.set([...list].sort((a, b) => b.period.localeCompare(a.period)));
    } catch (failure) {
      this.error.set(
        $localize`:@@billing.invoices.loadFailed:Les factures n'ont pas pu être chargées. ${toFormError(failure).message}:ERROR:`,
      );
    }
  }
}

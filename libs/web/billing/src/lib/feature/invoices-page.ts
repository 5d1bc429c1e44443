import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { InvoiceStatus, type InvoiceSummaryView } from '@foyer/shared/contracts';
import { formatEuros } from '@foyer/shared/domain';
import { ErrorAlert, toFormError } from '@foyer/web/core';
import { BillingApi } from '../data-access/billing-api';
import { InvoiceTable } from '../ui/invoice-table';

/** /factures: the household's invoices, newest first, and the ways to the account and the mandate. */
@Component({
  selector: 'foyer-invoices-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, ErrorAlert, InvoiceTable],
  template: `
    <h1>Mes factures</h1>
    <p class="lead">
      Chaque mois, la ville facture ce que vos enfants ont utilisé le mois précédent. Ouvrez une facture pour
      lire le détail de chaque ligne et la payer en ligne.
    </p>
    <ul class="plain-list links">
      <li><a routerLink="/factures/compte">Mon compte famille : solde et historique</a></li>
      <li><a routerLink="/factures/prelevement">Prélèvement automatique</a></li>
    </ul>

    <foyer-error-alert [message]="error()" />
    @if (invoices(); as list) {
      <p role="status">{{ summary() }}</p>
      @if (list.length > 0) {
        <foyer-invoice-table [invoices]="list" linkBase="/factures" />
      }
    } @else if (!error()) {
      <p role="status">Chargement des factures…</p>
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
    if (list.length === 0) return "Vous n'avez encore reçu aucune facture.";
    const toPay = this.toPay();
    if (toPay.length === 0) return `${list.length} facture${list.length > 1 ? 's' : ''}, aucune à payer.`;
    const due = toPay.reduce((total, invoice) => total + invoice.balanceDueCents, 0);
    return `${toPay.length} facture${toPay.length > 1 ? 's' : ''} à payer, ${formatEuros(due)} au total.`;
  });

  ngOnInit(): void {
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      const list = await this.api.invoices();
      this.invoices.set([...list].sort((a, b) => b.period.localeCompare(a.period)));
    } catch (failure) {
      this.error.set(`Les factures n'ont pas pu être chargées. ${toFormError(failure).message}`);
    }
  }
}

import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { formatEuros } from '@foyer/shared/domain';
import { DayFrPipe, ErrorAlert, EurosPipe, toFormError } from '@foyer/web/core';
import { BillingAdminApi, type OverdueInvoiceView } from '../data-access/billing-api';
import { invoiceStatusText, periodTitleFr } from '../ui/labels';

/**
 * /agent/facturation/relances: reminders go out by themselves (a few days before the due date, then
 * after it); this page lists the invoices still unpaid after their due date, for a call or a letter.
 */
@Component({
  selector: 'foyer-reminders-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, DayFrPipe, ErrorAlert, EurosPipe],
  template: `
    <p>
      <a routerLink="/agent"><span aria-hidden="true">← </span>Tableau de bord des agents</a>
    </p>
    <h1>Relances</h1>
    <p class="lead">
      Les familles reçoivent un rappel par e-mail quelques jours avant l'échéance de chaque facture, puis une
      relance après l'échéance si elle n'est pas payée. Voici les factures toujours impayées après leur
      échéance.
    </p>
    <foyer-error-alert [message]="error()" />
    @if (invoices(); as list) {
      <p role="status">{{ summary() }}</p>
      @if (list.length > 0) {
        <div class="stacked-table">
          <table class="overdue">
            <caption class="visually-hidden">
              Factures impayées après échéance, la plus ancienne d’abord
            </caption>
            <thead>
              <tr>
                <th scope="col">Famille</th>
                <th scope="col">Facture</th>
                <th scope="col">Mois</th>
                <th scope="col">Échéance</th>
                <th scope="col">Reste à payer</th>
                <th scope="col">État</th>
              </tr>
            </thead>
            <tbody>
              @for (invoice of list; track invoice.id) {
                <tr>
                  <td data-label="Famille">
                    <a [routerLink]="['/agent/familles', invoice.householdId]">{{
                      invoice.householdLabel
                    }}</a>
                  </td>
                  <td data-label="Facture">{{ invoice.number }}</td>
                  <td data-label="Mois">{{ title(invoice.period) }}</td>
                  <td data-label="Échéance">{{ invoice.dueDate | dayFr }}</td>
                  <td data-label="Reste à payer">{{ invoice.balanceDueCents | euros }}</td>
                  <td data-label="État">{{ status(invoice) }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
    } @else if (!error()) {
      <p role="status">Chargement des factures impayées…</p>
    }
  `,
  styles: `
    .overdue {
      border-collapse: collapse;
      width: 100%;
      background: #fff;
    }
    .overdue th,
    .overdue td {
      text-align: left;
      padding: 0.5rem;
      border-bottom: 1px solid #d0d0d0;
    }
  `,
})
export class RemindersPage implements OnInit {
  private readonly api = inject(BillingAdminApi);
  protected readonly invoices = signal<OverdueInvoiceView[] | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly title = periodTitleFr;
  protected readonly summary = computed(() => {
    const list = this.invoices() ?? [];
    if (list.length === 0) return 'Aucune facture impayée après son échéance.';
    const total = list.reduce((sum, invoice) => sum + invoice.balanceDueCents, 0);
    return `${list.length} facture${list.length > 1 ? 's' : ''} impayée${list.length > 1 ? 's' : ''} après échéance, ${formatEuros(total)} au total.`;
  });

  protected status(invoice: OverdueInvoiceView): string {
    return invoiceStatusText(invoice);
  }

  ngOnInit(): void {
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      const list = await this.api.overdueInvoices();
      this.invoices.set([...list].sort((a, b) => a.dueDate.localeCompare(b.dueDate)));
    } catch (failure) {
      this.error.set(`Les factures impayées n'ont pas pu être chargées. ${toFormError(failure).message}`);
    }
  }
}

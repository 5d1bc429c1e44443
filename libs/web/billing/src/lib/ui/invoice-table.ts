import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { InvoiceSummaryView } from '@foyer/shared/contracts';
import { DayFrPipe, EurosPipe } from '@foyer/web/core';
import { invoiceBadgeClass, invoiceStatusText, periodTitleFr } from './labels';

/** A list of invoices: number (a link to the detail when `linkBase` is set), month, amounts, state in words. */
@Component({
  selector: 'foyer-invoice-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, DayFrPipe, EurosPipe],
  template: `
    <div class="stacked-table">
      <table class="invoice-table">
        <caption class="visually-hidden">
          {{
            caption()
          }}
        </caption>
        <thead>
          <tr>
            <th i18n="@@billing.invoiceTable.invoice" scope="col">Facture</th>
            <th i18n="@@billing.invoiceTable.month" scope="col">Mois</th>
            <th i18n="@@billing.invoiceTable.amount" scope="col" class="num">Montant</th>
            <th i18n="@@billing.invoiceTable.due" scope="col" class="num">Reste à payer</th>
            <th i18n="@@billing.invoiceTable.dueDate" scope="col">Échéance</th>
            <th i18n="@@billing.invoiceTable.status" scope="col">État</th>
          </tr>
        </thead>
        <tbody>
          @for (invoice of invoices(); track invoice.id) {
            <tr>
              <td data-label="Facture" i18n-data-label="@@billing.invoiceTable.invoiceCell">
                @if (linkBase(); as base) {
                  <a [routerLink]="[base, invoice.id]">{{ invoice.number }}</a>
                } @else {
                  {{ invoice.number }}
                }
              </td>
              <td data-label="Mois" i18n-data-label="@@billing.invoiceTable.monthCell">
                {{ title(invoice.period) }}
              </td>
              <td data-label="Montant" i18n-data-label="@@billing.invoiceTable.amountCell" class="num">
                {{ invoice.totalCents | euros }}
              </td>
              <td data-label="Reste à payer" i18n-data-label="@@billing.invoiceTable.dueCell" class="num">
                {{ invoice.balanceDueCents | euros }}
              </td>
              <td data-label="Échéance" i18n-data-label="@@billing.invoiceTable.dueDateCell">
                {{ invoice.dueDate | dayFr }}
              </td>
              <td data-label="État" i18n-data-label="@@billing.invoiceTable.statusCell">
                <span [class]="badge(invoice)">{{ status(invoice) }}</span>
              </td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    .invoice-table {
      border-collapse: collapse;
      width: 100%;
      background: #fff;
    }
    .invoice-table th,
    .invoice-table td {
      text-align: left;
      padding: 0.5rem;
      border-bottom: 1px solid #d0d0d0;
    }
    .invoice-table .num {
      text-align: right;
      white-space: nowrap;
    }
    @media (max-width: 48rem) {
      .invoice-table .num {
        text-align: left;
      }
    }
  `,
})
export class InvoiceTable {
  readonly invoices = input.required<InvoiceSummaryView[]>();
  readonly caption = input($localize`:@@billing.invoiceTable.caption:Factures, les plus récentes d’abord`);
  /** '/factures': each number links to /factures/:id. */
  readonly linkBase = input<string | null>(null);

  protected readonly title = periodTitleFr;
  protected status(invoice: InvoiceSummaryView): string {
    return invoiceStatusText(invoice);
  }
  protected badge(invoice: InvoiceSummaryView): string {
    return invoiceBadgeClass(invoice.status);
  }
}

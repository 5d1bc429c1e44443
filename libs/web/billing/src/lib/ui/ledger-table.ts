import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { LedgerEntryView } from '@foyer/shared/contracts';
import { DayFrPipe, EurosPipe } from '@foyer/web/core';
import { LEDGER_KIND_LABELS } from './labels';

/** The family account's history: invoices, payments and credit notes with the balance after each. */
@Component({
  selector: 'foyer-ledger-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, DayFrPipe, EurosPipe],
  template: `
    @if (entries().length === 0) {
      <p i18n="@@billing.ledger.none">Aucune opération pour le moment.</p>
    } @else {
      <div class="stacked-table">
        <table class="ledger">
          <caption i18n="@@billing.ledger.caption" class="visually-hidden">
            Historique du compte, du plus récent au plus ancien
          </caption>
          <thead>
            <tr>
              <th i18n="@@billing.ledger.date" scope="col">Date</th>
              <th i18n="@@billing.ledger.kind" scope="col">Opération</th>
              <th i18n="@@billing.ledger.label" scope="col">Libellé</th>
              <th i18n="@@billing.ledger.amount" scope="col" class="num">Montant</th>
              <th i18n="@@billing.ledger.balanceAfter" scope="col" class="num">Solde après</th>
            </tr>
          </thead>
          <tbody>
            @for (entry of entries(); track entry.id) {
              <tr>
                <td data-label="Date" i18n-data-label="@@billing.ledger.dateCell">
                  {{ entry.date | dayFr }}
                </td>
                <td data-label="Opération" i18n-data-label="@@billing.ledger.kindCell">
                  {{ kinds[entry.kind] }}
                </td>
                <td data-label="Libellé" i18n-data-label="@@billing.ledger.labelCell">
                  @if (entry.invoiceId && invoiceLinkBase(); as base) {
                    <a [routerLink]="[base, entry.invoiceId]">{{ entry.label }}</a>
                  } @else {
                    {{ entry.label }}
                  }
                </td>
                <td data-label="Montant" i18n-data-label="@@billing.ledger.amountCell" class="num">
                  {{ signed(entry.amountCents) }}
                </td>
                <td data-label="Solde après" i18n-data-label="@@billing.ledger.balanceAfterCell" class="num">
                  {{ entry.balanceAfterCents | euros }}
                </td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    }
  `,
  styles: `
    .ledger {
      border-collapse: collapse;
      width: 100%;
      background: #fff;
    }
    .ledger th,
    .ledger td {
      text-align: left;
      padding: 0.5rem;
      border-bottom: 1px solid #d0d0d0;
    }
    .ledger .num {
      text-align: right;
      white-space: nowrap;
    }
    @media (max-width: 48rem) {
      .ledger .num {
        text-align: left;
      }
    }
  `,
})
export class LedgerTable {
  readonly entries = input.required<LedgerEntryView[]>();
  /** '/factures': invoice entries link to the invoice. */
  readonly invoiceLinkBase = input<string | null>(null);
  protected readonly kinds = LEDGER_KIND_LABELS;
  private readonly euros = new EurosPipe();

  /** « + 45,20 € » owed, « − 45,20 € » paid or credited: the sign is written, not coloured. */
  protected signed(cents: number): string {
    return cents < 0 ? `− ${this.euros.transform(-cents)}` : `+ ${this.euros.transform(cents)}`;
  }
}

import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { InvoiceLineView } from '@foyer/shared/contracts';
import { EurosPipe } from '@foyer/web/core';
import { groupLines } from './labels';

/**
 * An invoice's lines, grouped by child then activity, each saying how it was computed in plain French
 * (« 12 repas x 2,35 € (tranche 3, QF 712 €) »): the family reads why it costs what it costs.
 */
@Component({
  selector: 'foyer-invoice-lines',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [EurosPipe],
  template: `
    @if (groups().length === 0) {
      <p i18n="@@billing.invoiceLines.none">Cette facture ne comporte aucune ligne.</p>
    }
    @for (child of groups(); track child.childName; let c = $index) {
      <section class="child-group" [attr.aria-labelledby]="idPrefix() + '-child-' + c">
        <h3 [id]="idPrefix() + '-child-' + c">
          {{ child.childName }} <span class="muted">— {{ child.totalCents | euros }}</span>
        </h3>
        @for (activity of child.activities; track activity.activityLabel; let a = $index) {
          <div class="stacked-table">
            <table class="lines">
              <caption>
                {{
                  activity.activityLabel
                }}
                <span i18n="@@billing.invoiceLines.forChild" class="visually-hidden"
                  >pour {{ child.childName }}</span
                >
              </caption>
              <thead>
                <tr>
                  <th i18n="@@billing.invoiceLines.detail" scope="col">Détail</th>
                  <th i18n="@@billing.invoiceLines.quantity" scope="col" class="num">Quantité</th>
                  <th i18n="@@billing.invoiceLines.unitPrice" scope="col" class="num">Prix unitaire</th>
                  <th i18n="@@billing.invoiceLines.amount" scope="col" class="num">Montant</th>
                </tr>
              </thead>
              <tbody>
                @for (line of activity.lines; track line.id) {
                  <tr>
                    <td data-label="Détail" i18n-data-label="@@billing.invoiceLines.detailCell">
                      {{ line.explanation.text }}
                    </td>
                    <td
                      data-label="Quantité"
                      i18n-data-label="@@billing.invoiceLines.quantityCell"
                      class="num"
                    >
                      {{ line.quantity }}
                    </td>
                    <td
                      data-label="Prix unitaire"
                      i18n-data-label="@@billing.invoiceLines.unitPriceCell"
                      class="num"
                    >
                      {{ line.unitCents | euros }}
                    </td>
                    <td data-label="Montant" i18n-data-label="@@billing.invoiceLines.amountCell" class="num">
                      {{ line.amountCents | euros }}
                    </td>
                  </tr>
                }
              </tbody>
              <tfoot>
                <tr>
                  <th i18n="@@billing.invoiceLines.subtotal" scope="row" colspan="3">
                    Sous-total {{ activity.activityLabel }}
                  </th>
                  <td class="num" data-label="Montant" i18n-data-label="@@billing.invoiceLines.amountCell">
                    {{ activity.totalCents | euros }}
                  </td>
                </tr>
              </tfoot>
            </table>
          </div>
        }
      </section>
    }
  `,
  styles: `
    .lines {
      border-collapse: collapse;
      width: 100%;
      background: #fff;
    }
    .lines caption {
      text-align: left;
      font-weight: 600;
      padding: 0.5rem 0;
    }
    .lines th,
    .lines td {
      text-align: left;
      padding: 0.4rem 0.5rem;
      border-bottom: 1px solid #d0d0d0;
      vertical-align: top;
    }
    .lines .num {
      text-align: right;
      white-space: nowrap;
    }
    .lines tfoot th,
    .lines tfoot td {
      font-weight: 700;
    }
    @media (max-width: 48rem) {
      .lines .num {
        text-align: left;
      }
      .lines tfoot,
      .lines tfoot tr,
      .lines tfoot th,
      .lines tfoot td {
        display: block;
      }
    }
  `,
})
export class InvoiceLines {
  readonly lines = input.required<InvoiceLineView[]>();
  /** Keeps heading ids unique when two invoices' lines share a page. */
  readonly idPrefix = input('lines');
  protected readonly groups = computed(() => groupLines(this.lines()));
}

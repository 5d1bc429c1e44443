import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import type { QuotientView } from '@foyer/shared/contracts';
import { DayFrPipe, InstantFrPipe } from '@foyer/web/core';
import {
  formatQuotient,
  QUOTIENT_METHOD_LABELS,
  QUOTIENT_STATUS_LABELS,
  quotientStatusBadge,
} from './labels';

@Component({
  selector: 'foyer-quotient-history',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatTableModule, DayFrPipe, InstantFrPipe],
  template: `
    @if (rows().length === 0) {
      <p i18n="@@households.quotientHistory.empty">Aucune déclaration pour l'instant.</p>
    } @else {
      <div class="stacked-table">
        <table mat-table [dataSource]="rows()">
          <caption class="visually-hidden">
            {{
              caption()
            }}
          </caption>
          <ng-container matColumnDef="submittedAt">
            <th mat-header-cell *matHeaderCellDef scope="col" i18n="@@households.quotientHistory.submittedAt">
              Déposé le
            </th>
            <td
              mat-cell
              data-label="Déposé le"
              i18n-data-label="@@households.quotientHistory.submittedAtLabel"
              *matCellDef="let q"
            >
              {{ q.submittedAt | instantFr }}
            </td>
          </ng-container>
          <ng-container matColumnDef="method">
            <th mat-header-cell *matHeaderCellDef scope="col" i18n="@@households.quotientHistory.method">
              Justificatif
            </th>
            <td
              mat-cell
              data-label="Justificatif"
              i18n-data-label="@@households.quotientHistory.methodLabel"
              *matCellDef="let q"
            >
              {{ methods[asQuotient(q).method] }}
            </td>
          </ng-container>
          <ng-container matColumnDef="value">
            <th mat-header-cell *matHeaderCellDef scope="col" i18n="@@households.quotientHistory.value">
              Quotient
            </th>
            <td
              mat-cell
              data-label="Quotient"
              i18n-data-label="@@households.quotientHistory.valueLabel"
              *matCellDef="let q"
            >
              {{ format(asQuotient(q).value) }}
            </td>
          </ng-container>
          <ng-container matColumnDef="status">
            <th mat-header-cell *matHeaderCellDef scope="col" i18n="@@households.quotientHistory.status">
              Statut
            </th>
            <td
              mat-cell
              data-label="Statut"
              i18n-data-label="@@households.quotientHistory.statusLabel"
              *matCellDef="let q"
            >
              <span [class]="badge(asQuotient(q).status)">{{ statuses[asQuotient(q).status] }}</span>
            </td>
          </ng-container>
          <ng-container matColumnDef="effective">
            <th mat-header-cell *matHeaderCellDef scope="col" i18n="@@households.quotientHistory.effective">
              Applicable
            </th>
            <td
              mat-cell
              data-label="Applicable"
              i18n-data-label="@@households.quotientHistory.effectiveLabel"
              *matCellDef="let q"
            >
              @if (asQuotient(q).effectiveFrom) {
                <ng-container i18n="@@households.quotientHistory.from"
                  >du {{ asQuotient(q).effectiveFrom | dayFr }}</ng-container
                >
                @if (asQuotient(q).effectiveTo) {
                  <ng-container i18n="@@households.quotientHistory.to"
                    >au {{ asQuotient(q).effectiveTo | dayFr }}</ng-container
                  >
                }
              } @else {
                —
              }
            </td>
          </ng-container>
          <ng-container matColumnDef="note">
            <th mat-header-cell *matHeaderCellDef scope="col" i18n="@@households.quotientHistory.note">
              Remarque
            </th>
            <td
              mat-cell
              data-label="Remarque"
              i18n-data-label="@@households.quotientHistory.noteLabel"
              *matCellDef="let q"
            >
              {{ asQuotient(q).decisionNote || '—' }}
            </td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let row; columns: columns"></tr>
        </table>
      </div>
    }
  `,
})
export class QuotientHistory {
  readonly quotients = input.required<QuotientView[]>();
  readonly caption = input(
    $localize`:@@households.quotientHistory.caption:Déclarations de quotient familial`,
  );

  protected readonly rows = computed(() =>
    [...this.quotients()].sort((a, b) => b.submittedAt.localeCompare(a.submittedAt)),
  );
  protected readonly columns = ['submittedAt', 'method', 'value', 'status', 'effective', 'note'];
  protected readonly statuses = QUOTIENT_STATUS_LABELS;
  protected readonly methods = QUOTIENT_METHOD_LABELS;
  protected readonly format = formatQuotient;
  protected readonly badge = quotientStatusBadge;
  /** Material's cell templates are untyped: this restores the type for strict templates. */
  protected asQuotient(row: unknown): QuotientView {
    return row as QuotientView;
  }
}

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
      <p>Aucune déclaration pour l'instant.</p>
    } @else {
      <div class="stacked-table">
        <table mat-table [dataSource]="rows()">
          <caption class="visually-hidden">
            {{
              caption()
            }}
          </caption>
          <ng-container matColumnDef="submittedAt">
            <th mat-header-cell *matHeaderCellDef scope="col">Déposé le</th>
            <td mat-cell data-label="Déposé le" *matCellDef="let q">{{ q.submittedAt | instantFr }}</td>
          </ng-container>
          <ng-container matColumnDef="method">
            <th mat-header-cell *matHeaderCellDef scope="col">Justificatif</th>
            <td mat-cell data-label="Justificatif" *matCellDef="let q">
              {{ methods[asQuotient(q).method] }}
            </td>
          </ng-container>
          <ng-container matColumnDef="value">
            <th mat-header-cell *matHeaderCellDef scope="col">Quotient</th>
            <td mat-cell data-label="Quotient" *matCellDef="let q">{{ format(asQuotient(q).value) }}</td>
          </ng-container>
          <ng-container matColumnDef="status">
            <th mat-header-cell *matHeaderCellDef scope="col">Statut</th>
            <td mat-cell data-label="Statut" *matCellDef="let q">
              <span [class]="badge(asQuotient(q).status)">{{ statuses[asQuotient(q).status] }}</span>
            </td>
          </ng-container>
          <ng-container matColumnDef="effective">
            <th mat-header-cell *matHeaderCellDef scope="col">Applicable</th>
            <td mat-cell data-label="Applicable" *matCellDef="let q">
              @if (asQuotient(q).effectiveFrom) {
                du {{ asQuotient(q).effectiveFrom | dayFr }}
                @if (asQuotient(q).effectiveTo) {
                  au {{ asQuotient(q).effectiveTo | dayFr }}
                }
              } @else {
                —
              }
            </td>
          </ng-container>
          <ng-container matColumnDef="note">
            <th mat-header-cell *matHeaderCellDef scope="col">Remarque</th>
            <td mat-cell data-label="Remarque" *matCellDef="let q">
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
  readonly caption = input('Déclarations de quotient familial');

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

import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatTableModule } from '@angular/material/table';
import type { ChildView, DocumentView } from '@foyer/shared/contracts';
import { DayFrPipe, FileSizePipe, InstantFrPipe } from '@foyer/web/core';
import { DOCUMENT_TYPE_LABELS } from './labels';

@Component({
  selector: 'foyer-document-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatTableModule, DayFrPipe, FileSizePipe, InstantFrPipe],
  template: `
    @if (documents().length === 0) {
      <p>{{ emptyText() }}</p>
    } @else {
      <div class="stacked-table">
        <table mat-table [dataSource]="documents()">
          <caption class="visually-hidden">
            {{
              caption()
            }}
          </caption>
          <ng-container matColumnDef="type">
            <th mat-header-cell *matHeaderCellDef scope="col" i18n="@@households.documentTable.type">Type</th>
            <td
              mat-cell
              data-label="Type"
              i18n-data-label="@@households.documentTable.typeLabel"
              *matCellDef="let d"
            >
              {{ types[asDocument(d).type] }}
            </td>
          </ng-container>
          <ng-container matColumnDef="concerns">
            <th mat-header-cell *matHeaderCellDef scope="col" i18n="@@households.documentTable.concerns">
              Concerne
            </th>
            <td
              mat-cell
              data-label="Concerne"
              i18n-data-label="@@households.documentTable.concernsLabel"
              *matCellDef="let d"
            >
              {{ concerns(asDocument(d)) }}
            </td>
          </ng-container>
          <ng-container matColumnDef="fileName">
            <th mat-header-cell *matHeaderCellDef scope="col" i18n="@@households.documentTable.file">
              Fichier
            </th>
            <td
              mat-cell
              data-label="Fichier"
              i18n-data-label="@@households.documentTable.fileLabel"
              *matCellDef="let d"
            >
              {{ asDocument(d).fileName }}
              <span class="muted">({{ asDocument(d).sizeBytes | fileSize }})</span>
            </td>
          </ng-container>
          <ng-container matColumnDef="uploadedAt">
            <th mat-header-cell *matHeaderCellDef scope="col" i18n="@@households.documentTable.uploadedAt">
              Déposé le
            </th>
            <td
              mat-cell
              data-label="Déposé le"
              i18n-data-label="@@households.documentTable.uploadedAtLabel"
              *matCellDef="let d"
            >
              {{ asDocument(d).uploadedAt | instantFr }}
            </td>
          </ng-container>
          <ng-container matColumnDef="expiresOn">
            <th mat-header-cell *matHeaderCellDef scope="col" i18n="@@households.documentTable.expiresOn">
              Expire le
            </th>
            <td
              mat-cell
              data-label="Expire le"
              i18n-data-label="@@households.documentTable.expiresOnLabel"
              *matCellDef="let d"
            >
              {{ (asDocument(d).expiresOn | dayFr) || '—' }}
            </td>
          </ng-container>
          <ng-container matColumnDef="state">
            <th mat-header-cell *matHeaderCellDef scope="col" i18n="@@households.documentTable.state">
              État
            </th>
            <td
              mat-cell
              data-label="État"
              i18n-data-label="@@households.documentTable.stateLabel"
              *matCellDef="let d"
            >
              @if (asDocument(d).expired) {
                <span class="badge badge-error" i18n="@@households.documentTable.expired">Expiré</span>
              } @else if (asDocument(d).expiringSoon) {
                <span class="badge badge-warning" i18n="@@households.documentTable.expiringSoon"
                  >Expire bientôt</span
                >
              } @else {
                <span class="badge badge-success" i18n="@@households.documentTable.valid">Valide</span>
              }
            </td>
          </ng-container>
          <ng-container matColumnDef="download">
            <th mat-header-cell *matHeaderCellDef scope="col" i18n="@@households.documentTable.download">
              Téléchargement
            </th>
            <td
              mat-cell
              data-label="Téléchargement"
              i18n-data-label="@@households.documentTable.downloadLabel"
              *matCellDef="let d"
            >
              <button
                mat-stroked-button
                type="button"
                (click)="download.emit(asDocument(d))"
                i18n="@@households.documentTable.downloadButton"
              >
                Télécharger<span class="visually-hidden"> {{ asDocument(d).fileName }}</span>
              </button>
            </td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns()"></tr>
          <tr mat-row *matRowDef="let row; columns: columns()"></tr>
        </table>
      </div>
    }
  `,
})
export class DocumentTable {
  readonly documents = input.required<DocumentView[]>();
  readonly caption = input($localize`:@@households.documentTable.caption:Documents`);
  readonly emptyText = input($localize`:@@households.documentTable.empty:Aucun document n'a été déposé.`);
  /** Adds a « Télécharger » button per row; the page fetches the file when `download` fires. */
  readonly downloadable = input(false);
  readonly download = output<DocumentView>();
  /** The household's children, to say which one a document concerns. */
  readonly children = input<Pick<ChildView, 'id' | 'firstName' | 'lastName'>[]>([]);

  protected readonly columns = computed(() => [
    'type',
    'concerns',
    'fileName',
    'uploadedAt',
    'expiresOn',
    'state',
    ...(this.downloadable() ? ['download'] : []),
  ]);
  protected readonly types = DOCUMENT_TYPE_LABELS;
  protected concerns(document: DocumentView): string {
    if (!document.childId) return $localize`:@@households.documentTable.wholeFamily:Toute la famille`;
    const child = this.children().find((candidate) => candidate.id === document.childId);
    return child
      ? `${child.firstName} ${child.lastName}`
      : $localize`:@@households.documentTable.aChild:Un enfant`;
  }
  protected asDocument(row: unknown): DocumentView {
    return row as DocumentView;
  }
}

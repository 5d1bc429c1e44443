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
            <th mat-header-cell *matHeaderCellDef scope="col">Type</th>
            <td mat-cell data-label="Type" *matCellDef="let d">{{ types[asDocument(d).type] }}</td>
          </ng-container>
          <ng-container matColumnDef="concerns">
            <th mat-header-cell *matHeaderCellDef scope="col">Concerne</th>
            <td mat-cell data-label="Concerne" *matCellDef="let d">{{ concerns(asDocument(d)) }}</td>
          </ng-container>
          <ng-container matColumnDef="fileName">
            <th mat-header-cell *matHeaderCellDef scope="col">Fichier</th>
            <td mat-cell data-label="Fichier" *matCellDef="let d">
              {{ asDocument(d).fileName }}
              <span class="muted">({{ asDocument(d).sizeBytes | fileSize }})</span>
            </td>
          </ng-container>
          <ng-container matColumnDef="uploadedAt">
            <th mat-header-cell *matHeaderCellDef scope="col">Déposé le</th>
            <td mat-cell data-label="Déposé le" *matCellDef="let d">
              {{ asDocument(d).uploadedAt | instantFr }}
            </td>
          </ng-container>
          <ng-container matColumnDef="expiresOn">
            <th mat-header-cell *matHeaderCellDef scope="col">Expire le</th>
            <td mat-cell data-label="Expire le" *matCellDef="let d">
              {{ (asDocument(d).expiresOn | dayFr) || '—' }}
            </td>
          </ng-container>
          <ng-container matColumnDef="state">
            <th mat-header-cell *matHeaderCellDef scope="col">État</th>
            <td mat-cell data-label="État" *matCellDef="let d">
              @if (asDocument(d).expired) {
                <span class="badge badge-error">Expiré</span>
              } @else if (asDocument(d).expiringSoon) {
                <span class="badge badge-warning">Expire bientôt</span>
              } @else {
                <span class="badge badge-success">Valide</span>
              }
            </td>
          </ng-container>
          <ng-container matColumnDef="download">
            <th mat-header-cell *matHeaderCellDef scope="col">Téléchargement</th>
            <td mat-cell data-label="Téléchargement" *matCellDef="let d">
              <button mat-stroked-button type="button" (click)="download.emit(asDocument(d))">
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
  readonly caption = input('Documents');
  readonly emptyText = input("Aucun document n'a été déposé.");
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
    if (!document.childId) return 'Toute la famille';
    const child = this.children().find((candidate) => candidate.id === document.childId);
    return child ? `${child.firstName} ${child.lastName}` : 'Un enfant';
  }
  protected asDocument(row: unknown): DocumentView {
    return row as DocumentView;
  }
}

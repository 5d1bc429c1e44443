import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { RequestSummaryView, RequestTypeView } from '@foyer/shared/contracts';
import { DayFrPipe, ErrorAlert, toFormError } from '@foyer/web/core';
import { RequestsApi } from '../data-access/requests-api';
import { statusBadgeClass, statusLabel } from '../ui/labels';

/** /demarches: « Mes démarches » (the household's requests and their status) and the catalogue. */
@Component({
  selector: 'foyer-requests-home-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, DayFrPipe, ErrorAlert],
  template: `
    <h1>Mes démarches</h1>
    <p class="lead">
      Demandez un service à la mairie en ligne, sans vous déplacer : suivez ici chaque demande, répondez aux
      questions des agents et recevez la décision.
    </p>

    <section class="panel" aria-labelledby="mine-title">
      <h2 id="mine-title">Mes demandes</h2>
      <foyer-error-alert [message]="listError()" />
      <p role="status">{{ listStatus() }}</p>
      @if (requests().length > 0) {
        <div class="stacked-table">
          <table class="data-table">
            <caption class="visually-hidden">
              Mes demandes, de la plus récente à la plus ancienne
            </caption>
            <thead>
              <tr>
                <th scope="col">Numéro</th>
                <th scope="col">Démarche</th>
                <th scope="col">État</th>
                <th scope="col">Mise à jour</th>
                <th scope="col">Réponse prévue</th>
              </tr>
            </thead>
            <tbody>
              @for (request of requests(); track request.id) {
                <tr>
                  <td data-label="Numéro">
                    <a [routerLink]="['/demarches', request.id]">{{ request.number }}</a>
                  </td>
                  <td data-label="Démarche">{{ request.typeTitle }}</td>
                  <td data-label="État">
                    <span [class]="badge(request)">{{ label(request) }}</span>
                    @if (request.actionRequired) {
                      <strong class="action-required"> — action attendue de votre part</strong>
                    }
                  </td>
                  <td data-label="Mise à jour">{{ request.updatedAt | dayFr }}</td>
                  <td data-label="Réponse prévue">{{ (request.dueOn | dayFr) || '—' }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
    </section>

    <section class="panel" aria-labelledby="catalogue-title">
      <h2 id="catalogue-title">Faire une démarche</h2>
      <foyer-error-alert [message]="typesError()" />
      @if (typesLoading()) {
        <p role="status">Chargement des démarches…</p>
      }
      <ul class="card-grid plain-list">
        @for (type of types(); track type.id) {
          <li class="tile">
            <h3>
              <a [routerLink]="['/demarches/nouvelle', type.code]">{{ type.title }}</a>
            </h3>
            <p>{{ type.description }}</p>
            <p class="muted">Réponse de la mairie sous {{ type.targetDays }} jours.</p>
            @if (type.requiredDocuments.length > 0) {
              <p class="muted">
                Pièces à fournir :
                {{ documentsText(type) }}
              </p>
            }
          </li>
        }
      </ul>
    </section>
  `,
  styles: `
    .tile {
      padding: 1rem 1.25rem;
      background: #fff;
      border: 1px solid #c4c7cf;
      border-top: 4px solid var(--foyer-brand);
      border-radius: 8px;
    }
    .tile h3 {
      margin-top: 0;
      font-size: 1.1rem;
    }
    .tile p {
      margin: 0.35rem 0 0;
    }
    .action-required {
      display: inline;
    }
    table {
      border-collapse: collapse;
    }
    th,
    td {
      text-align: left;
      padding: 0.5rem;
      border-bottom: 1px solid #c4c7cf;
      vertical-align: top;
    }
  `,
})
export class RequestsHomePage implements OnInit {
  private readonly api = inject(RequestsApi);

  protected readonly requests = signal<RequestSummaryView[]>([]);
  protected readonly types = signal<RequestTypeView[]>([]);
  protected readonly listLoading = signal(true);
  protected readonly typesLoading = signal(true);
  protected readonly listError = signal<string | null>(null);
  protected readonly typesError = signal<string | null>(null);

  protected readonly listStatus = computed(() => {
    if (this.listLoading()) return 'Chargement de vos demandes…';
    if (this.listError()) return '';
    const count = this.requests().length;
    const waiting = this.requests().filter((request) => request.actionRequired).length;
    if (count === 0) return 'Vous n’avez encore fait aucune démarche en ligne.';
    const total = count === 1 ? '1 demande.' : `${count} demandes.`;
    if (waiting === 0) return total;
    return `${total} ${waiting === 1 ? '1 attend votre réponse.' : `${waiting} attendent votre réponse.`}`;
  });

  protected readonly badge = (request: RequestSummaryView) => statusBadgeClass(request.status);
  protected readonly label = (request: RequestSummaryView) => statusLabel(request.status);

  ngOnInit(): void {
    void this.loadRequests();
    void this.loadTypes();
  }

  protected documentsText(type: RequestTypeView): string {
    return type.requiredDocuments
      .map((document) => (document.optional ? `${document.label} (facultatif)` : document.label))
      .join(', ');
  }

  private async loadRequests(): Promise<void> {
    try {
      this.requests.set(await this.api.list());
      this.listError.set(null);
    } catch (failure) {
      this.listError.set(toFormError(failure).message);
    } finally {
      this.listLoading.set(false);
    }
  }

  private async loadTypes(): Promise<void> {
    try {
      this.types.set((await this.api.types()).filter((type) => type.active));
      this.typesError.set(null);
    } catch (failure) {
      this.typesError.set(toFormError(failure).message);
    } finally {
      this.typesLoading.set(false);
    }
  }
}

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
    <h1 i18n="@@requests.home.title">Mes démarches</h1>
    <p class="lead" i18n="@@requests.home.lead">
      Demandez un service à la mairie en ligne, sans vous déplacer : suivez ici chaque demande, répondez aux
      questions des agents et recevez la décision.
    </p>

    <section class="panel" aria-labelledby="mine-title">
      <h2 id="mine-title" i18n="@@requests.home.mine">Mes demandes</h2>
      <foyer-error-alert [message]="listError()" />
      <p role="status">{{ listStatus() }}</p>
      @if (requests().length > 0) {
        <div class="stacked-table">
          <table class="data-table">
            <caption class="visually-hidden" i18n="@@requests.home.caption">
              Mes demandes, de la plus récente à la plus ancienne
            </caption>
            <thead>
              <tr>
                <th scope="col" i18n="@@requests.home.number">Numéro</th>
                <th scope="col" i18n="@@requests.home.type">Démarche</th>
                <th scope="col" i18n="@@requests.home.state">État</th>
                <th scope="col" i18n="@@requests.home.updatedAt">Mise à jour</th>
                <th scope="col" i18n="@@requests.home.dueOn">Réponse prévue</th>
              </tr>
            </thead>
            <tbody>
              @for (request of requests(); track request.id) {
                <tr>
                  <td data-label="Numéro" i18n-data-label="@@requests.home.numberLabel">
                    <a [routerLink]="['/demarches', request.id]">{{ request.number }}</a>
                  </td>
                  <td data-label="Démarche" i18n-data-label="@@requests.home.typeLabel">
                    {{ request.typeTitle }}
                  </td>
                  <td data-label="État" i18n-data-label="@@requests.home.stateLabel">
                    <span [class]="badge(request)">{{ label(request) }}</span>
                    @if (request.actionRequired) {
                      <strong class="action-required" i18n="@@requests.home.actionRequired">
                        — action attendue de votre part</strong
                      >
                    }
                  </td>
                  <td data-label="Mise à jour" i18n-data-label="@@requests.home.updatedAtLabel">
                    {{ request.updatedAt | dayFr }}
                  </td>
                  <td data-label="Réponse prévue" i18n-data-label="@@requests.home.dueOnLabel">
                    {{ (request.dueOn | dayFr) || '—' }}
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
    </section>

    <section class="panel" aria-labelledby="catalogue-title">
      <h2 id="catalogue-title" i18n="@@requests.home.catalogue">Faire une démarche</h2>
      <foyer-error-alert [message]="typesError()" />
      @if (typesLoading()) {
        <p role="status" i18n="@@requests.home.typesLoading">Chargement des démarches…</p>
      }
      <ul class="card-grid plain-list">
        @for (type of types(); track type.id) {
          <li class="tile">
            <h3>
              <a [routerLink]="['/demarches/nouvelle', type.code]">{{ type.title }}</a>
            </h3>
            <p>{{ type.description }}</p>
            <p class="muted" i18n="@@requests.home.targetDays">
              Réponse de la mairie sous {{ type.targetDays }} jours.
            </p>
            @if (type.requiredDocuments.length > 0) {
              <p class="muted" i18n="@@requests.home.requiredDocuments">
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
    if (this.listLoading()) return $localize`:@@requests.home.listLoading:Chargement de vos demandes…`;
    if (this.listError()) return '';
    const count = this.requests().length;
    const waiting = this.requests().filter((request) => request.actionRequired).length;
    if (count === 0)
      return $localize`:@@requests.home.listEmpty:Vous n’avez encore fait aucune démarche en ligne.`;
    const total =
      count === 1
        ? $localize`:@@requests.home.countOne:1 demande.`
        : $localize`:@@requests.home.countMany:${count}:count: demandes.`;
    if (waiting === 0) return total;
    const waitingText =
      waiting === 1
        ? $localize`:@@requests.home.waitingOne:1 attend votre réponse.`
        : $localize`:@@requests.home.waitingMany:${waiting}:count: attendent votre réponse.`;
    return `${total} ${waitingText}`;
  });

  protected readonly badge = (request: RequestSummaryView) => statusBadgeClass(request.status);
  protected readonly label = (request: RequestSummaryView) => statusLabel(request.status);

  ngOnInit(): void {
    void this.loadRequests();
    void this.loadTypes();
  }

  protected documentsText(type: RequestTypeView): string {
    return type.requiredDocuments
      .map((document) =>
        document.optional
          ? $localize`:@@requests.home.optionalDocument:${document.label}:document: (facultatif)`
          : document.label,
      )
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

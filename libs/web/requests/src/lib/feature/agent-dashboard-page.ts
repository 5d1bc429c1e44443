import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  LOCALE_ID,
  OnInit,
  signal,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { type RequestDashboardView, RequestStatus } from '@foyer/shared/contracts';
import { ErrorAlert, toFormError } from '@foyer/web/core';
import { AgentRequestsApi } from '../data-access/requests-api';
import { statusLabel } from '../ui/labels';

/** /agent/demarches/tableau-de-bord: what waits, what is late, how long a decision takes. */
@Component({
  selector: 'foyer-agent-dashboard-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, ErrorAlert],
  template: `
    <p>
      <a routerLink="/agent/demarches" i18n="@@requests.dashboard.back"
        ><span aria-hidden="true">← </span>File de traitement</a
      >
    </p>
    <h1 i18n="@@requests.dashboard.title">Tableau de bord des démarches</h1>
    <foyer-error-alert [message]="error()" />
    @if (dashboard(); as dashboard) {
      <ul class="card-grid plain-list figures">
        <li class="tile">
          <p class="figure">{{ dashboard.overdue }}</p>
          <p>
            <a
              routerLink="/agent/demarches"
              [queryParams]="{ overdue: 'true' }"
              i18n="@@requests.dashboard.overdue"
              >Demandes en retard</a
            >
          </p>
        </li>
        <li class="tile">
          <p class="figure">{{ dashboard.mine }}</p>
          <p>
            <a
              routerLink="/agent/demarches"
              [queryParams]="{ assignee: 'me' }"
              i18n="@@requests.dashboard.mine"
              >Attribuées à moi</a
            >
          </p>
        </li>
        <li class="tile">
          <p class="figure">{{ dashboard.unassigned }}</p>
          <p>
            <a
              routerLink="/agent/demarches"
              [queryParams]="{ assignee: 'none' }"
              i18n="@@requests.dashboard.unassigned"
              >Non attribuées</a
            >
          </p>
        </li>
        <li class="tile">
          <p class="figure">{{ average() }}</p>
          <p i18n="@@requests.dashboard.average">Délai moyen de décision (90 derniers jours)</p>
        </li>
      </ul>

      <section class="panel" aria-labelledby="by-status-title">
        <h2 id="by-status-title" i18n="@@requests.dashboard.byStatus">Demandes par état</h2>
        <div class="stacked-table">
          <table>
            <caption class="visually-hidden" i18n="@@requests.dashboard.byStatusCaption">
              Nombre de demandes par état
            </caption>
            <thead>
              <tr>
                <th scope="col" i18n="@@requests.dashboard.colStatus">État</th>
                <th scope="col" i18n="@@requests.dashboard.colCount">Demandes</th>
              </tr>
            </thead>
            <tbody>
              @for (row of byStatus(); track row.status) {
                <tr>
                  <td data-label="État" i18n-data-label="@@requests.dashboard.cellStatus">
                    <a routerLink="/agent/demarches" [queryParams]="{ status: row.status }">{{
                      row.label
                    }}</a>
                  </td>
                  <td data-label="Demandes" i18n-data-label="@@requests.dashboard.cellCount">
                    {{ row.count }}
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      </section>

      <section class="panel" aria-labelledby="by-type-title">
        <h2 id="by-type-title" i18n="@@requests.dashboard.byType">Demandes ouvertes par démarche</h2>
        @if (dashboard.byType.length === 0) {
          <p i18n="@@requests.dashboard.noneOpen">Aucune demande ouverte.</p>
        } @else {
          <div class="stacked-table">
            <table>
              <caption class="visually-hidden" i18n="@@requests.dashboard.byTypeCaption">
                Demandes ouvertes et en retard par démarche
              </caption>
              <thead>
                <tr>
                  <th scope="col" i18n="@@requests.dashboard.colType">Démarche</th>
                  <th scope="col" i18n="@@requests.dashboard.colOpen">Ouvertes</th>
                  <th scope="col" i18n="@@requests.dashboard.colOverdue">En retard</th>
                </tr>
              </thead>
              <tbody>
                @for (row of dashboard.byType; track row.typeCode) {
                  <tr>
                    <td data-label="Démarche" i18n-data-label="@@requests.dashboard.cellType">
                      <a routerLink="/agent/demarches" [queryParams]="{ type: row.typeCode }">{{
                        row.typeTitle
                      }}</a>
                    </td>
                    <td data-label="Ouvertes" i18n-data-label="@@requests.dashboard.cellOpen">
                      {{ row.open }}
                    </td>
                    <td data-label="En retard" i18n-data-label="@@requests.dashboard.cellOverdue">
                      {{ row.overdue }}
                    </td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        }
      </section>
    } @else if (!error()) {
      <p role="status" i18n="@@requests.dashboard.loading">Chargement du tableau de bord…</p>
    }
  `,
  styles: `
    .tile {
      padding: 0.75rem 1.25rem;
      background: #fff;
      border: 1px solid #c4c7cf;
      border-top: 4px solid var(--foyer-brand);
      border-radius: 8px;
    }
    .tile p {
      margin: 0.2rem 0;
    }
    .figure {
      font-size: 1.75rem;
      font-weight: 700;
    }
    table {
      border-collapse: collapse;
      width: 100%;
    }
    th,
    td {
      text-align: left;
      padding: 0.5rem;
      border-bottom: 1px solid #c4c7cf;
    }
  `,
})
export class AgentDashboardPage implements OnInit {
  private readonly api = inject(AgentRequestsApi);
  private readonly locale = inject(LOCALE_ID);
  protected readonly dashboard = signal<RequestDashboardView | null>(null);
  protected readonly error = signal<string | null>(null);

  protected readonly byStatus = computed(() => {
    const counts = this.dashboard()?.byStatus;
    if (!counts) return [];
    return Object.values(RequestStatus)
      .filter((status) => status !== RequestStatus.Draft)
      .map((status) => ({ status, label: statusLabel(status, true), count: counts[status] ?? 0 }));
  });

  protected readonly average = computed(() => {
    const value = this.dashboard()?.averageProcessingDays;
    if (value === null || value === undefined) return '—';
    const days = new Intl.NumberFormat(this.locale, { maximumFractionDigits: 1 }).format(value);
    return value < 2
      ? $localize`:@@requests.dashboard.averageDay:${days}:days: jour`
      : $localize`:@@requests.dashboard.averageDays:${days}:days: jours`;
  });

  async ngOnInit(): Promise<void> {
    try {
      this.dashboard.set(await this.api.dashboard());
    } catch (failure) {
      this.error.set(toFormError(failure).message);
    }
  }
}

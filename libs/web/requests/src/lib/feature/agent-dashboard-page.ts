import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { type RequestDashboardView, RequestStatus } from '@foyer/shared/contracts';
import { ErrorAlert, toFormError } from '@foyer/web/core';
import { AgentRequestsApi } from '../data-access/requests-api';
import { statusLabel } from '../ui/labels';

const days = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

/** /agent/demarches/tableau-de-bord: what waits, what is late, how long a decision takes. */
@Component({
  selector: 'foyer-agent-dashboard-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, ErrorAlert],
  template: `
    <p>
      <a routerLink="/agent/demarches"><span aria-hidden="true">← </span>File de traitement</a>
    </p>
    <h1>Tableau de bord des démarches</h1>
    <foyer-error-alert [message]="error()" />
    @if (dashboard(); as dashboard) {
      <ul class="card-grid plain-list figures">
        <li class="tile">
          <p class="figure">{{ dashboard.overdue }}</p>
          <p><a routerLink="/agent/demarches" [queryParams]="{ overdue: 'true' }">Demandes en retard</a></p>
        </li>
        <li class="tile">
          <p class="figure">{{ dashboard.mine }}</p>
          <p><a routerLink="/agent/demarches" [queryParams]="{ assignee: 'me' }">Attribuées à moi</a></p>
        </li>
        <li class="tile">
          <p class="figure">{{ dashboard.unassigned }}</p>
          <p><a routerLink="/agent/demarches" [queryParams]="{ assignee: 'none' }">Non attribuées</a></p>
        </li>
        <li class="tile">
          <p class="figure">{{ average() }}</p>
          <p>Délai moyen de décision (90 derniers jours)</p>
        </li>
      </ul>

      <section class="panel" aria-labelledby="by-status-title">
        <h2 id="by-status-title">Demandes par état</h2>
        <div class="stacked-table">
          <table>
            <caption class="visually-hidden">
              Nombre de demandes par état
            </caption>
            <thead>
              <tr>
                <th scope="col">État</th>
                <th scope="col">Demandes</th>
              </tr>
            </thead>
            <tbody>
              @for (row of byStatus(); track row.status) {
                <tr>
                  <td data-label="État">
                    <a routerLink="/agent/demarches" [queryParams]="{ status: row.status }">{{
                      row.label
                    }}</a>
                  </td>
                  <td data-label="Demandes">{{ row.count }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      </section>

      <section class="panel" aria-labelledby="by-type-title">
        <h2 id="by-type-title">Demandes ouvertes par démarche</h2>
        @if (dashboard.byType.length === 0) {
          <p>Aucune demande ouverte.</p>
        } @else {
          <div class="stacked-table">
            <table>
              <caption class="visually-hidden">
                Demandes ouvertes et en retard par démarche
              </caption>
              <thead>
                <tr>
                  <th scope="col">Démarche</th>
                  <th scope="col">Ouvertes</th>
                  <th scope="col">En retard</th>
                </tr>
              </thead>
              <tbody>
                @for (row of dashboard.byType; track row.typeCode) {
                  <tr>
                    <td data-label="Démarche">
                      <a routerLink="/agent/demarches" [queryParams]="{ type: row.typeCode }">{{
                        row.typeTitle
                      }}</a>
                    </td>
                    <td data-label="Ouvertes">{{ row.open }}</td>
                    <td data-label="En retard">{{ row.overdue }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        }
      </section>
    } @else if (!error()) {
      <p role="status">Chargement du tableau de bord…</p>
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
    return `${days.format(value)} ${value < 2 ? 'jour' : 'jours'}`;
  });

  async ngOnInit(): Promise<void> {
    try {
      this.dashboard.set(await this.api.dashboard());
    } catch (failure) {
      this.error.set(toFormError(failure).message);
    }
  }
}

import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { REQUEST_EFFECT_LABELS, type RequestTypeView } from '@foyer/shared/contracts';
import { ErrorAlert, InstantFrPipe, toFormError } from '@foyer/web/core';
import { RequestTypesAdminApi } from '../data-access/requests-api';
import { SCOPE_LABELS } from '../ui/admin-labels';

/** /admin/types-demarches: the request types the city offers, each with its form. */
@Component({
  selector: 'foyer-admin-request-types-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, ErrorAlert, InstantFrPipe],
  template: `
    <p>
      <a routerLink="/admin"><span aria-hidden="true">← </span>Administration</a>
    </p>
    <h1>Types de démarches</h1>
    <p class="lead">
      Chaque démarche a son formulaire, décrit en JSON Schema : le portail l’affiche aux familles et l’API
      vérifie chaque envoi avec le même schéma.
    </p>
    <p><a routerLink="/admin/types-demarches/nouveau">Créer un type de démarche</a></p>
    <foyer-error-alert [message]="error()" />
    @if (loading()) {
      <p role="status">Chargement…</p>
    } @else {
      <div class="stacked-table">
        <table>
          <caption class="visually-hidden">
            Types de démarches
          </caption>
          <thead>
            <tr>
              <th scope="col">Démarche</th>
              <th scope="col">Code</th>
              <th scope="col">Traitée par</th>
              <th scope="col">Effet à l’acceptation</th>
              <th scope="col">Délai</th>
              <th scope="col">Proposée</th>
              <th scope="col">Modifiée le</th>
            </tr>
          </thead>
          <tbody>
            @for (type of types(); track type.id) {
              <tr>
                <td data-label="Démarche">
                  <a [routerLink]="['/admin/types-demarches', type.id]">{{ type.title }}</a>
                </td>
                <td data-label="Code">
                  <code>{{ type.code }}</code>
                </td>
                <td data-label="Traitée par">{{ scopes[type.scope] }}</td>
                <td data-label="Effet à l’acceptation">{{ effects[type.effect] }}</td>
                <td data-label="Délai">{{ type.targetDays }} jours</td>
                <td data-label="Proposée">{{ type.active ? 'Oui' : 'Non (masquée)' }}</td>
                <td data-label="Modifiée le">{{ type.updatedAt | instantFr }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    }
  `,
  styles: `
    table {
      border-collapse: collapse;
      width: 100%;
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
export class AdminRequestTypesPage implements OnInit {
  private readonly api = inject(RequestTypesAdminApi);
  protected readonly types = signal<RequestTypeView[]>([]);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  protected readonly scopes = SCOPE_LABELS;
  protected readonly effects = REQUEST_EFFECT_LABELS;

  async ngOnInit(): Promise<void> {
    try {
      this.types.set(await this.api.list());
    } catch (failure) {
      this.error.set(toFormError(failure).message);
    } finally {
      this.loading.set(false);
    }
  }
}

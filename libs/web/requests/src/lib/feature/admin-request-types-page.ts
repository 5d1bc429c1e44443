import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { RequestTypeView } from '@foyer/shared/contracts';
import { ErrorAlert, InstantFrPipe, toFormError } from '@foyer/web/core';
import { RequestTypesAdminApi } from '../data-access/requests-api';
import { EFFECT_LABELS, SCOPE_LABELS } from '../ui/admin-labels';

/** /admin/types-demarches: the request types the city offers, each with its form. */
@Component({
  selector: 'foyer-admin-request-types-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, ErrorAlert, InstantFrPipe],
  template: `
    <p>
      <a routerLink="/admin" i18n="@@requests.types.back"><span aria-hidden="true">← </span>Administration</a>
    </p>
    <h1 i18n="@@requests.types.title">Types de démarches</h1>
    <p class="lead" i18n="@@requests.types.lead">
      Chaque démarche a son formulaire, décrit en JSON Schema : le portail l’affiche aux familles et l’API
      vérifie chaque envoi avec le même schéma.
    </p>
    <p>
      <a routerLink="/admin/types-demarches/nouveau" i18n="@@requests.types.create"
        >Créer un type de démarche</a
      >
    </p>
    <foyer-error-alert [message]="error()" />
    @if (loading()) {
      <p role="status" i18n="@@requests.types.loading">Chargement…</p>
    } @else {
      <div class="stacked-table">
        <table>
          <caption class="visually-hidden" i18n="@@requests.types.caption">
            Types de démarches
          </caption>
          <thead>
            <tr>
              <th scope="col" i18n="@@requests.types.colTitle">Démarche</th>
              <th scope="col" i18n="@@requests.types.colCode">Code</th>
              <th scope="col" i18n="@@requests.types.colScope">Traitée par</th>
              <th scope="col" i18n="@@requests.types.colEffect">Effet à l’acceptation</th>
              <th scope="col" i18n="@@requests.types.colTarget">Délai</th>
              <th scope="col" i18n="@@requests.types.colActive">Proposée</th>
              <th scope="col" i18n="@@requests.types.colUpdated">Modifiée le</th>
            </tr>
          </thead>
          <tbody>
            @for (type of types(); track type.id) {
              <tr>
                <td data-label="Démarche" i18n-data-label="@@requests.types.cellTitle">
                  <a [routerLink]="['/admin/types-demarches', type.id]">{{ type.title }}</a>
                </td>
                <td data-label="Code" i18n-data-label="@@requests.types.cellCode">
                  <code>{{ type.code }}</code>
                </td>
                <td data-label="Traitée par" i18n-data-label="@@requests.types.cellScope">
                  {{ scopes[type.scope] }}
                </td>
                <td data-label="Effet à l’acceptation" i18n-data-label="@@requests.types.cellEffect">
                  {{ effects[type.effect] }}
                </td>
                <td data-label="Délai" i18n-data-label="@@requests.types.cellTarget">
                  <ng-container i18n="@@requests.types.targetDays">{{ type.targetDays }} jours</ng-container>
                </td>
                <td data-label="Proposée" i18n-data-label="@@requests.types.cellActive">
                  @if (type.active) {
                    <ng-container i18n="@@requests.types.activeYes">Oui</ng-container>
                  } @else {
                    <ng-container i18n="@@requests.types.activeNo">Non (masquée)</ng-container>
                  }
                </td>
                <td data-label="Modifiée le" i18n-data-label="@@requests.types.cellUpdated">
                  {{ type.updatedAt | instantFr }}
                </td>
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
  protected readonly effects = EFFECT_LABELS;

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

import { ChangeDetectionStrategy, Component, computed, inject, OnInit } from '@angular/core';
import { RouterLink } from '@angular/router';
import { Permission } from '@foyer/shared/contracts';
import { AuthStore } from '@foyer/web/core';
import { AGENT_BILLING_MENU } from '../agent-billing-menu';
import { PendingQuotientsStore } from '../data-access/pending-quotients-store';

@Component({
  selector: 'foyer-agent-home-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <h1 i18n="@@agent.home.title">Espace agent</h1>
    <p class="lead" i18n="@@agent.home.lead">
      Bonjour {{ auth.me()?.firstName }}. Les dossiers des familles, pour les services de la ville.
    </p>
    <ul class="card-grid plain-list">
      <li class="tile">
        <h2><a routerLink="/agent/familles" i18n="@@agent.home.searchLink">Rechercher une famille</a></h2>
        <p i18n="@@agent.home.searchDescription">
          Par le nom d'un parent ou d'un enfant, une adresse e-mail ou un numéro de téléphone.
        </p>
      </li>
      @if (canProcessRequests()) {
        <li class="tile">
          <h2>
            <a routerLink="/agent/demarches" i18n="@@agent.home.requestsLink"
              >File de traitement des démarches</a
            >
          </h2>
          <p i18n="@@agent.home.requestsDescription">
            Les demandes des familles à instruire : filtres, attribution, questions, décisions.
          </p>
        </li>
      }
      @if (canValidate()) {
        <li class="tile">
          <h2>
            <a routerLink="/agent/quotients" i18n="@@agent.home.quotientsLink"
              >Quotients familiaux à valider</a
            >
          </h2>
          <p role="status">
            @if (quotients.ready()) {
              {{ pendingText() }}
            } @else if (quotients.error()) {
              <ng-container i18n="@@agent.home.quotientsError"
                >Le nombre de déclarations en attente n'a pas pu être chargé.</ng-container
              >
            } @else {
              <ng-container i18n="@@agent.home.quotientsLoading">Chargement…</ng-container>
            }
          </p>
        </li>
      }
      @if (canBook()) {
        @for (tile of bookingTiles; track tile.path) {
          <li class="tile">
            <h2>
              <a [routerLink]="tile.path">{{ tile.label }}</a>
            </h2>
            <p>{{ tile.description }}</p>
          </li>
        }
      }
      @for (item of billingItems(); track item.path) {
        <li class="tile">
          <h2>
            <a [routerLink]="item.path">{{ item.label }}</a>
          </h2>
          <p>{{ item.description }}</p>
        </li>
      }
    </ul>
  `,
  styles: `
    .tile {
      padding: 1rem 1.25rem;
      background: #fff;
      border: 1px solid #c4c7cf;
      border-top: 4px solid var(--foyer-brand);
      border-radius: 8px;
    }
    .tile h2 {
      margin-top: 0;
      font-size: 1.15rem;
    }
    .tile p {
      margin: 0;
    }
  `,
})
export class AgentHomePage implements OnInit {
  protected readonly auth = inject(AuthStore);
  protected readonly quotients = inject(PendingQuotientsStore);
  protected readonly canValidate = computed(() => this.auth.can(Permission.QuotientValidate));
  /** Bookings pages: agents of scope enfance. */
  protected readonly canBook = computed(() => this.auth.can(Permission.BookingsManage));
  protected readonly bookingTiles = [
    {
      path: '/agent/pointage',
      label: $localize`:@@agent.home.attendance:Pointage`,
      description: $localize`:@@agent.home.attendanceDescription:Les enfants attendus, leurs allergies et PAI ; présent ou absent d'un geste.`,
    },
    {
      path: '/agent/inscriptions',
      label: $localize`:@@agent.home.enrolments:Demandes d'inscription`,
      description: $localize`:@@agent.home.enrolmentsDescription:Accepter ou refuser, avec un motif, les inscriptions aux activités.`,
    },
    {
      path: '/agent/fermetures',
      label: $localize`:@@agent.home.closures:Fermetures`,
      description: $localize`:@@agent.home.closuresDescription:Fermer un site ou une activité un jour ou une période ; les familles sont prévenues.`,
    },
    {
      path: '/agent/repas',
      label: $localize`:@@agent.home.meals:Effectifs des repas`,
      description: $localize`:@@agent.home.mealsDescription:Les repas par école et par régime, à imprimer ou en fichier CSV.`,
    },
  ];
  protected readonly billingItems = computed(() =>
    AGENT_BILLING_MENU.filter((item) => this.auth.can(item.permission)),
  );
  protected readonly canProcessRequests = computed(() => this.auth.can(Permission.RequestsProcess));
  protected readonly pendingText = computed(() => {
    const count = this.quotients.count();
    return count === 0
      ? $localize`:@@agent.home.pendingNone:Aucune déclaration en attente.`
      : count === 1
        ? $localize`:@@agent.home.pendingOne:1 déclaration attend une décision.`
        : $localize`:@@agent.home.pendingMany:${count}:count: déclarations attendent une décision.`;
  });

  ngOnInit(): void {
    if (this.canValidate()) void this.quotients.load();
  }
}

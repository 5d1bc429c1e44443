import { NgComponentOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  InjectionToken,
  signal,
  Type,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { Permission } from '@foyer/shared/contracts';
import { AuthStore } from '../auth/auth-store';
import { cityNameInSentence } from '../city';

/**
 * The home page's news section, loaded lazily: web/core cannot import a feature lib, so the app
 * provides the loader (the announcements lib's HomeAnnouncements).
 */
export const HOME_NEWS = new InjectionToken<() => Promise<Type<unknown>>>('HOME_NEWS');

interface Tile {
  path: string;
  title: string;
  text: string;
}

@Component({
  selector: 'foyer-home-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, NgComponentOutlet],
  template: `
    @if (auth.me(); as me) {
      <h1 i18n="@@core.homePage.hello">Bonjour {{ me.firstName }}</h1>
      <p i18n="@@core.homePage.whatWouldYouLike" class="lead">Que souhaitez-vous faire aujourd'hui ?</p>
    } @else {
      <h1 i18n="@@core.homePage.welcomeFamilyPortal">Bienvenue sur le portail famille</h1>
      <p i18n="@@core.homePage.registerChildrenSchoolMeals" class="lead">
        Inscrivez vos enfants à la restauration scolaire et à l'accueil périscolaire, consultez vos factures
        et faites vos démarches auprès de la {{ cityInSentence }}, en ligne.
      </p>
      <div class="actions">
        <a i18n="@@core.homePage.signIn" class="link-button link-button-primary" routerLink="/connexion"
          >Me connecter</a
        >
        <a i18n="@@core.homePage.createAccount" class="link-button" routerLink="/inscription"
          >Créer un compte</a
        >
      </div>
    }

    <h2 i18n="@@core.homePage.services">Vos services</h2>
    <ul class="card-grid plain-list">
      @for (tile of tiles(); track tile.path) {
        <li>
          <div class="tile">
            <h3>
              <a [routerLink]="tile.path">{{ tile.title }}</a>
            </h3>
            <p>{{ tile.text }}</p>
          </div>
        </li>
      }
    </ul>

    <!-- After the services: the news arrive after start-up and would push the tiles down (a layout
         shift of 0.19 on a phone, measured). -->
    @if (news(); as news) {
      <ng-container *ngComponentOutlet="news" />
    }
  `,
  styles: `
    .tile {
      height: 100%;
      padding: 1rem 1.25rem;
      background: #fff;
      border: 1px solid #c4c7cf;
      border-top: 4px solid var(--foyer-brand);
      border-radius: 8px;
    }
    .tile h3 {
      margin-top: 0;
    }
    .tile p {
      margin: 0;
    }
  `,
})
export class HomePage {
  protected readonly auth = inject(AuthStore);
  protected readonly cityInSentence = cityNameInSentence();
  protected readonly news = signal<Type<unknown> | null>(null);

  constructor() {
    const load = inject(HOME_NEWS, { optional: true });
    void load?.().then((component) => this.news.set(component));
  }

  protected readonly tiles = computed<Tile[]>(() => [
    {
      path: '/famille',
      title: $localize`:@@core.homePage.tile.family:Ma famille`,
      text: $localize`:@@core.homePage.tile.familyText:Vos enfants, vos coordonnées, votre quotient familial et vos justificatifs.`,
    },
    {
      path: '/reservations',
      title: $localize`:@@core.homePage.tile.bookings:Réservations`,
      text: $localize`:@@core.homePage.tile.bookingsText:Cantine, accueil du matin et du soir, mercredis et vacances.`,
    },
    {
      path: '/factures',
      title: $localize`:@@core.homePage.tile.invoices:Factures`,
      text: $localize`:@@core.homePage.tile.invoicesText:Vos factures mensuelles et leur paiement en ligne.`,
    },
    {
      path: '/demarches',
      title: $localize`:@@core.homePage.tile.requests:Démarches`,
      text: $localize`:@@core.homePage.tile.requestsText:Vos demandes auprès des services de la ville et leur suivi.`,
    },
    ...(this.auth.can(Permission.HouseholdsRead)
      ? [
          {
            path: '/agent',
            title: $localize`:@@core.homePage.tile.agent:Espace agent`,
            text: $localize`:@@core.homePage.tile.agentText:Rechercher une famille, valider les quotients familiaux.`,
          },
        ]
      : []),
  ]);
}

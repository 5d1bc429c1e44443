import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';

/** Placeholder for the parts of the portal still being built; the heading comes from the route's data. */
@Component({
  selector: 'foyer-coming-soon-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <h1>{{ heading() }}</h1>
    <div class="notice">
      <p><strong i18n="@@core.comingSoonPage.comingSoon">Bientôt disponible.</strong></p>
      <p i18n="@@core.comingSoonPage.partPortalBeingPrepared">
        Cette partie du portail est en préparation. En attendant, l'accueil de la mairie répond à vos
        questions.
      </p>
    </div>
    <p><a i18n="@@core.comingSoonPage.backHomePage" routerLink="/">Retour à l'accueil</a></p>
  `,
})
export class ComingSoonPage {
  readonly heading = input($localize`:@@core.comingSoonPage.defaultHeading:Bientôt disponible`);
}

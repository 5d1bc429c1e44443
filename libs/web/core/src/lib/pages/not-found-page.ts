import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';

@Component({
  selector: 'foyer-not-found-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <h1 i18n="@@core.notFoundPage.pageNotFound">Page introuvable</h1>
    <p i18n="@@core.notFoundPage.addressEnteredDoesNot">
      L'adresse saisie ne correspond à aucune page du portail. Elle a peut-être changé.
    </p>
    <p><a i18n="@@core.notFoundPage.backHomePage" routerLink="/">Retour à l'accueil</a></p>
  `,
})
export class NotFoundPage {}

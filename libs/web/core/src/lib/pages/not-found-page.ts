import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';

@Component({
  selector: 'foyer-not-found-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <h1 i18n="@@zz.core.notFoundPage.m1">Page introuvable</h1>
    <p i18n="@@zz.core.notFoundPage.m2">
      L'adresse saisie ne correspond à aucune page du portail. Elle a peut-être changé.
    </p>
    <p><a i18n="@@zz.core.notFoundPage.m3" routerLink="/">Retour à l'accueil</a></p>
  `,
})
export class NotFoundPage {}

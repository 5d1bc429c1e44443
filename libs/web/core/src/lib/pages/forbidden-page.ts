import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';

@Component({
  selector: 'foyer-forbidden-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <h1 i18n="@@core.forbiddenPage.accessDenied">Accès refusé</h1>
    <p i18n="@@core.forbiddenPage.accountCannotOpenPage">
      Votre compte ne permet pas d'ouvrir cette page. Si vous pensez que c'est une erreur, contactez la
      mairie.
    </p>
    <p><a i18n="@@core.forbiddenPage.backHomePage" routerLink="/">Retour à l'accueil</a></p>
  `,
})
export class ForbiddenPage {}

import { ChangeDetectionStrategy, Component } from '@angular/core';
import { cityName } from '../city';

@Component({
  selector: 'foyer-legal-notice-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 i18n="@@zz.core.legalNoticePage.m1">Mentions légales</h1>
    <h2 i18n="@@zz.core.legalNoticePage.m2">Éditeur</h2>
    <p i18n="@@zz.core.legalNoticePage.m3">
      {{ cityName }}, hôtel de ville. Directeur de la publication : le maire.
    </p>
    <h2 i18n="@@zz.core.legalNoticePage.m4">Hébergement</h2>
    <p i18n="@@zz.core.legalNoticePage.m5">
      Le portail est hébergé sur des serveurs situés en France, choisis par la ville.
    </p>
    <h2 i18n="@@zz.core.legalNoticePage.m6">Logiciel</h2>
    <p i18n="@@zz.core.legalNoticePage.m7">
      Le portail utilise Foyer, un logiciel libre publié sous licence GNU Affero General Public License
      (AGPL-3.0-or-later). Son code source est librement consultable et réutilisable.
    </p>
  `,
})
export class LegalNoticePage {
  protected readonly cityName = cityName();
}

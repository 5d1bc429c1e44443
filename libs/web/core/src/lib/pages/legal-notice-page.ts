import { ChangeDetectionStrategy, Component } from '@angular/core';
import { CITY_NAME } from '../city';

@Component({
  selector: 'foyer-legal-notice-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Mentions légales</h1>
    <h2>Éditeur</h2>
    <p>{{ cityName }}, hôtel de ville. Directeur de la publication : le maire.</p>
    <h2>Hébergement</h2>
    <p>Le portail est hébergé sur des serveurs situés en France, choisis par la ville.</p>
    <h2>Logiciel</h2>
    <p>
      Le portail utilise Foyer, un logiciel libre publié sous licence GNU Affero General Public License
      (AGPL-3.0-or-later). Son code source est librement consultable et réutilisable.
    </p>
  `,
})
export class LegalNoticePage {
  protected readonly cityName = CITY_NAME;
}

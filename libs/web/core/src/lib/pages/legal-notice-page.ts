import { ChangeDetectionStrategy, Component } from '@angular/core';
import { cityName } from '../city';

@Component({
  selector: 'foyer-legal-notice-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 i18n="@@core.legalNoticePage.legalNotice">Mentions légales</h1>
    <h2 i18n="@@core.legalNoticePage.publisher">Éditeur</h2>
    <p i18n="@@core.legalNoticePage.townHallPublicationDirector">
      {{ cityName }}, hôtel de ville. Directeur de la publication : le maire.
    </p>
    <h2 i18n="@@core.legalNoticePage.hosting">Hébergement</h2>
    <p i18n="@@core.legalNoticePage.portalHostedServersLocated">
      Le portail est hébergé sur des serveurs situés en France, choisis par la ville.
    </p>
    <h2 i18n="@@core.legalNoticePage.software">Logiciel</h2>
    <p i18n="@@core.legalNoticePage.portalRunsFoyerFree">
      Le portail utilise Foyer, un logiciel libre publié sous licence GNU Affero General Public License
      (AGPL-3.0-or-later). Son code source est librement consultable et réutilisable.
    </p>
  `,
})
export class LegalNoticePage {
  protected readonly cityName = cityName();
}

import { ChangeDetectionStrategy, Component } from '@angular/core';
import { cityName } from '../city';

@Component({
  selector: 'foyer-privacy-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 i18n="@@core.privacyPage.personalData">Données personnelles</h1>
    <h2 i18n="@@core.privacyPage.dataController">Responsable du traitement</h2>
    <p i18n="@@core.privacyPage.dataProcessedRunChildrens">
      {{ cityName }}. Les données sont traitées pour la gestion des services à l'enfance (restauration
      scolaire, accueils périscolaires et de loisirs), leur facturation et le suivi de vos démarches, dans le
      cadre de missions de service public.
    </p>
    <h2 i18n="@@core.privacyPage.dataCollected">Données collectées</h2>
    <p i18n="@@core.privacyPage.identityContactDetailsLegal">
      Identité et coordonnées des responsables légaux, informations sur les enfants utiles à leur accueil
      (école, classe, allergies, régime, projet d'accueil individualisé), quotient familial et justificatifs
      déposés.
    </p>
    <h2 i18n="@@core.privacyPage.retentionPeriod">Durée de conservation</h2>
    <p i18n="@@core.privacyPage.dataKeptWhileAccount">
      Les données sont conservées tant que le compte est actif, puis archivées pendant la durée imposée par
      les règles de la comptabilité publique pour les factures et paiements.
    </p>
    <h2 i18n="@@core.privacyPage.rights">Vos droits</h2>
    <p i18n="@@core.privacyPage.youMayAccessData">
      Vous pouvez accéder à vos données, les faire rectifier, demander leur effacement ou la limitation de
      leur traitement, en vous adressant au délégué à la protection des données de la ville. Vous pouvez aussi
      adresser une réclamation à la CNIL.
    </p>
    <h2 i18n="@@core.privacyPage.cookies">Cookies</h2>
    <p i18n="@@core.privacyPage.portalUsesSingleTechnical">
      Le portail n'utilise qu'un cookie technique, indispensable pour garder votre session ouverte. Aucun
      cookie de mesure d'audience ni de publicité n'est déposé.
    </p>
  `,
})
export class PrivacyPage {
  protected readonly cityName = cityName();
}

import { ChangeDetectionStrategy, Component } from '@angular/core';
import { CITY_NAME_IN_SENTENCE } from '../city';

@Component({
  selector: 'foyer-accessibility-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Déclaration d'accessibilité</h1>
    <p>
      La {{ cityInSentence }} s'engage à rendre son portail famille accessible, conformément à l'article 47 de
      la loi n° 2005-102 du 11 février 2005.
    </p>
    <p>Cette déclaration d'accessibilité s'applique au portail famille (Foyer).</p>

    <h2>État de conformité</h2>
    <p>
      Le portail famille est <strong>non conforme</strong> avec le référentiel général d'amélioration de
      l'accessibilité (RGAA), version 4.1 : <strong>l'audit de conformité n'a pas encore été réalisé</strong>.
    </p>
    <p>
      Le portail est pourtant conçu pour être utilisable au clavier seul et avec un lecteur d'écran : chaque
      page est vérifiée automatiquement à chaque modification. Ces vérifications ne remplacent pas un audit.
    </p>

    <h2>Contenus non accessibles</h2>
    <p>
      Tant que l'audit n'a pas eu lieu, la liste des non-conformités n'est pas connue. Si un contenu vous est
      inaccessible, signalez-le : nous vous apporterons l'information par un autre moyen.
    </p>

    <h2>Établissement de cette déclaration</h2>
    <p>
      Cette déclaration a été établie lors de la mise en service du portail. Elle sera mise à jour après
      l'audit.
    </p>

    <h2>Retour d'information et contact</h2>
    <p>
      Si vous n'arrivez pas à accéder à un contenu ou à un service, contactez l'accueil de la mairie, par
      courrier, par téléphone ou sur place, pour être orienté vers une alternative accessible.
    </p>

    <h2>Voies de recours</h2>
    <p>
      Si vous avez signalé un défaut d'accessibilité sans obtenir de réponse satisfaisante, vous pouvez écrire
      au Défenseur des droits, contacter le délégué du Défenseur des droits de votre région, ou écrire par
      courrier gratuit, sans affranchissement, à : Défenseur des droits, Libre réponse 71120, 75342 Paris
      CEDEX 07.
    </p>
  `,
})
export class AccessibilityPage {
  protected readonly cityInSentence = CITY_NAME_IN_SENTENCE;
}

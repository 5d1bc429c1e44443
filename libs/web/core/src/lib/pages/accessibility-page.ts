import { ChangeDetectionStrategy, Component, inject, LOCALE_ID } from '@angular/core';
import { CITY_NAME_IN_SENTENCE } from '../city';
import { RGAA_AUDIT, type RgaaConformityLevel } from './rgaa-audit.generated';

/** « partiellement conforme »: the words of the RGAA for a level, in the page's language. */
export function conformityLevelLabel(level: RgaaConformityLevel): string {
  switch (level) {
    case 'total':
      return $localize`:@@rgaa.level.total:totalement conforme`;
    case 'partial':
      return $localize`:@@rgaa.level.partial:partiellement conforme`;
    default:
      return $localize`:@@rgaa.level.none:non conforme`;
  }
}

function criteriaCounts(conforming: number, nonConforming: number, notApplicable: number) {
  return {
    conforming:
      conforming === 1
        ? $localize`:@@rgaa.statement.conformingOne:1 critère conforme`
        : $localize`:@@rgaa.statement.conformingOther:${conforming}:count: critères conformes`,
    nonConforming:
      nonConforming === 0
        ? $localize`:@@rgaa.statement.nonConformingNone:aucun critère non conforme`
        : nonConforming === 1
          ? $localize`:@@rgaa.statement.nonConformingOne:1 critère non conforme`
          : $localize`:@@rgaa.statement.nonConformingOther:${nonConforming}:count: critères non conformes`,
    notApplicable:
      notApplicable === 1
        ? $localize`:@@rgaa.statement.notApplicableOne:1 critère non applicable`
        : $localize`:@@rgaa.statement.notApplicableOther:${notApplicable}:count: critères non applicables`,
  };
}

/**
 * The accessibility statement (« déclaration d'accessibilité ») in the form DINUM's model gives it,
 * filled from the RGAA 4.1 self-audit (docs/accessibility/rgaa-audit.md, generated into
 * rgaa-audit.generated.ts): the level and rate, the unmet criteria, how it was tested, and whom
 * to contact or appeal to.
 */
@Component({
  selector: 'foyer-accessibility-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 i18n="@@rgaa.statement.title">Déclaration d'accessibilité</h1>
    <p i18n="@@rgaa.statement.commitment">
      La {{ cityInSentence }} s'engage à rendre son portail famille accessible, conformément à l'article 47 de
      la loi n° 2005-102 du 11 février 2005.
    </p>
    <p i18n="@@rgaa.statement.scope">
      Cette déclaration d'accessibilité s'applique au portail famille (Foyer).
    </p>

    <h2 i18n="@@rgaa.statement.conformityTitle">État de conformité</h2>
    <p class="conformity-level">
      @if (audit.nonConforming > 0) {
        <ng-container i18n="@@rgaa.statement.conformityPartial"
          >Le portail famille est <strong>{{ level }}</strong> avec le référentiel général d'amélioration de
          l'accessibilité (RGAA), version 4.1, en raison des non-conformités énumérées
          ci-dessous.</ng-container
        >
      } @else {
        <ng-container i18n="@@rgaa.statement.conformityTotal"
          >Le portail famille est <strong>{{ level }}</strong> avec le référentiel général d'amélioration de
          l'accessibilité (RGAA), version 4.1.</ng-container
        >
      }
    </p>

    <h3 i18n="@@rgaa.statement.resultsTitle">Résultats des tests</h3>
    <p i18n="@@rgaa.statement.rate">
      L'audit de conformité réalisé par l'équipe du projet révèle que
      <strong class="conformity-rate">{{ rate }} %</strong> des critères du RGAA version 4.1 applicables au
      portail sont respectés.
    </p>
    <ul>
      <li>{{ counts.conforming }}</li>
      <li>{{ counts.nonConforming }}</li>
      <li>{{ counts.notApplicable }}</li>
    </ul>
    <p i18n="@@rgaa.statement.rateMethod">
      Sur les {{ audit.total }} critères du RGAA, le taux de conformité compte les critères conformes parmi
      les critères applicables (conformes et non conformes).
    </p>

    <h2 i18n="@@rgaa.statement.inaccessibleTitle">Contenus non accessibles</h2>
    <h3 i18n="@@rgaa.statement.unmetTitle">Non-conformités</h3>
    @if (audit.unmet.length > 0) {
      <p i18n="@@rgaa.statement.unmetIntro">Les critères suivants ne sont pas respectés :</p>
      <ul class="unmet-criteria">
        @for (criterion of audit.unmet; track criterion.number) {
          <li i18n="@@rgaa.statement.unmetCriterion">
            Critère {{ criterion.number }} :
            <span lang="fr">{{ criterion.title }} ({{ criterion.theme }})</span>
          </li>
        }
      </ul>
      <p i18n="@@rgaa.statement.unmetHelp">
        Si l'un de ces défauts vous empêche d'accéder à un contenu ou à un service, signalez-le : nous vous
        apporterons l'information par un autre moyen.
      </p>
    } @else {
      <p i18n="@@rgaa.statement.unmetNone">Aucun critère n'est en défaut.</p>
    }
    <h3 i18n="@@rgaa.statement.derogationsTitle">Dérogations pour charge disproportionnée</h3>
    <p i18n="@@rgaa.statement.derogationsNone">Aucune.</p>
    <h3 i18n="@@rgaa.statement.exemptTitle">Contenus non soumis à l'obligation d'accessibilité</h3>
    <p i18n="@@rgaa.statement.exempt">
      La page de paiement en ligne est celle de la banque : elle n'est pas couverte par cette déclaration.
    </p>

    <h2 i18n="@@rgaa.statement.establishedTitle">Établissement de cette déclaration</h2>
    <p i18n="@@rgaa.statement.established">
      Cette déclaration a été établie le {{ auditDate }}, à partir d'un auto-audit réalisé par l'équipe du
      projet. Elle est mise à jour à chaque modification de l'audit.
    </p>
    <h3 i18n="@@rgaa.statement.technologiesTitle">Technologies utilisées pour la réalisation du portail</h3>
    <ul>
      @for (technology of technologies; track technology) {
        <li>{{ technology }}</li>
      }
    </ul>
    <h3 i18n="@@rgaa.statement.testsTitle">Environnement de test</h3>
    <p i18n="@@rgaa.statement.tests">
      Les pages ont été vérifiées dans le navigateur Chromium, au clavier seul, en largeur de 320 pixels, avec
      un zoom de 200 % et avec l'outil de vérification automatique axe-core, à chaque modification du portail.
    </p>
    <h3 i18n="@@rgaa.statement.sampleTitle">Pages ayant fait l'objet de la vérification de conformité</h3>
    <ul>
      @for (page of audit.sample; track page.path) {
        <li i18n="@@rgaa.statement.samplePage">
          <span lang="fr">{{ page.name }}</span> ({{ page.path }})
        </li>
      }
    </ul>

    <h2 i18n="@@rgaa.statement.feedbackTitle">Retour d'information et contact</h2>
    <p i18n="@@rgaa.statement.feedback">
      Si vous n'arrivez pas à accéder à un contenu ou à un service, contactez l'accueil de la mairie, par
      courrier, par téléphone ou sur place, pour être orienté vers une alternative accessible ou obtenir le
      contenu sous une autre forme.
    </p>

    <h2 i18n="@@rgaa.statement.recourseTitle">Voies de recours</h2>
    <p i18n="@@rgaa.statement.recourseIntro">
      Si vous avez signalé un défaut d'accessibilité qui vous empêche d'accéder à un contenu ou à un service
      du portail et que vous n'avez pas obtenu de réponse satisfaisante, vous pouvez :
    </p>
    <ul>
      <li i18n="@@rgaa.statement.recourseOnline">
        écrire un message au Défenseur des droits, sur
        <a href="https://formulaire.defenseurdesdroits.fr/">formulaire.defenseurdesdroits.fr</a> ;
      </li>
      <li i18n="@@rgaa.statement.recourseDelegate">
        contacter le délégué du Défenseur des droits dans votre région, dont les coordonnées sont sur
        <a href="https://www.defenseurdesdroits.fr/saisir/delegues">defenseurdesdroits.fr</a> ;
      </li>
      <li i18n="@@rgaa.statement.recoursePost">
        envoyer un courrier par la poste, gratuit et sans affranchissement, à : Défenseur des droits, Libre
        réponse 71120, 75342 Paris CEDEX 07.
      </li>
    </ul>
  `,
})
export class AccessibilityPage {
  private readonly locale = inject(LOCALE_ID);

  protected readonly cityInSentence = CITY_NAME_IN_SENTENCE;
  protected readonly audit = RGAA_AUDIT;
  /** Names, the same in every language. */
  protected readonly technologies = ['HTML5', 'CSS', 'WAI-ARIA', 'TypeScript (Angular)'];
  protected readonly level = conformityLevelLabel(RGAA_AUDIT.level);
  /** « 94,02 » in French, « 94.02 » in English. */
  protected readonly rate = new Intl.NumberFormat(this.locale, { maximumFractionDigits: 2 }).format(
    RGAA_AUDIT.rate,
  );
  /** « 63 critères conformes », « 1 critère non conforme »… */
  protected readonly counts = criteriaCounts(
    RGAA_AUDIT.conforming,
    RGAA_AUDIT.nonConforming,
    RGAA_AUDIT.notApplicable,
  );
  /** « 4 décembre 2026 ». */
  protected readonly auditDate = new Intl.DateTimeFormat(this.locale, {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${RGAA_AUDIT.auditDate}T00:00:00Z`));
}

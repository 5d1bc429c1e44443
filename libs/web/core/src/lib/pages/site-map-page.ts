import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { Permission } from '@foyer/shared/contracts';
import { AuthStore } from '../auth/auth-store';

interface SiteMapLink {
  path: string;
  label: string;
}

interface SiteMapSection {
  id: string;
  title: string;
  links: SiteMapLink[];
}

/**
 * « Plan du site »: the portal's second way around (RGAA 12.1), beside the main menu, linked from
 * the footer of every page. Lists what this person may open: a visitor sees the public pages and
 * where to sign in; a family its pages; agents and administrators their areas.
 */
@Component({
  selector: 'foyer-site-map-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <h1 i18n="@@core.siteMapPage.title">Plan du site</h1>
    @for (section of sections(); track section.id) {
      <section [attr.aria-labelledby]="'plan-' + section.id">
        <h2 [id]="'plan-' + section.id">{{ section.title }}</h2>
        <ul>
          @for (link of section.links; track link.path) {
            <li>
              <a [routerLink]="link.path">{{ link.label }}</a>
            </li>
          }
        </ul>
      </section>
    }
  `,
})
export class SiteMapPage {
  private readonly auth = inject(AuthStore);

  protected readonly sections = computed<SiteMapSection[]>(() => {
    const signedIn = this.auth.signedIn();
    const family = !signedIn || this.auth.can(Permission.HouseholdOwn);
    const sections: SiteMapSection[] = [
      {
        id: 'portail',
        title: $localize`:@@core.siteMapPage.portal:Le portail`,
        links: [
          { path: '/', label: $localize`:@@core.siteMapPage.home:Accueil` },
          ...(signedIn
            ? [
                { path: '/messages', label: $localize`:@@core.siteMapPage.messages:Mes messages` },
                { path: '/mon-compte', label: $localize`:@@core.siteMapPage.account:Mon compte` },
              ]
            : [
                { path: '/connexion', label: $localize`:@@core.siteMapPage.signIn:Se connecter` },
                { path: '/inscription', label: $localize`:@@core.siteMapPage.register:Créer un compte` },
              ]),
        ],
      },
    ];
    if (family) {
      sections.push({
        id: 'famille',
        title: $localize`:@@core.siteMapPage.familyServices:Services aux familles`,
        links: [
          { path: '/famille', label: $localize`:@@core.siteMapPage.family:Ma famille` },
          { path: '/famille/quotient', label: $localize`:@@core.siteMapPage.quotient:Quotient familial` },
          { path: '/famille/documents', label: $localize`:@@core.siteMapPage.documents:Justificatifs` },
          { path: '/reservations', label: $localize`:@@core.siteMapPage.bookings:Réservations` },
          { path: '/factures', label: $localize`:@@core.siteMapPage.invoices:Factures` },
          { path: '/demarches', label: $localize`:@@core.siteMapPage.requests:Démarches` },
        ],
      });
    }
    if (this.auth.can(Permission.HouseholdsRead)) {
      sections.push({
        id: 'agent',
        title: $localize`:@@core.siteMapPage.agentArea:Espace agent`,
        links: [
          { path: '/agent', label: $localize`:@@core.siteMapPage.agentHome:Accueil de l'espace agent` },
          { path: '/agent/familles', label: $localize`:@@core.siteMapPage.families:Familles` },
          ...(this.auth.can(Permission.RequestsProcess)
            ? [
                {
                  path: '/agent/demarches',
                  label: $localize`:@@core.siteMapPage.agentRequests:Démarches à traiter`,
                },
              ]
            : []),
        ],
      });
    }
    if (this.auth.can(Permission.AgentsManage) || this.auth.can(Permission.AuditRead)) {
      sections.push({
        id: 'admin',
        title: $localize`:@@core.siteMapPage.admin:Administration`,
        links: [
          { path: '/admin', label: $localize`:@@core.siteMapPage.adminHome:Accueil de l'administration` },
        ],
      });
    }
    sections.push({
      id: 'informations',
      title: $localize`:@@core.siteMapPage.information:Informations`,
      links: [
        { path: '/accessibilite', label: $localize`:@@core.siteMapPage.accessibility:Accessibilité` },
        { path: '/mentions-legales', label: $localize`:@@core.siteMapPage.legal:Mentions légales` },
        { path: '/donnees-personnelles', label: $localize`:@@core.siteMapPage.privacy:Données personnelles` },
      ],
    });
    return sections;
  });
}

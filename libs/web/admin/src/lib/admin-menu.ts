import { Permission } from '@foyer/shared/contracts';

export interface AdminMenuItem {
  path: string;
  label: string;
  description: string;
  /** Shown to those who hold it. */
  permission: Permission;
}

/**
 * The admin area's menu. A later admin page (activities, tariffs, request types) adds its item here
 * and its lazy route under `admin/` in app.routes.ts or in adminRoutes.
 */
export const ADMIN_MENU: AdminMenuItem[] = [
  {
    path: '/admin/agents',
    label: $localize`:@@admin.menu.agents:Agents`,
    description: $localize`:@@admin.menu.agentsText:Inviter un agent, choisir ses périmètres, désactiver un compte.`,
    permission: Permission.AgentsManage,
  },
  {
    path: '/admin/journal',
    label: $localize`:@@admin.menu.audit:Journal d'audit`,
    description: $localize`:@@admin.menu.auditText:Qui a fait quoi, et quand : par personne, par famille, par action ou par date.`,
    permission: Permission.AuditRead,
  },
  {
    path: '/admin/sites',
    label: $localize`:@@admin.menu.sites:Sites`,
    description: $localize`:@@admin.menu.sitesText:Les écoles et les centres de loisirs de la ville.`,
    permission: Permission.CityManage,
  },
  {
    path: '/admin/calendriers',
    label: $localize`:@@admin.menu.calendars:Calendriers scolaires`,
    description: $localize`:@@admin.menu.calendarsText:Jours de rentrée et de sortie, périodes de vacances.`,
    permission: Permission.CityManage,
  },
  {
    path: '/admin/annonces',
    label: $localize`:@@admin.menu.announcements:Annonces`,
    description: $localize`:@@admin.menu.announcementsText:Les actualités de la ville : publier, programmer, cibler une école ou un niveau.`,
    permission: Permission.CityManage,
  },
  {
    path: '/admin/activites',
    label: $localize`:@@admin.menu.activities:Activités`,
    description: $localize`:@@admin.menu.activitiesText:Cantine, accueils, centres de loisirs : règles, sites, places et campagnes.`,
    permission: Permission.CityManage,
  },
  {
    path: '/admin/tarifs',
    label: $localize`:@@admin.menu.tariffs:Tarifs`,
    description: $localize`:@@admin.menu.tariffsText:Les prix de chaque activité par période : tranches de QF, taux d’effort ou tarif unique.`,
    permission: Permission.TariffsManage,
  },
  {
    path: '/admin/types-demarches',
    label: $localize`:@@admin.menu.requestTypes:Types de démarches`,
    description: $localize`:@@admin.menu.requestTypesText:Les démarches proposées en ligne, leur formulaire et leur délai de traitement.`,
    permission: Permission.CityManage,
  },
  {
    path: '/admin/jobs',
    label: $localize`:@@admin.menu.failedJobs:Tâches en échec`,
    description: $localize`:@@admin.menu.failedJobsText:Les envois et traitements automatiques qui n'ont pas abouti.`,
    permission: Permission.AuditRead,
  },
];

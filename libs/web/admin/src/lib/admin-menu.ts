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
    label: 'Agents',
    description: 'Inviter un agent, choisir ses périmètres, désactiver un compte.',
    permission: Permission.AgentsManage,
  },
  {
    path: '/admin/journal',
    label: "Journal d'audit",
    description: 'Qui a fait quoi, et quand : par personne, par famille, par action ou par date.',
    permission: Permission.AuditRead,
  },
  {
    path: '/admin/sites',
    label: 'Sites',
    description: 'Les écoles et les centres de loisirs de la ville.',
    permission: Permission.CityManage,
  },
  {
    path: '/admin/calendriers',
    label: 'Calendriers scolaires',
    description: 'Jours de rentrée et de sortie, périodes de vacances.',
    permission: Permission.CityManage,
  },
  {
    path: '/admin/annonces',
    label: 'Annonces',
    description: 'Les actualités de la ville : publier, programmer, cibler une école ou un niveau.',
    permission: Permission.CityManage,
  },
  {
    path: '/admin/activites',
    label: 'Activités',
    description: 'Cantine, accueils, centres de loisirs : règles, sites, places et campagnes.',
    permission: Permission.CityManage,
  },
  {
    path: '/admin/tarifs',
    label: 'Tarifs',
    description: 'Les prix de chaque activité par période : tranches de QF, taux d’effort ou tarif unique.',
    permission: Permission.TariffsManage,
  },
  {
    path: '/admin/types-demarches',
    label: 'Types de démarches',
    description: 'Les démarches proposées en ligne, leur formulaire et leur délai de traitement.',
    permission: Permission.CityManage,
  },
  {
    path: '/admin/jobs',
    label: 'Tâches en échec',
    description: "Les envois et traitements automatiques qui n'ont pas abouti.",
    permission: Permission.AuditRead,
  },
];

import { Permission } from '@foyer/shared/contracts';

export interface BillingMenuItem {
  path: string;
  label: string;
  description: string;
  permission: Permission;
}

/**
 * The billing tools of the agents' area (scope facturation), shown on the agents' home to those who hold
 * the permission. Kept here, not in @foyer/web/billing, so the home page does not load the billing pages.
 */
export const AGENT_BILLING_MENU: BillingMenuItem[] = [
  {
    path: '/agent/facturation/campagnes',
    label: 'Campagnes de facturation',
    description: 'Calculer un mois en brouillon, lever les blocages, puis émettre les factures.',
    permission: Permission.BillingManage,
  },
  {
    path: '/agent/facturation/guichet',
    label: 'Paiements au guichet',
    description: 'Enregistrer un paiement en espèces, chèque, CESU, chèques vacances ou virement.',
    permission: Permission.PaymentsRecord,
  },
  {
    path: '/agent/facturation/relances',
    label: 'Relances',
    description: 'Les factures impayées après leur échéance, et les rappels envoyés.',
    permission: Permission.BillingManage,
  },
  {
    path: '/agent/facturation/exports',
    label: 'Exports comptables',
    description: 'Export CSV pour la trésorerie, fichier de prélèvement SEPA (pain.008) du mois.',
    permission: Permission.BillingManage,
  },
  {
    path: '/admin/tarifs',
    label: 'Tarifs',
    description: 'Les prix de chaque activité par période : tranches de QF, taux d’effort ou tarif unique.',
    permission: Permission.TariffsManage,
  },
];

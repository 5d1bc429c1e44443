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
    label: $localize`:@@agent.billingMenu.campaigns:Campagnes de facturation`,
    description: $localize`:@@agent.billingMenu.campaignsDescription:Calculer un mois en brouillon, lever les blocages, puis émettre les factures.`,
    permission: Permission.BillingManage,
  },
  {
    path: '/agent/facturation/guichet',
    label: $localize`:@@agent.billingMenu.counter:Paiements au guichet`,
    description: $localize`:@@agent.billingMenu.counterDescription:Enregistrer un paiement en espèces, chèque, CESU, chèques vacances ou virement.`,
    permission: Permission.PaymentsRecord,
  },
  {
    path: '/agent/facturation/relances',
    label: $localize`:@@agent.billingMenu.reminders:Relances`,
    description: $localize`:@@agent.billingMenu.remindersDescription:Les factures impayées après leur échéance, et les rappels envoyés.`,
    permission: Permission.BillingManage,
  },
  {
    path: '/agent/facturation/exports',
    label: $localize`:@@agent.billingMenu.exports:Exports comptables`,
    description: $localize`:@@agent.billingMenu.exportsDescription:Export CSV pour la trésorerie, fichier de prélèvement SEPA (pain.008) du mois.`,
    permission: Permission.BillingManage,
  },
  {
    path: '/admin/tarifs',
    label: $localize`:@@agent.billingMenu.tariffs:Tarifs`,
    description: $localize`:@@agent.billingMenu.tariffsDescription:Les prix de chaque activité par période : tranches de QF, taux d’effort ou tarif unique.`,
    permission: Permission.TariffsManage,
  },
];

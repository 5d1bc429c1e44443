/**
 * Who issues the invoices, as a municipal invoice must state it: the commune, its régie de recettes
 * and where to appeal. The commune's name comes from the configuration; the rest is the demo city's
 * and is to be set per deployment (see docs/billing.md).
 */
export interface BillingIssuer {
  commune: string;
  regie: string;
  address: string;
  siret: string;
  /** Public treasury accountant who collects unpaid invoices. */
  comptable: string;
  /** SEPA creditor identifier (ICS). */
  creditorId: string;
  creditorIban: string;
  creditorBic: string;
  appeal: string;
}

export function billingIssuer(commune: string): BillingIssuer {
  return {
    commune,
    regie: 'Régie de recettes enfance-jeunesse',
    address: `Hôtel de ville, 1 place de la Mairie, 94999 ${commune}`,
    siret: '21940999900017',
    comptable: 'Service de gestion comptable de Créteil',
    creditorId: 'FR12ZZZ123456',
    creditorIban: 'FR7630001007941234567890185',
    creditorBic: 'BDFEFRPPCCT',
    appeal:
      'Vous pouvez contester cette facture dans un délai de deux mois suivant sa réception devant le tribunal ' +
      'judiciaire (ou administratif selon la nature de la créance), article L1617-5 du code général des ' +
      'collectivités territoriales. Une réclamation préalable peut être adressée à la régie.',
  };
}

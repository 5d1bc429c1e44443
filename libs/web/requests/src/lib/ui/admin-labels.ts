import { AgentScope, RequestEffect } from '@foyer/shared/contracts';

/** Which agents process a type. */
export const SCOPE_LABELS: Record<AgentScope, string> = {
  [AgentScope.Enfance]: $localize`:@@requests.scope.enfance:Service enfance`,
  [AgentScope.Facturation]: $localize`:@@requests.scope.facturation:Service facturation`,
  [AgentScope.Demarches]: $localize`:@@requests.scope.demarches:Service démarches`,
};

/** What accepting a request of a type does (REQUEST_EFFECT_LABELS), in the page's language. */
export const EFFECT_LABELS: Record<RequestEffect, string> = {
  [RequestEffect.None]: $localize`:@@requests.effect.none:Aucun effet automatique`,
  [RequestEffect.SchoolEnrolment]: $localize`:@@requests.effect.schoolEnrolment:Affecte l’école de l’enfant`,
  [RequestEffect.ActivityEnrolment]: $localize`:@@requests.effect.activityEnrolment:Inscrit l’enfant à l’activité`,
  [RequestEffect.QuotientUpdate]: $localize`:@@requests.effect.quotientUpdate:Enregistre le quotient familial`,
  [RequestEffect.CrechePlace]: $localize`:@@requests.effect.crechePlace:Enregistre la décision de la commission`,
  [RequestEffect.Certificate]: $localize`:@@requests.effect.certificate:Produit l’attestation (PDF)`,
  [RequestEffect.AddressChange]: $localize`:@@requests.effect.addressChange:Change l’adresse du foyer`,
};

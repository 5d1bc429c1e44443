import { ClassLevel, Diet, DocumentType, QuotientMethod, QuotientStatus, Sex } from '@foyer/shared/contracts';
import { angularLocaleId, storedLocale } from '@foyer/web/core';

export const CLASS_LEVEL_LABELS: Record<ClassLevel, string> = {
  [ClassLevel.PS]: $localize`:@@households.labels.classLevelPS:Petite section (PS)`,
  [ClassLevel.MS]: $localize`:@@households.labels.classLevelMS:Moyenne section (MS)`,
  [ClassLevel.GS]: $localize`:@@households.labels.classLevelGS:Grande section (GS)`,
  [ClassLevel.CP]: $localize`:@@households.labels.classLevelCP:Cours préparatoire (CP)`,
  [ClassLevel.CE1]: $localize`:@@households.labels.classLevelCE1:Cours élémentaire 1 (CE1)`,
  [ClassLevel.CE2]: $localize`:@@households.labels.classLevelCE2:Cours élémentaire 2 (CE2)`,
  [ClassLevel.CM1]: $localize`:@@households.labels.classLevelCM1:Cours moyen 1 (CM1)`,
  [ClassLevel.CM2]: $localize`:@@households.labels.classLevelCM2:Cours moyen 2 (CM2)`,
};

export const SEX_LABELS: Record<Sex, string> = {
  [Sex.Female]: $localize`:@@households.labels.sexFemale:Fille`,
  [Sex.Male]: $localize`:@@households.labels.sexMale:Garçon`,
};

export const DIET_LABELS: Record<Diet, string> = {
  [Diet.None]: $localize`:@@households.labels.dietNone:Sans restriction`,
  [Diet.NoPork]: $localize`:@@households.labels.dietNoPork:Sans porc`,
  [Diet.Vegetarian]: $localize`:@@households.labels.dietVegetarian:Végétarien`,
  [Diet.PaiBasket]: $localize`:@@households.labels.dietPaiBasket:Panier-repas fourni par la famille (PAI)`,
};

export const DOCUMENT_TYPE_LABELS: Record<DocumentType, string> = {
  [DocumentType.ProofOfAddress]: $localize`:@@households.labels.documentTypeProofOfAddress:Justificatif de domicile`,
  [DocumentType.CafAttestation]: $localize`:@@households.labels.documentTypeCafAttestation:Attestation CAF`,
  [DocumentType.TaxNotice]: $localize`:@@households.labels.documentTypeTaxNotice:Avis d'imposition`,
  [DocumentType.Pai]: $localize`:@@households.labels.documentTypePai:Projet d'accueil individualisé (PAI)`,
  [DocumentType.Vaccination]: $localize`:@@households.labels.documentTypeVaccination:Carnet de vaccination`,
  [DocumentType.Insurance]: $localize`:@@households.labels.documentTypeInsurance:Attestation d'assurance`,
};

export const QUOTIENT_STATUS_LABELS: Record<QuotientStatus, string> = {
  [QuotientStatus.Pending]: $localize`:@@households.labels.quotientStatusPending:En attente de vérification`,
  [QuotientStatus.Validated]: $localize`:@@households.labels.quotientStatusValidated:Validé`,
  [QuotientStatus.Rejected]: $localize`:@@households.labels.quotientStatusRejected:Refusé`,
};

export const QUOTIENT_METHOD_LABELS: Record<QuotientMethod, string> = {
  [QuotientMethod.Caf]: $localize`:@@households.labels.quotientMethodCaf:Attestation CAF`,
  [QuotientMethod.Declared]: $localize`:@@households.labels.quotientMethodDeclared:Déclaration de ressources`,
};

/** Badge class for a status: the colour only backs up the words. */
export function quotientStatusBadge(status: QuotientStatus): string {
  switch (status) {
    case QuotientStatus.Validated:
      return 'badge badge-success';
    case QuotientStatus.Rejected:
      return 'badge badge-error';
    default:
      return 'badge badge-warning';
  }
}

export const CLASS_LEVELS = Object.values(ClassLevel);
export const DIETS = Object.values(Diet);
export const DOCUMENT_TYPES = Object.values(DocumentType);

/** « Famille Martin », « Famille Martin-Durand »: how agents and pages name a household. */
export function householdLabel(lastNames: string[]): string {
  const unique = [...new Set(lastNames.map((name) => name.trim()).filter(Boolean))];
  return unique.length > 0
    ? $localize`:@@households.labels.householdName:Famille ${unique.join('-')}:lastNames:`
    : $localize`:@@households.labels.householdNameless:Famille`;
}

let qfFormat: Intl.NumberFormat | null = null;

/**
 * A quotient familial is a whole number of euros per month: « 850 € » (« €850 » on English pages).
 * In the page's locale, the very one Angular's LOCALE_ID is made from (app.config.ts).
 */
export function formatQuotient(value: number): string {
  qfFormat ??= new Intl.NumberFormat(angularLocaleId(storedLocale()), {
    style: 'currency',
    currency: 'EUR',
    maximumFractionDigits: 0,
  });
  return qfFormat.format(value);
}

import { ClassLevel, Diet, DocumentType, QuotientMethod, QuotientStatus, Sex } from '@foyer/shared/contracts';

export const CLASS_LEVEL_LABELS: Record<ClassLevel, string> = {
  [ClassLevel.PS]: 'Petite section (PS)',
  [ClassLevel.MS]: 'Moyenne section (MS)',
  [ClassLevel.GS]: 'Grande section (GS)',
  [ClassLevel.CP]: 'Cours préparatoire (CP)',
  [ClassLevel.CE1]: 'Cours élémentaire 1 (CE1)',
  [ClassLevel.CE2]: 'Cours élémentaire 2 (CE2)',
  [ClassLevel.CM1]: 'Cours moyen 1 (CM1)',
  [ClassLevel.CM2]: 'Cours moyen 2 (CM2)',
};

export const SEX_LABELS: Record<Sex, string> = {
  [Sex.Female]: 'Fille',
  [Sex.Male]: 'Garçon',
};

export const DIET_LABELS: Record<Diet, string> = {
  [Diet.None]: 'Sans restriction',
  [Diet.NoPork]: 'Sans porc',
  [Diet.Vegetarian]: 'Végétarien',
  [Diet.PaiBasket]: 'Panier-repas fourni par la famille (PAI)',
};

export const DOCUMENT_TYPE_LABELS: Record<DocumentType, string> = {
  [DocumentType.ProofOfAddress]: 'Justificatif de domicile',
  [DocumentType.CafAttestation]: 'Attestation CAF',
  [DocumentType.TaxNotice]: "Avis d'imposition",
  [DocumentType.Pai]: "Projet d'accueil individualisé (PAI)",
  [DocumentType.Vaccination]: 'Carnet de vaccination',
  [DocumentType.Insurance]: "Attestation d'assurance",
};

export const QUOTIENT_STATUS_LABELS: Record<QuotientStatus, string> = {
  [QuotientStatus.Pending]: 'En attente de vérification',
  [QuotientStatus.Validated]: 'Validé',
  [QuotientStatus.Rejected]: 'Refusé',
};

export const QUOTIENT_METHOD_LABELS: Record<QuotientMethod, string> = {
  [QuotientMethod.Caf]: 'Attestation CAF',
  [QuotientMethod.Declared]: 'Déclaration de ressources',
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
  return unique.length > 0 ? `Famille ${unique.join('-')}` : 'Famille';
}

const qfFormat = new Intl.NumberFormat('fr-FR', {
  style: 'currency',
  currency: 'EUR',
  maximumFractionDigits: 0,
});

/** A quotient familial is a whole number of euros per month: « 850 € ». */
export function formatQuotient(value: number): string {
  return qfFormat.format(value);
}

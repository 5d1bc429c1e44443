/** The actions of the audit log as an administrator reads them. */
export const ACTION_LABELS: Record<string, string> = {
  'agent.create': 'Agent invité',
  'agent.status.update': 'Agent activé ou désactivé',
  'agent.scopes.update': "Périmètres d'un agent modifiés",
  'user.email.change': 'Adresse e-mail changée',
  'user.anonymise': 'Compte anonymisé',
  'user.franceconnect.link': 'Compte relié à FranceConnect',
  'user.franceconnect.create': 'Compte créé par FranceConnect',
  'household.create': 'Famille créée',
  'household.address.update': 'Adresse modifiée',
  'household.preferences.update': 'Préférences de notification modifiées',
  'household.guardian.invite': 'Second responsable invité',
  'household.guardian.join': 'Second responsable arrivé',
  'household.closure.request': 'Clôture demandée',
  'household.close': 'Famille clôturée',
  'child.create': 'Enfant ajouté',
  'child.update': 'Fiche enfant modifiée',
  'contact.create': 'Contact ajouté',
  'contact.update': 'Contact modifié',
  'contact.delete': 'Contact retiré',
  'document.upload': 'Document déposé',
  'quotient.declare': 'Quotient familial déclaré',
  'quotient.validate': 'Quotient familial validé',
  'quotient.reject': 'Quotient familial refusé',
  'site.create': 'Site créé',
  'site.update': 'Site modifié',
  'school-year.update': 'Année scolaire modifiée',
  'school-holiday.create': 'Vacances ajoutées',
  'school-holiday.delete': 'Vacances retirées',
};

/** Families of actions for the filter: a prefix ending with a dot selects all of them. */
export const ACTION_GROUPS: { value: string; label: string }[] = [
  { value: 'household.', label: 'Familles' },
  { value: 'child.', label: 'Enfants' },
  { value: 'contact.', label: 'Personnes à contacter' },
  { value: 'document.', label: 'Documents' },
  { value: 'quotient.', label: 'Quotients familiaux' },
  { value: 'user.', label: 'Comptes' },
  { value: 'agent.', label: 'Agents' },
  { value: 'site.', label: 'Sites' },
  { value: 'school-year.', label: 'Années scolaires' },
  { value: 'school-holiday.', label: 'Vacances scolaires' },
];

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

/** The actions of the audit log as an administrator reads them. */
export const ACTION_LABELS: Record<string, string> = {
  'agent.create': $localize`:@@households.audit.agentCreate:Agent invité`,
  'agent.status.update': $localize`:@@households.audit.agentStatusUpdate:Agent activé ou désactivé`,
  'agent.scopes.update': $localize`:@@households.audit.agentScopesUpdate:Périmètres d'un agent modifiés`,
  'user.email.change': $localize`:@@households.audit.userEmailChange:Adresse e-mail changée`,
  'user.anonymise': $localize`:@@households.audit.userAnonymise:Compte anonymisé`,
  'user.franceconnect.link': $localize`:@@households.audit.userFranceconnectLink:Compte relié à FranceConnect`,
  'user.franceconnect.create': $localize`:@@households.audit.userFranceconnectCreate:Compte créé par FranceConnect`,
  'household.create': $localize`:@@households.audit.householdCreate:Famille créée`,
  'household.address.update': $localize`:@@households.audit.householdAddressUpdate:Adresse modifiée`,
  'household.preferences.update': $localize`:@@households.audit.householdPreferencesUpdate:Préférences de notification modifiées`,
  'household.guardian.invite': $localize`:@@households.audit.householdGuardianInvite:Second responsable invité`,
  'household.guardian.join': $localize`:@@households.audit.householdGuardianJoin:Second responsable arrivé`,
  'household.closure.request': $localize`:@@households.audit.householdClosureRequest:Clôture demandée`,
  'household.close': $localize`:@@households.audit.householdClose:Famille clôturée`,
  'child.create': $localize`:@@households.audit.childCreate:Enfant ajouté`,
  'child.update': $localize`:@@households.audit.childUpdate:Fiche enfant modifiée`,
  'contact.create': $localize`:@@households.audit.contactCreate:Contact ajouté`,
  'contact.update': $localize`:@@households.audit.contactUpdate:Contact modifié`,
  'contact.delete': $localize`:@@households.audit.contactDelete:Contact retiré`,
  'document.upload': $localize`:@@households.audit.documentUpload:Document déposé`,
  'quotient.declare': $localize`:@@households.audit.quotientDeclare:Quotient familial déclaré`,
  'quotient.validate': $localize`:@@households.audit.quotientValidate:Quotient familial validé`,
  'quotient.reject': $localize`:@@households.audit.quotientReject:Quotient familial refusé`,
  'site.create': $localize`:@@households.audit.siteCreate:Site créé`,
  'site.update': $localize`:@@households.audit.siteUpdate:Site modifié`,
  'school-year.update': $localize`:@@households.audit.schoolYearUpdate:Année scolaire modifiée`,
  'school-holiday.create': $localize`:@@households.audit.schoolHolidayCreate:Vacances ajoutées`,
  'school-holiday.delete': $localize`:@@households.audit.schoolHolidayDelete:Vacances retirées`,
};

/** Families of actions for the filter: a prefix ending with a dot selects all of them. */
export const ACTION_GROUPS: { value: string; label: string }[] = [
  { value: 'household.', label: $localize`:@@households.audit.groupHousehold:Familles` },
  { value: 'child.', label: $localize`:@@households.audit.groupChild:Enfants` },
  { value: 'contact.', label: $localize`:@@households.audit.groupContact:Personnes à contacter` },
  { value: 'document.', label: $localize`:@@households.audit.groupDocument:Documents` },
  { value: 'quotient.', label: $localize`:@@households.audit.groupQuotient:Quotients familiaux` },
  { value: 'user.', label: $localize`:@@households.audit.groupUser:Comptes` },
  { value: 'agent.', label: $localize`:@@households.audit.groupAgent:Agents` },
  { value: 'site.', label: $localize`:@@households.audit.groupSite:Sites` },
  { value: 'school-year.', label: $localize`:@@households.audit.groupSchoolYear:Années scolaires` },
  { value: 'school-holiday.', label: $localize`:@@households.audit.groupSchoolHoliday:Vacances scolaires` },
];

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

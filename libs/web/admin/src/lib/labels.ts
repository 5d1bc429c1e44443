import { AgentScope, Role } from '@foyer/shared/contracts';

export const SCOPES = [AgentScope.Enfance, AgentScope.Facturation, AgentScope.Demarches];

export const SCOPE_LABELS: Record<AgentScope, string> = {
  [AgentScope.Enfance]: $localize`:@@admin.labels.scope.enfance:Enfance (dossiers, inscriptions, clôtures)`,
  [AgentScope.Facturation]: $localize`:@@admin.labels.scope.facturation:Facturation (quotients familiaux, factures)`,
  [AgentScope.Demarches]: $localize`:@@admin.labels.scope.demarches:Démarches`,
};

export const ROLE_LABELS: Record<string, string> = {
  [Role.Resident]: $localize`:@@admin.labels.role.resident:Responsable légal`,
  [Role.Agent]: $localize`:@@admin.labels.role.agent:Agent`,
  [Role.Admin]: $localize`:@@admin.labels.role.admin:Administrateur`,
  system: $localize`:@@admin.labels.role.system:Système`,
};

import { AgentScope, Role } from '@foyer/shared/contracts';

export const SCOPES = [AgentScope.Enfance, AgentScope.Facturation, AgentScope.Demarches];

export const SCOPE_LABELS: Record<AgentScope, string> = {
  [AgentScope.Enfance]: 'Enfance (dossiers, inscriptions, clôtures)',
  [AgentScope.Facturation]: 'Facturation (quotients familiaux, factures)',
  [AgentScope.Demarches]: 'Démarches',
};

export const ROLE_LABELS: Record<string, string> = {
  [Role.Resident]: 'Responsable légal',
  [Role.Agent]: 'Agent',
  [Role.Admin]: 'Administrateur',
  system: 'Système',
};

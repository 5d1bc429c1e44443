import { AgentScope } from '@foyer/shared/contracts';

/** Which agents process a type. */
export const SCOPE_LABELS: Record<AgentScope, string> = {
  [AgentScope.Enfance]: 'Service enfance',
  [AgentScope.Facturation]: 'Service facturation',
  [AgentScope.Demarches]: 'Service démarches',
};

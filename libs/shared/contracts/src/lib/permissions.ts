/** Who a person is for the portal. */
export enum Role {
  Resident = 'resident',
  Agent = 'agent',
  Admin = 'admin',
}

/** What part of the back office an agent works in. */
export enum AgentScope {
  /** Enrolments, attendance. */
  Enfance = 'enfance',
  /** Billing, payments, quotient familial. */
  Facturation = 'facturation',
  /** Service requests (démarches). */
  Demarches = 'demarches',
}

/**
 * Every route declares one of these. The web app reads the same list to hide what the API refuses.
 */
export enum Permission {
  /** Any signed-in person acting on their own account. */
  Self = 'self',
  /** A resident acting on their own household. */
  HouseholdOwn = 'household:own',
  /** Search and read any household's file (agents of every scope, admins). */
  HouseholdsRead = 'households:read',
  /** Edit a household on the family's behalf (agents, scope enfance). */
  HouseholdsEdit = 'households:edit',
  /** Validate a quotient familial (agents, scope facturation). */
  QuotientValidate = 'quotient:validate',
  /** Read documents of the enfance domain (PAI, vaccination, insurance, address). */
  DocumentsReadEnfance = 'documents:read:enfance',
  /** Read documents of the billing domain (CAF attestation, tax notice, address). */
  DocumentsReadFacturation = 'documents:read:facturation',
  /** Execute an account-closure request (RGPD). */
  AccountsClose = 'accounts:close',
  /** Manage agents and their scopes. */
  AgentsManage = 'agents:manage',
  /**
   * Process service requests (démarches) in the back office: queue, assignment, messages, decisions.
   * Agents of scope démarches reach every type; agents of another scope the types that name their scope.
   */
  RequestsProcess = 'requests:process',
  /** Manage sites, activities, calendars, tariffs, request types. */
  CityManage = 'city:manage',
  /** Read the audit log. */
  AuditRead = 'audit:read',
  /** Enrolment decisions, closures, attendance and meal counts (agents, scope enfance). */
  BookingsManage = 'bookings:manage',
  /** See failed background jobs and retry them (administrators). */
  JobsManage = 'jobs:manage',
}

const AGENT_BASE: Permission[] = [Permission.Self, Permission.HouseholdsRead];

const SCOPE_PERMISSIONS: Record<AgentScope, Permission[]> = {
  [AgentScope.Enfance]: [
    Permission.HouseholdsEdit,
    Permission.DocumentsReadEnfance,
    Permission.AccountsClose,
    Permission.BookingsManage,
    Permission.RequestsProcess,
  ],
  [AgentScope.Facturation]: [
    Permission.QuotientValidate,
    Permission.DocumentsReadFacturation,
    Permission.RequestsProcess,
  ],
  [AgentScope.Demarches]: [Permission.RequestsProcess],
};

export interface PermissionSubject {
  role: Role;
  scopes: AgentScope[];
}

/** The permissions a person holds; the single rule both the API and the web app apply. */
export function permissionsOf(subject: PermissionSubject): Set<Permission> {
  switch (subject.role) {
    case Role.Resident:
      return new Set([Permission.Self, Permission.HouseholdOwn]);
    case Role.Agent:
      return new Set([...AGENT_BASE, ...subject.scopes.flatMap((scope) => SCOPE_PERMISSIONS[scope] ?? [])]);
    case Role.Admin:
      // Admins run the city's setup and read everything; they are not a family.
      return new Set(Object.values(Permission).filter((p) => p !== Permission.HouseholdOwn));
    default:
      return new Set();
  }
}

export function hasPermission(
  subject: PermissionSubject | null | undefined,
  permission: Permission,
): boolean {
  return !!subject && permissionsOf(subject).has(permission);
}

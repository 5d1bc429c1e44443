import { AgentScope, Permission, Role } from './permissions';

export interface RegisterRequest {
  email: string;
  password: string;
  firstName: string;
  lastName: string;
  phone: string;
}

export interface LoginRequest {
  email: string;
  password: string;
}

/** Answer of login and refresh. The refresh token travels only in an httpOnly cookie. */
export interface SessionView {
  accessToken: string;
  /** Seconds until the access token expires (900). */
  expiresIn: number;
  user: MeView;
}

export interface MeView {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  phone: string | null;
  role: Role;
  scopes: AgentScope[];
  /** Everything this person may do: the web app hides what the API would refuse. */
  permissions: Permission[];
  emailVerified: boolean;
  /** True when the account is linked to a FranceConnect identity. */
  franceConnectLinked: boolean;
}

export interface VerifyEmailRequest {
  token: string;
}

export interface ResendVerificationRequest {
  email: string;
}

export interface ForgotPasswordRequest {
  email: string;
}

export interface ResetPasswordRequest {
  token: string;
  password: string;
}

export interface ChangeEmailRequest {
  newEmail: string;
  password: string;
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

/** Same answer whether the e-mail exists or not (no account enumeration). */
export interface AcknowledgementView {
  message: string;
}

/** A mail kept in the outbox when no SMTP server is configured (development only). */
export interface DevMailView {
  id: string;
  to: string;
  subject: string;
  text: string;
  /** Links found in the mail, so a developer can click the verification link. */
  links: string[];
  createdAt: string;
}

export interface AgentView {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  role: Role.Agent | Role.Admin;
  scopes: AgentScope[];
  active: boolean;
}

export interface CreateAgentRequest {
  email: string;
  firstName: string;
  lastName: string;
  scopes: AgentScope[];
}

export interface UpdateAgentRequest {
  scopes?: AgentScope[];
  active?: boolean;
}

/** Query of GET /api/admin/audit. */
export interface AuditQuery {
  householdId?: string;
  /** Who acted (an account id). */
  actorId?: string;
  /** The action, e.g. "quotient.validate", or its prefix followed by a dot: "quotient." */
  action?: string;
  /** First day included (AAAA-MM-JJ, Paris). */
  from?: string;
  /** Last day included (AAAA-MM-JJ, Paris). */
  to?: string;
  /** ISO instant: entries strictly before it (paging). */
  before?: string;
  limit?: number;
}

/** Whether the portal offers FranceConnect: the sign-in page hides the button when it does not. */
export interface FranceConnectStatusView {
  enabled: boolean;
}

/**
 * Password policy both sides apply: at least 12 characters, and a zxcvbn-ts score of at least 3 out
 * of 4 ("safely unguessable") computed with the French and common dictionaries.
 */
export const PASSWORD_POLICY = { minLength: 12, maxLength: 128, minScore: 3 } as const;

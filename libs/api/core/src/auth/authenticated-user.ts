import { AgentScope, Role } from '@foyer/shared/contracts';

/** Who is calling, as the access token says. */
export interface AuthenticatedUser {
  id: string;
  role: Role;
  scopes: AgentScope[];
  /** Refresh-token family the access token was issued for (absent for tokens minted outside a session). */
  sessionId?: string;
  /** Set when the person signed in on a public terminal (kiosk) by QR code: that kiosk session's id. */
  kioskSessionId?: string;
}

/** Claims of the access token (a JWT signed with JWT_SECRET, 15 minutes). */
export interface AccessTokenClaims {
  sub: string;
  role: Role;
  scopes: AgentScope[];
  /** Id of the refresh-token family, so that signing out everywhere can be traced. */
  sid?: string;
  /** The person's session version when the token was issued; checked on every request. */
  sv?: number;
  /** Kiosk session id: the token was issued to a public terminal and dies when that session ends. */
  ks?: string;
}

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

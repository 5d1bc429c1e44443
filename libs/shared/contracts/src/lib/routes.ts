/** Paths of the API, relative to the /api prefix, shared so both sides agree. */
export const API_PREFIX = 'api';

export const ApiRoutes = {
  health: 'health',
  docs: 'docs',
} as const;

export const CityRoutes = {
  sites: 'sites',
  schoolYears: 'school-years',
} as const;

export const AuthRoutes = {
  register: 'auth/register',
  login: 'auth/login',
  refresh: 'auth/refresh',
  logout: 'auth/logout',
  logoutEverywhere: 'auth/logout-everywhere',
  verifyEmail: 'auth/verify-email',
  resendVerification: 'auth/resend-verification',
  forgotPassword: 'auth/forgot-password',
  resetPassword: 'auth/reset-password',
  franceConnectStart: 'auth/franceconnect',
  franceConnectCallback: 'auth/franceconnect/callback',
  franceConnectStatus: 'auth/franceconnect/status',
  me: 'me',
  changeEmail: 'me/email',
  changePassword: 'me/password',
  devMailbox: 'dev/mailbox',
} as const;

export const AdminRoutes = {
  agents: 'admin/agents',
  audit: 'admin/audit',
} as const;

export const HouseholdRoutes = {
  household: 'household',
  children: 'household/children',
} as const;

/** Where the refresh-token cookie lives: only the auth routes ever see it. */
export const REFRESH_COOKIE = { name: 'foyer_refresh', path: '/api/auth' } as const;

/** Short-lived cookie holding the FranceConnect state, nonce and PKCE verifier during the redirect. */
export const FRANCECONNECT_COOKIE = { name: 'foyer_fc', path: '/api/auth/franceconnect' } as const;

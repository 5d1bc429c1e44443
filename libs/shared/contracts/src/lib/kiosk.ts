import type { SessionView } from './accounts';

/** Public touch terminals (kiosks): paths relative to /api. */
export const KioskRoutes = {
  /** Public: is this browser a kiosk? */
  status: 'kiosk/status',
  /** Public: enrols this browser as the terminal whose activation token is given (sets a cookie). */
  activate: 'kiosk/terminal',
  /** Administrators: create a terminal (returns its one-time activation link). */
  terminals: 'admin/kiosk/terminals',
  /** The kiosk asks for a QR sign-in. */
  signInRequests: 'kiosk/sign-in-requests',
  /** The kiosk polls its request (POST with the poll secret). */
  poll: 'kiosk/sign-in-requests/:signInRequestId/poll',
  /** The phone reads which terminal a code belongs to. */
  lookup: 'kiosk/sign-in-requests/lookup',
  /** The phone approves a code. */
  approve: 'kiosk/sign-in-requests/approve',
  /** The phone lists its open kiosk sessions. */
  mySessions: 'kiosk/sessions',
  /** The phone ends one of its kiosk sessions. */
  endSession: 'kiosk/sessions/:kioskSessionId/end',
  /** The kiosk ends its own session (« Terminer »). */
  endCurrent: 'kiosk/session/end',
} as const;

/** The httpOnly cookie naming an enrolled terminal (survives the wipe between users). */
export const KIOSK_COOKIE = 'foyer_kiosk';
/** A QR sign-in code lives this long. */
export const KIOSK_SIGN_IN_TTL_SECONDS = 120;
/** A kiosk session lasts at most this long, whatever happens. */
export const KIOSK_SESSION_TTL_SECONDS = 15 * 60;
/** Idle time before the kiosk asks whether the person is still there. */
export const KIOSK_IDLE_SECONDS = 120;
/** Seconds the countdown gives to answer « Continuer ». */
export const KIOSK_COUNTDOWN_SECONDS = 30;
/** Path of the phone's approval page; the QR code holds PUBLIC_URL + this + ?code=… */
export const KIOSK_APPROVE_PATH = '/borne/approuver';

export interface KioskStatusView {
  kiosk: boolean;
  terminalName: string | null;
}

export interface CreateKioskTerminalRequest {
  name: string;
}

export interface KioskTerminalView {
  id: string;
  name: string;
  /** Open it once on the terminal to enrol it. */
  activationUrl: string;
}

export interface ActivateKioskTerminalRequest {
  token: string;
}

export interface KioskSignInRequestView {
  id: string;
  /** Only the kiosk knows it: it proves the poll comes from the terminal that asked. */
  pollSecret: string;
  /** What the QR code holds. */
  approveUrl: string;
  /**
   * The number the kiosk shows beside the QR code, typed on the phone to approve: it proves the
   * person approving stands at this terminal (a code sent by message alone opens nothing).
   */
  confirmation: number;
  expiresAt: string;
}

export interface PollKioskSignInRequest {
  pollSecret: string;
}

export enum KioskSignInStatus {
  Pending = 'pending',
  Approved = 'approved',
  Expired = 'expired',
}

export interface KioskPollView {
  status: KioskSignInStatus;
  /** Once, when approved: the kiosk's short session (no refresh cookie). */
  session?: SessionView;
}

export interface KioskCodeRequest {
  code: string;
}

export interface ApproveKioskSignInRequest extends KioskCodeRequest {
  /** The number shown on the kiosk (10 to 99). A wrong one spends the code. */
  confirmation: number;
}

export interface KioskCodeView {
  terminalName: string;
  expiresAt: string;
}

export interface KioskSessionView {
  id: string;
  terminalName: string;
  openedAt: string;
  expiresAt: string;
}

import { Injectable } from '@nestjs/common';

/** Decides whether an access token's session is still current (accounts registers one). */
export type SessionCheck = (userId: string, sessionVersion: number | undefined) => Promise<boolean>;

/**
 * Where the accounts domain plugs the per-request session check into the core's JWT strategy:
 * core knows no users table. Without a registered check every signed, unexpired token is current.
 */
@Injectable()
export class SessionChecks {
  private check?: SessionCheck;
  private kioskCheck?: (kioskSessionId: string) => Promise<boolean>;

  /** The kiosk domain registers how to tell whether a kiosk session is still open. */
  useKiosk(check: (kioskSessionId: string) => Promise<boolean>): void {
    this.kioskCheck = check;
  }

  /** A kiosk token is refused when no kiosk domain is there to vouch for its session. */
  isKioskSessionOpen(kioskSessionId: string): Promise<boolean> {
    return this.kioskCheck ? this.kioskCheck(kioskSessionId) : Promise.resolve(false);
  }

  use(check: SessionCheck): void {
    this.check = check;
  }

  isCurrent(userId: string, sessionVersion: number | undefined): Promise<boolean> {
    return this.check ? this.check(userId, sessionVersion) : Promise.resolve(true);
  }
}

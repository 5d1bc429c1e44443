import { HttpClient } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import {
  AuthRoutes,
  type LoginRequest,
  type MeView,
  type Permission,
  type SessionView,
} from '@foyer/shared/contracts';
import { apiUrl } from '../http/api-url';

/**
 * Who is signed in. The access token lives in memory only (never in web storage, where any script
 * could read it); a reload restores the session through the httpOnly refresh cookie.
 */
@Injectable({ providedIn: 'root' })
export class AuthStore {
  private readonly http = inject(HttpClient);
  private readonly token = signal<string | null>(null);
  private readonly user = signal<MeView | null>(null);
  private readonly permissionSet = computed(() => new Set<Permission>(this.user()?.permissions ?? []));
  /** One refresh at a time: concurrent 401s wait for the same answer. */
  private refreshing: Promise<boolean> | null = null;

  readonly me = this.user.asReadonly();
  readonly signedIn = computed(() => this.user() !== null);
  readonly displayName = computed(() => {
    const me = this.user();
    return me ? `${me.firstName} ${me.lastName}`.trim() : '';
  });

  accessToken(): string | null {
    return this.token();
  }

  /** Reactive: templates and computed signals that call it update when the user changes. */
  can(permission: Permission): boolean {
    return this.permissionSet().has(permission);
  }

  async login(email: string, password: string): Promise<MeView> {
    const body: LoginRequest = { email, password };
    const session = await firstValueFrom(
      this.http.post<SessionView>(apiUrl(AuthRoutes.login), body, { withCredentials: true }),
    );
    this.setSession(session);
    return session.user;
  }

  /** Asks for a new access token with the refresh cookie. Resolves false when there is no session. */
  refresh(): Promise<boolean> {
    this.refreshing ??= this.requestRefresh().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  /** Ends this device's session; the local state is cleared even when the server cannot be reached. */
  async logout(): Promise<void> {
    try {
      await firstValueFrom(this.http.post<void>(apiUrl(AuthRoutes.logout), {}, { withCredentials: true }));
    } finally {
      this.clear();
    }
  }

  /** Revokes every session of the account. Throws when the server refuses, so the page can say so. */
  async logoutEverywhere(): Promise<void> {
    await firstValueFrom(
      this.http.post<void>(apiUrl(AuthRoutes.logoutEverywhere), {}, { withCredentials: true }),
    );
    this.clear();
  }

  /** Reloads the signed-in person (after a change of name, e-mail…). */
  async reloadMe(): Promise<MeView> {
    const me = await firstValueFrom(this.http.get<MeView>(apiUrl(AuthRoutes.me)));
    this.user.set(me);
    return me;
  }

  /** Takes a session obtained outside sign-in (a kiosk's QR sign-in): memory only, no refresh cookie. */
  adopt(session: SessionView): void {
    this.setSession(session);
  }

  clear(): void {
    this.token.set(null);
    this.user.set(null);
  }

  private async requestRefresh(): Promise<boolean> {
    try {
      const session = await firstValueFrom(
        this.http.post<SessionView>(apiUrl(AuthRoutes.refresh), {}, { withCredentials: true }),
      );
      if (!session?.accessToken || !session.user) {
        this.clear();
        return false;
      }
      this.setSession(session);
      return true;
    } catch {
      this.clear();
      return false;
    }
  }

  private setSession(session: SessionView): void {
    this.token.set(session.accessToken);
    this.user.set(session.user);
  }
}

import { DOCUMENT } from '@angular/common';
import { DestroyRef, effect, inject, Injectable, signal } from '@angular/core';
import { AuthStore } from '../auth/auth-store';

const DATA_AS_OF_KEY = 'foyer.dataAsOf';

/**
 * Whether the browser is online (navigator.onLine and its online/offline events), and how fresh the
 * data on screen is: the `Date` header of the last API answer read. Answers the service worker
 * serves from its cache keep their original `Date`, so offline this says when they were fetched.
 */
@Injectable({ providedIn: 'root' })
export class NetworkStatus {
  private readonly window = inject(DOCUMENT).defaultView;
  private readonly onlineState = signal(this.window?.navigator.onLine ?? true);
  private readonly dataAsOfState = signal<string | null>(this.read());

  readonly online = this.onlineState.asReadonly();
  /** ISO instant of the freshest data shown, or null when nothing was read yet. */
  readonly dataAsOf = this.dataAsOfState.asReadonly();

  constructor() {
    const win = this.window;
    if (win) {
      const update = () => this.onlineState.set(win.navigator.onLine);
      win.addEventListener('online', update);
      win.addEventListener('offline', update);
      inject(DestroyRef).onDestroy(() => {
        win.removeEventListener('online', update);
        win.removeEventListener('offline', update);
      });
    }
    this.clearOfflineDataOnSignOut(inject(AuthStore));
  }

  /** Called with each API answer's `Date` header. */
  recordResponse(dateHeader: string | null): void {
    if (!dateHeader) return;
    const date = new Date(dateHeader);
    if (Number.isNaN(date.getTime())) return;
    const iso = date.toISOString();
    this.dataAsOfState.set(iso);
    try {
      this.window?.localStorage.setItem(DATA_AS_OF_KEY, iso);
    } catch {
      // Storage refused (private mode): the banner says less, nothing breaks.
    }
  }

  private read(): string | null {
    try {
      return this.window?.localStorage.getItem(DATA_AS_OF_KEY) ?? null;
    } catch {
      return null;
    }
  }

  /**
   * The family's calendar, invoices and requests kept for offline reading belong to the person
   * signed in: when they sign out, the service worker's data caches go (the app's files stay).
   */
  private clearOfflineDataOnSignOut(auth: AuthStore): void {
    let wasSignedIn = false;
    effect(() => {
      const signedIn = auth.signedIn();
      if (wasSignedIn && !signedIn) void this.clearDataCaches();
      wasSignedIn = signedIn;
    });
  }

  private async clearDataCaches(): Promise<void> {
    const caches = this.window?.caches;
    if (!caches) return;
    try {
      for (const name of await caches.keys()) if (name.includes(':data:')) await caches.delete(name);
      this.window?.localStorage.removeItem(DATA_AS_OF_KEY);
      this.dataAsOfState.set(null);
    } catch {
      // Cache storage unavailable: nothing was kept.
    }
  }
}

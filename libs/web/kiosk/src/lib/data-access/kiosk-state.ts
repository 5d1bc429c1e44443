import { DOCUMENT } from '@angular/common';
import { inject, Injectable, signal } from '@angular/core';
import { AuthStore } from '@foyer/web/core';
import { KioskApi } from './kiosk-api';

/** Where a kiosk goes between users: the attract screen. */
export const KIOSK_HOME = '/borne';

/**
 * Whether this browser is a public terminal, and the wipe between users: the kiosk session, web
 * storage, Cache Storage (the service worker's data caches included), IndexedDB and readable
 * cookies go, then a full reload drops every in-memory state. The terminal's own cookie is httpOnly
 * and stays.
 */
@Injectable({ providedIn: 'root' })
export class KioskState {
  private readonly api = inject(KioskApi);
  private readonly auth = inject(AuthStore);
  private readonly document = inject(DOCUMENT);
  private readonly state = signal<{ kiosk: boolean; terminalName: string | null } | null>(null);
  private loading: Promise<boolean> | null = null;
  private wiping = false;

  /** Bumped when the phone opened or ended a kiosk session, so that the banner reads them again. */
  readonly phoneSessionsChanged = signal(0);

  /** Null until known. */
  readonly status = this.state.asReadonly();

  /**
   * Asks the API (three tries, a second apart: a terminal must not fall back to the ordinary portal,
   * without idle sign-out, because one call failed); a lasting failure counts as « not a kiosk ».
   */
  load(): Promise<boolean> {
    this.loading ??= retry(() => this.api.status(), 3, 1000).then(
      (status) => {
        this.state.set(status);
        return status.kiosk;
      },
      () => {
        this.state.set({ kiosk: false, terminalName: null });
        return false;
      },
    );
    return this.loading;
  }

  /** « Terminer », the idle time-out, or a session ended from the phone. Never resolves: the page reloads. */
  async endAndWipe(): Promise<void> {
    if (this.wiping) return;
    this.wiping = true;
    if (this.auth.signedIn()) {
      try {
        await this.api.endCurrent();
      } catch {
        // Already ended (from the phone) or unreachable: the session dies at its time limit anyway.
      }
    }
    try {
      // Revokes and clears the httpOnly refresh cookie, which script cannot delete: a password
      // sign-in made on the terminal before it knew it was one must not come back after the reload.
      await this.auth.logout();
    } catch {
      this.auth.clear();
    }
    await wipeBrowserData(this.document);
    this.document.defaultView?.location.replace(KIOSK_HOME);
  }
}

/** Everything a person may have left in this browser, except the app's own files. */
export async function wipeBrowserData(document: Document): Promise<void> {
  const window = document.defaultView;
  if (!window) return;
  try {
    window.localStorage.clear();
    window.sessionStorage.clear();
  } catch {
    // Storage disabled: nothing was kept.
  }
  for (const cookie of document.cookie.split(';')) {
    const name = cookie.split('=')[0]?.trim();
    if (name) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
  }
  try {
    // The service worker's app files (ngsw:…:assets / :app / :db) carry nothing personal and let the
    // terminal work offline; every other cache goes, the family's data caches first.
    for (const name of await window.caches.keys()) {
      if (!name.startsWith('ngsw:') || name.includes(':data:')) await window.caches.delete(name);
    }
  } catch {
    // No Cache Storage (plain http on another host): nothing was kept.
  }
  try {
    const databases = (await window.indexedDB?.databases?.()) ?? [];
    for (const db of databases) if (db.name) window.indexedDB.deleteDatabase(db.name);
  } catch {
    // IndexedDB unavailable: nothing was kept.
  }
}

async function retry<T>(call: () => Promise<T>, tries: number, delayMs: number): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= tries) throw error;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}

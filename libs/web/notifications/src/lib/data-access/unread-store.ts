import { effect, inject, Injectable, signal } from '@angular/core';
import { AuthStore } from '@foyer/web/core';
import { NotificationsApi } from './notifications-api';

/** The signed-in person's unread count, shared by the header bell and « Mes messages ». */
@Injectable({ providedIn: 'root' })
export class UnreadStore {
  private readonly api = inject(NotificationsApi);
  private readonly auth = inject(AuthStore);
  private readonly count = signal<number | null>(null);

  readonly unread = this.count.asReadonly();

  constructor() {
    // A new session (or none) changes whose messages these are.
    effect(() => {
      if (this.auth.signedIn()) void this.refresh();
      else this.count.set(null);
    });
  }

  async refresh(): Promise<void> {
    try {
      this.count.set((await this.api.unreadCount()).unread);
    } catch {
      // The bell keeps its last count; the page says what went wrong when it is opened.
    }
  }

  set(unread: number): void {
    this.count.set(unread);
  }
}

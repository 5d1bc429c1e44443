import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { AuthStore } from '@foyer/web/core';
import { UnreadStore } from '../data-access/unread-store';

/**
 * Link to « Mes messages » in the header, with the unread count said in words (« 2 non lus »), not
 * only as a coloured dot. The app places it inside the shell's header tools.
 */
@Component({
  selector: 'foyer-notification-bell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, RouterLinkActive],
  template: `
    @if (auth.signedIn()) {
      <a
        class="bell"
        routerLink="/messages"
        routerLinkActive
        #active="routerLinkActive"
        [attr.aria-current]="active.isActive ? 'page' : null"
      >
        <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="20" height="20">
          <path
            fill="currentColor"
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1z"
          />
        </svg>
        <span i18n="@@notifications.notificationBell.messages" class="label">Messages</span>
        @if (unread() > 0) {
          <span class="count" data-testid="unread-count">{{ countText() }}</span>
        } @else {
          <span i18n="@@notifications.notificationBell.noneUnread" class="visually-hidden"
            >(aucun non lu)</span
          >
        }
      </a>
    }
  `,
  styles: `
    .bell {
      display: inline-flex;
      align-items: center;
      gap: 0.35rem;
      min-height: 44px;
      padding: 0.4rem 0.9rem;
      font-weight: 600;
      color: var(--foyer-brand-dark);
      background: #fff;
      border: 2px solid var(--foyer-brand);
      border-radius: 999px;
      text-decoration: none;
    }
    .bell:hover {
      background: var(--foyer-info-surface);
    }
    /* Phones: the icon and the count in words; the word « Messages » stays for screen readers. */
    @media (max-width: 30rem) {
      .label {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip: rect(0, 0, 0, 0);
        white-space: nowrap;
      }
    }
    .count {
      padding: 0 0.5rem;
      border-radius: 999px;
      color: #fff;
      background: var(--foyer-brand-dark);
      font-size: 0.9rem;
    }
  `,
})
export class NotificationBell {
  protected readonly auth = inject(AuthStore);
  private readonly store = inject(UnreadStore);

  protected readonly unread = computed(() => this.store.unread() ?? 0);
  protected readonly countText = computed(() => {
    const count = this.unread();
    return count > 1
      ? $localize`:@@notifications.notificationBell.unreadMany:${count}:count: non lus`
      : $localize`:@@notifications.notificationBell.unreadOne:${count}:count: non lu`;
  });
}

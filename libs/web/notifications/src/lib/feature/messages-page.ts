import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { RouterLink } from '@angular/router';
import type { NotificationView } from '@foyer/shared/contracts';
import { ErrorAlert, InstantFrPipe, StatusMessage, toFormError } from '@foyer/web/core';
import { NotificationsApi } from '../data-access/notifications-api';
import { UnreadStore } from '../data-access/unread-store';

const PAGE_SIZE = 20;

/** « Mes messages »: the inbox, newest first; opening a message marks it read. */
@Component({
  selector: 'foyer-messages-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatCheckboxModule, RouterLink, ErrorAlert, StatusMessage, InstantFrPipe],
  template: `
    <h1 i18n="@@notifications.messagesPage.myMessages">Mes messages</h1>
    <p>
      @if (unread() === 0) {
        <ng-container i18n="@@notifications.messagesPage.noUnreadMessages"
          >Aucun message non lu.
        </ng-container>
      } @else {
        <ng-container i18n="@@notifications.messagesPage.unreadCount">{unread(), plural,
          =1 {1 message non lu.}
          other {{{ unread() }} messages non lus.}
        }</ng-container>
      }
    </p>
    <div class="actions">
      <mat-checkbox
        i18n="@@notifications.messagesPage.showOnlyUnreadMessages"
        [checked]="unreadOnly()"
        (change)="toggleUnreadOnly($event.checked)"
      >
        Afficher seulement les messages non lus
      </mat-checkbox>
      <button
        i18n="@@notifications.messagesPage.markAllAsRead"
        mat-stroked-button
        type="button"
        [disabled]="busy() || unread() === 0"
        (click)="readAll()"
      >
        Tout marquer comme lu
      </button>
    </div>
    <foyer-error-alert [message]="error()" />
    <foyer-status-message [message]="status()" />

    @if (loaded() && items().length === 0) {
      <p>
        @if (unreadOnly()) {
          <ng-container i18n="@@notifications.messagesPage.noUnreadInList"
            >Aucun message non lu.</ng-container
          >
        } @else {
          <ng-container i18n="@@notifications.messagesPage.noMessagesYet"
            >Vous n’avez pas encore de message.</ng-container
          >
        }
      </p>
    }
    <ul class="messages">
      @for (message of items(); track message.id) {
        <li class="message" [class.unread]="!message.readAt">
          <h2 class="message-title">
            <button
              type="button"
              class="message-toggle"
              [attr.aria-expanded]="open() === message.id"
              [attr.aria-controls]="'message-' + message.id"
              (click)="toggle(message)"
            >
              {{ message.subject }}
            </button>
          </h2>
          <p class="message-meta">
            @if (!message.readAt) {
              <span i18n="@@notifications.messagesPage.unread" class="badge badge-warning">Non lu</span>
            } @else {
              <span i18n="@@notifications.messagesPage.read" class="badge badge-neutral">Lu</span>
            }
            <ng-container i18n="@@notifications.messagesPage.received"
              >Reçu le {{ message.createdAt | instantFr }}
            </ng-container>
          </p>
          <div [id]="'message-' + message.id" class="message-body" [hidden]="open() !== message.id">
            <p>{{ message.body }}</p>
            @if (message.link) {
              <p>
                <a i18n="@@notifications.messagesPage.seePageConcerned" [routerLink]="message.link"
                  >Voir la page concernée</a
                >
              </p>
            }
          </div>
        </li>
      }
    </ul>
    @if (items().length < total()) {
      <button
        i18n="@@notifications.messagesPage.olderMessages"
        mat-stroked-button
        type="button"
        [disabled]="busy()"
        (click)="more()"
      >
        Messages plus anciens
      </button>
    }
  `,
  styles: `
    .messages {
      list-style: none;
      padding: 0;
      margin: 1rem 0;
    }
    .message {
      border: 1px solid #c8c8c8;
      border-radius: 6px;
      padding: 0.75rem 1rem;
      margin-bottom: 0.75rem;
    }
    .message.unread {
      border-left: 6px solid var(--foyer-brand);
    }
    .message-title {
      margin: 0;
      font-size: 1.1rem;
    }
    .message-toggle {
      font: inherit;
      font-weight: 700;
      text-align: left;
      color: var(--foyer-brand-dark);
      background: none;
      border: 0;
      padding: 0.25rem 0;
      min-height: 44px;
      cursor: pointer;
      text-decoration: underline;
    }
    .message-meta {
      margin: 0.25rem 0;
      color: #3a3a3a;
    }
  `,
})
export class MessagesPage implements OnInit {
  private readonly api = inject(NotificationsApi);
  private readonly unreadStore = inject(UnreadStore);

  protected readonly items = signal<NotificationView[]>([]);
  protected readonly total = signal(0);
  protected readonly unread = signal(0);
  protected readonly page = signal(1);
  protected readonly unreadOnly = signal(false);
  protected readonly open = signal<string | null>(null);
  protected readonly loaded = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly status = signal<string | null>(null);

  ngOnInit(): void {
    void this.load(1, false);
  }

  protected toggleUnreadOnly(checked: boolean): void {
    this.unreadOnly.set(checked);
    void this.load(1, false);
  }

  protected more(): void {
    void this.load(this.page() + 1, true);
  }

  protected async toggle(message: NotificationView): Promise<void> {
    this.status.set(null);
    if (this.open() === message.id) {
      this.open.set(null);
      return;
    }
    this.open.set(message.id);
    if (message.readAt) return;
    try {
      const read = await this.api.markRead(message.id);
      this.items.update((list) => list.map((m) => (m.id === read.id ? read : m)));
      this.setUnread(Math.max(0, this.unread() - 1));
    } catch (failure) {
      this.error.set(toFormError(failure).message);
    }
  }

  protected async readAll(): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    try {
      await this.api.markAllRead();
      await this.load(1, false);
      this.status.set(
        $localize`:@@notifications.messagesPage.allRead:Tous les messages sont marqués comme lus.`,
      );
    } catch (failure) {
      this.error.set(toFormError(failure).message);
    } finally {
      this.busy.set(false);
    }
  }

  private async load(page: number, append: boolean): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    try {
      const result = await this.api.list(page, PAGE_SIZE, this.unreadOnly());
      this.items.update((list) => (append ? [...list, ...result.items] : result.items));
      this.total.set(result.total);
      this.page.set(page);
      this.setUnread(result.unread);
    } catch (failure) {
      this.error.set(toFormError(failure).message);
    } finally {
      this.loaded.set(true);
      this.busy.set(false);
    }
  }

  private setUnread(count: number): void {
    this.unread.set(count);
    this.unreadStore.set(count);
  }
}

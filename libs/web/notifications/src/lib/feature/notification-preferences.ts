import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import {
  NOTIFICATION_TOPICS,
  NotificationChannel,
  type NotificationPreferencesPageView,
  type NotificationPreferenceView,
  NotificationTopic,
  PREFERENCE_CHANNELS,
} from '@foyer/shared/contracts';
import { ErrorAlert, InstantFrPipe, StatusMessage, toFormError } from '@foyer/web/core';
import { NotificationsApi } from '../data-access/notifications-api';
import { channelLabel, requiredReason, topicLabel } from '../ui/labels';
import { PushDevice } from '../ui/push-device';

interface Row {
  topic: NotificationTopic;
  label: string;
  reason: string | null;
  cells: NotificationPreferenceView[];
}

/**
 * The account page's notification preferences: one row per topic, one checkbox per channel.
 * Law-required topics are shown on and locked, with the reason. Also says when the account's
 * address is « en échec » (the mail server refused it for good).
 */
@Component({
  selector: 'foyer-notification-preferences',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, ErrorAlert, StatusMessage, InstantFrPipe, PushDevice],
  template: `
    <section aria-labelledby="notification-preferences-title">
      <h2
        i18n="@@notifications.notificationPreferences.messagesNotifications"
        id="notification-preferences-title"
      >
        Messages et notifications
      </h2>
      @if (failure(); as failure) {
        <div class="notice notice-error" data-testid="email-failure">
          <p i18n="@@notifications.notificationPreferences.eMailAddressFailing">
            <strong>Adresse e-mail en échec :</strong> nos messages à {{ failure.address }} sont refusés
            depuis le {{ failure.failedAt | instantFr }}. Vérifiez l’adresse ou changez-la ; vos messages
            restent consultables dans « Mes messages ».
          </p>
        </div>
      }
      <p i18n="@@notifications.notificationPreferences.everyMessageArrivesMy">
        Tous les messages arrivent dans « Mes messages » sur le portail. Choisissez ceux que vous recevez
        aussi par e-mail, par SMS (les SMS partiront quand la ville aura activé ce service) ou par
        notification sur vos appareils.
      </p>
      <form (submit)="save($event)">
        <table class="preferences">
          <caption
            i18n="@@notifications.notificationPreferences.channelsChosenEachType"
            class="visually-hidden"
          >
            Canaux choisis pour chaque type de message
          </caption>
          <thead>
            <tr>
              <th i18n="@@notifications.notificationPreferences.typeMessage" scope="col">Type de message</th>
              @for (channel of channels; track channel) {
                <th scope="col">{{ channelLabel(channel) }}</th>
              }
            </tr>
          </thead>
          <tbody>
            @for (row of rows(); track row.topic) {
              <tr>
                <th scope="row">
                  {{ row.label }}
                  @if (row.reason) {
                    <span class="reason" [id]="'reason-' + row.topic">{{ row.reason }}</span>
                  }
                </th>
                @for (cell of row.cells; track cell.channel) {
                  <td>
                    <input
                      type="checkbox"
                      [id]="'pref-' + cell.topic + '-' + cell.channel"
                      [checked]="cell.enabled"
                      [disabled]="cell.locked || busy()"
                      [attr.aria-describedby]="cell.locked ? 'reason-' + row.topic : null"
                      (change)="set(cell, $any($event.target).checked)"
                    />
                    <label [for]="'pref-' + cell.topic + '-' + cell.channel">
                      {{ channelLabel(cell.channel) }}
                      @if (cell.locked) {
                        <ng-container i18n="@@notifications.notificationPreferences.alwaysOn">
                          (toujours activé)</ng-container
                        >
                      }
                      <span class="visually-hidden">: {{ row.label }}</span>
                    </label>
                  </td>
                }
              </tr>
            }
          </tbody>
        </table>
        <foyer-error-alert [message]="error()" />
        <foyer-status-message [message]="status()" />
        <div class="actions">
          <button
            i18n="@@notifications.notificationPreferences.saveMyChoices"
            mat-flat-button
            type="submit"
            [disabled]="busy() || !loaded()"
          >
            Enregistrer mes choix
          </button>
        </div>
      </form>
      <foyer-push-device />
    </section>
  `,
  styles: `
    .preferences {
      border-collapse: collapse;
      width: 100%;
      margin: 1rem 0;
    }
    .preferences th,
    .preferences td {
      text-align: left;
      padding: 0.5rem;
      border-bottom: 1px solid #d0d0d0;
      vertical-align: top;
    }
    .preferences input {
      width: 1.25rem;
      height: 1.25rem;
      margin-right: 0.35rem;
    }
    /* On a phone (three channels no longer fit side by side): one card per topic, a line per channel. */
    @media (max-width: 40rem) {
      .preferences,
      .preferences tbody,
      .preferences tr,
      .preferences th,
      .preferences td {
        display: block;
      }
      .preferences thead {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip-path: inset(50%);
        white-space: nowrap;
      }
      .preferences tr {
        padding: 0.5rem 0;
        border-bottom: 1px solid #d0d0d0;
      }
      .preferences th,
      .preferences td {
        padding: 0.25rem 0;
        border-bottom: 0;
      }
    }
    .reason {
      display: block;
      font-weight: 400;
      font-size: 0.9rem;
      color: #3a3a3a;
    }
  `,
})
export class NotificationPreferences implements OnInit {
  private readonly api = inject(NotificationsApi);

  protected readonly channels = PREFERENCE_CHANNELS;
  protected readonly channelLabel = channelLabel;
  private readonly view = signal<NotificationPreferencesPageView | null>(null);
  private readonly edits = signal(new Map<string, boolean>());
  protected readonly loaded = computed(() => this.view() !== null);
  protected readonly failure = computed(() => this.view()?.emailFailure ?? null);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly status = signal<string | null>(null);

  protected readonly rows = computed<Row[]>(() => {
    const view = this.view();
    if (!view) return [];
    const edits = this.edits();
    return NOTIFICATION_TOPICS.filter((t) => t.listed).map((info) => ({
      topic: info.topic,
      label: topicLabel(info.topic),
      reason: info.required ? requiredReason(info.topic) : null,
      cells: view.preferences
        .filter((p) => p.topic === info.topic)
        .map((p) => ({ ...p, enabled: edits.get(key(p.topic, p.channel)) ?? p.enabled })),
    }));
  });

  ngOnInit(): void {
    this.api
      .preferences()
      .then((view) => this.view.set(view))
      .catch((failure) => this.error.set(toFormError(failure).message));
  }

  protected set(cell: NotificationPreferenceView, enabled: boolean): void {
    this.status.set(null);
    this.edits.update((edits) => new Map(edits).set(key(cell.topic, cell.channel), enabled));
  }

  protected async save(event: Event): Promise<void> {
    event.preventDefault();
    if (this.busy()) return;
    const changes = this.rows()
      .flatMap((row) => row.cells)
      .filter((cell) => !cell.locked)
      .map((cell) => ({ topic: cell.topic, channel: cell.channel, enabled: cell.enabled }));
    this.busy.set(true);
    this.error.set(null);
    try {
      this.view.set(await this.api.updatePreferences(changes));
      this.edits.set(new Map());
      this.status.set($localize`:@@notifications.notificationPreferences.saved:Vos choix sont enregistrés.`);
    } catch (failure) {
      this.error.set(toFormError(failure).message);
    } finally {
      this.busy.set(false);
    }
  }
}

function key(topic: NotificationTopic, channel: NotificationChannel): string {
  return `${topic}/${channel}`;
}

import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { DeliveryStatus, type HouseholdMessageView, NotificationTopic } from '@foyer/shared/contracts';
import { ErrorAlert, InstantFrPipe, toFormError } from '@foyer/web/core';
import { NotificationsApi } from '../data-access/notifications-api';
import { channelLabel, deliveryStatusLabel, topicLabel } from './labels';

const FAILED = new Set([DeliveryStatus.PermanentFailure, DeliveryStatus.TechnicalFailure]);

/** The family file (agents): the messages sent to the household and what became of them. */
@Component({
  selector: 'foyer-household-messages',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ErrorAlert, InstantFrPipe],
  template: `
    <section aria-labelledby="household-messages-title">
      <h2 i18n="@@notifications.householdMessages.messagesSentFamily" id="household-messages-title">
        Messages envoyés à la famille
      </h2>
      <foyer-error-alert [message]="error()" />
      @if (messages(); as messages) {
        @if (messages.length === 0) {
          <p i18n="@@notifications.householdMessages.noMessageSentFamily">
            Aucun message envoyé à cette famille.
          </p>
        } @else {
          <div class="stacked-table">
            <table class="household-messages">
              <caption
                i18n="@@notifications.householdMessages.messagesDeliveryStatusMost"
                class="visually-hidden"
              >
                Messages et statut de remise, les plus récents d’abord
              </caption>
              <thead>
                <tr>
                  <th i18n="@@notifications.householdMessages.date" scope="col">Date</th>
                  <th i18n="@@notifications.householdMessages.subject" scope="col">Objet</th>
                  <th i18n="@@notifications.householdMessages.channel" scope="col">Canal</th>
                  <th i18n="@@notifications.householdMessages.status" scope="col">Statut</th>
                </tr>
              </thead>
              <tbody>
                @for (message of messages; track message.id) {
                  <tr>
                    <td i18n-data-label="@@notifications.householdMessages.date" data-label="Date">
                      {{ message.createdAt | instantFr }}
                    </td>
                    <td i18n-data-label="@@notifications.householdMessages.subject" data-label="Objet">
                      {{ message.subject }} <span class="topic">({{ topicLabel(message.topic) }})</span>
                    </td>
                    <td i18n-data-label="@@notifications.householdMessages.channel" data-label="Canal">
                      {{ channelLabel(message.channel) }}{{ message.address ? ' : ' + message.address : '' }}
                    </td>
                    <td i18n-data-label="@@notifications.householdMessages.status" data-label="Statut">
                      <span
                        class="badge"
                        [class.badge-error]="failed(message)"
                        [class.badge-neutral]="!failed(message)"
                      >
                        {{ statusLabel(message) }}
                      </span>
                      @if (message.channel === 'inbox') {
                        @if (message.readAt) {
                          <ng-container i18n="@@notifications.householdMessages.read">lu</ng-container>
                        } @else {
                          <ng-container i18n="@@notifications.householdMessages.unread">non lu</ng-container>
                        }
                      }
                      @if (message.statusDetail) {
                        <span class="detail">{{ message.statusDetail }}</span>
                      }
                    </td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        }
      }
    </section>
  `,
  styles: `
    .household-messages {
      border-collapse: collapse;
      width: 100%;
    }
    .household-messages th,
    .household-messages td {
      text-align: left;
      padding: 0.4rem;
      border-bottom: 1px solid #d0d0d0;
      vertical-align: top;
    }
    .topic,
    .detail {
      display: block;
      font-size: 0.9rem;
      color: #3a3a3a;
    }
  `,
})
export class HouseholdMessages {
  private readonly api = inject(NotificationsApi);

  readonly householdId = input.required<string>();
  protected readonly messages = signal<HouseholdMessageView[] | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly channelLabel = channelLabel;

  constructor() {
    effect(() => {
      const id = this.householdId();
      this.api
        .householdMessages(id)
        .then((messages) => this.messages.set(messages))
        .catch((failure) => this.error.set(toFormError(failure).message));
    });
  }

  protected topicLabel(topic: NotificationTopic): string {
    return topicLabel(topic);
  }

  /** A temporary failure says whether a retry is coming: after the last attempt, none is. */
  protected statusLabel(message: HouseholdMessageView): string {
    const label = deliveryStatusLabel(message.status);
    if (message.status !== DeliveryStatus.TemporaryFailure) return label;
    return message.retryPlanned
      ? $localize`:@@notifications.householdMessages.retryPlanned:${label}:status: (nouvel essai prévu)`
      : $localize`:@@notifications.householdMessages.abandoned:${label}:status: : abandonné, aucun nouvel essai`;
  }

  protected failed(message: HouseholdMessageView): boolean {
    return FAILED.has(message.status);
  }
}

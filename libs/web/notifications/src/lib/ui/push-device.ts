import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { SwPush } from '@angular/service-worker';
import { firstValueFrom } from 'rxjs';
import type { PushSubscriptionRequest } from '@foyer/shared/contracts';
import { ErrorAlert, StatusMessage, toFormError } from '@foyer/web/core';
import { NotificationsApi } from '../data-access/notifications-api';

type Permission = 'default' | 'granted' | 'denied' | 'unsupported';

/**
 * « Recevoir les notifications sur cet appareil »: asks the browser's consent, subscribes through
 * the service worker with the server's VAPID key and records the subscription; unticked, removes
 * it. Which topics arrive by notification is chosen in the preferences table.
 */
@Component({
  selector: 'foyer-push-device',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ErrorAlert, StatusMessage],
  template: `
    <section class="push-device" aria-labelledby="push-device-title">
      <h3 i18n="@@notifications.pushDevice.notificationsDevice" id="push-device-title">
        Notifications sur cet appareil
      </h3>
      @if (permission() === 'unsupported') {
        <p i18n="@@notifications.pushDevice.browserCannotReceivePortals">
          Ce navigateur ne peut pas recevoir les notifications du portail. Installez le portail comme une
          application, ou utilisez un navigateur récent.
        </p>
      } @else if (permission() === 'denied') {
        <p i18n="@@notifications.pushDevice.notificationsFromSiteAre">
          Les notifications de ce site sont bloquées dans votre navigateur. Autorisez-les dans ses réglages
          pour les recevoir ici.
        </p>
      } @else {
        <p i18n="@@notifications.pushDevice.topicsSentAreChosen">
          {{ subscribedText() }} Les sujets envoyés se choisissent dans la colonne « Notification du
          navigateur » ci-dessus.
        </p>
        <div class="checkbox-line">
          <input
            type="checkbox"
            id="push-device-toggle"
            [checked]="subscribed()"
            [disabled]="busy()"
            (change)="toggle($any($event.target).checked)"
          />
          <label i18n="@@notifications.pushDevice.receiveNotificationsDevice" for="push-device-toggle"
            >Recevoir les notifications sur cet appareil</label
          >
        </div>
      }
      <foyer-error-alert [message]="error()" />
      <foyer-status-message [message]="status()" />
    </section>
  `,
  styles: `
    .push-device {
      margin: 1.5rem 0;
    }
    .checkbox-line {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      min-height: 44px;
    }
    .checkbox-line input {
      width: 1.25rem;
      height: 1.25rem;
    }
  `,
})
export class PushDevice implements OnInit {
  private readonly swPush = inject(SwPush);
  private readonly api = inject(NotificationsApi);

  protected readonly permission = signal<Permission>(this.currentPermission());
  private readonly endpoint = signal<string | null>(null);
  protected readonly subscribed = computed(() => this.endpoint() !== null);
  protected readonly subscribedText = computed(() =>
    this.subscribed()
      ? $localize`:@@notifications.pushDevice.on:Activées sur cet appareil.`
      : $localize`:@@notifications.pushDevice.off:Désactivées sur cet appareil.`,
  );
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly status = signal<string | null>(null);

  async ngOnInit(): Promise<void> {
    if (this.permission() === 'unsupported') return;
    const subscription = await firstValueFrom(this.swPush.subscription);
    this.endpoint.set(subscription?.endpoint ?? null);
  }

  protected async toggle(on: boolean): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    this.status.set(null);
    try {
      if (on) await this.subscribe();
      else await this.unsubscribe();
    } catch (failure) {
      this.error.set(
        failure instanceof HttpErrorResponse
          ? toFormError(failure).message
          : $localize`:@@notifications.pushDevice.browserFailed:Le navigateur n’a pas pu activer les notifications sur cet appareil.`,
      );
    } finally {
      this.busy.set(false);
    }
  }

  private async subscribe(): Promise<void> {
    // The browser's own consent dialog, asked only on this explicit choice.
    const answer = await Notification.requestPermission();
    this.permission.set(answer);
    if (answer !== 'granted') {
      this.status.set(
        $localize`:@@notifications.pushDevice.notAllowed:Notifications non autorisées : rien n’a changé.`,
      );
      return;
    }
    const { publicKey } = await this.api.pushPublicKey();
    const subscription = await this.swPush.requestSubscription({ serverPublicKey: publicKey });
    await this.api.subscribePush(subscription.toJSON() as PushSubscriptionRequest);
    this.endpoint.set(subscription.endpoint);
    this.status.set($localize`:@@notifications.pushDevice.enabled:Notifications activées sur cet appareil.`);
  }

  private async unsubscribe(): Promise<void> {
    const endpoint = this.endpoint();
    if (endpoint) await this.api.unsubscribePush(endpoint);
    await this.swPush.unsubscribe().catch(() => undefined);
    this.endpoint.set(null);
    this.status.set(
      $localize`:@@notifications.pushDevice.disabled:Notifications désactivées sur cet appareil.`,
    );
  }

  private currentPermission(): Permission {
    if (!this.swPush.isEnabled || typeof Notification === 'undefined') return 'unsupported';
    return Notification.permission;
  }
}

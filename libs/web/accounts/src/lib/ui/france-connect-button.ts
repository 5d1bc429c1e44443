import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { AuthRoutes, type FranceConnectStatusView } from '@foyer/shared/contracts';
import { apiUrl } from '@foyer/web/core';

/**
 * FranceConnect: a plain link, because the API starts the OpenID Connect dance with a redirect
 * (the browser must leave the app). Drawn without the official image, which would be fetched.
 * Shown only once the API says FranceConnect is configured on this portal.
 */
@Component({
  selector: 'foyer-france-connect-button',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (enabled()) {
      <div class="franceconnect">
        <a class="franceconnect-button" [href]="startUrl">
          <svg aria-hidden="true" focusable="false" viewBox="0 0 40 40" width="36" height="36">
            <path fill="#fff" d="M20 3 5 11.5v17L20 37l15-8.5v-17z" />
            <path fill="#000091" d="M20 8.2 9.6 14.1v11.8L20 31.8l10.4-5.9V14.1z" />
            <path fill="#e1000f" d="M20 8.2v23.6l10.4-5.9V14.1z" opacity=".9" />
          </svg>
          <span class="franceconnect-text">
            <span i18n="@@accounts.franceConnectButton.signWith" class="franceconnect-lead"
              >S'identifier avec </span
            ><span i18n="@@accounts.franceConnectButton.franceconnect" class="franceconnect-brand"
              >FranceConnect</span
            >
          </span>
        </a>
        <p class="franceconnect-help">
          <a
            i18n="@@accounts.franceConnectButton.whatFranceconnectNewWindow"
            href="https://franceconnect.gouv.fr/"
            target="_blank"
            rel="noopener noreferrer"
            >Qu'est-ce que FranceConnect ?<span class="visually-hidden"> (nouvelle fenêtre)</span></a
          >
        </p>
      </div>
    }
  `,
  styles: `
    .franceconnect {
      margin: 1rem 0;
    }
    .franceconnect-button {
      display: inline-flex;
      align-items: center;
      gap: 0.75rem;
      min-height: 56px;
      padding: 0.5rem 1.25rem 0.5rem 0.75rem;
      background: #000091;
      color: #fff;
      text-decoration: none;
      border-radius: 4px;
    }
    .franceconnect-button:hover {
      background: #1212ff;
      color: #fff;
    }
    .franceconnect-button:focus-visible {
      outline: 3px solid #0a0a0a;
      outline-offset: 3px;
    }
    .franceconnect-text {
      display: flex;
      flex-direction: column;
      line-height: 1.2;
    }
    .franceconnect-brand {
      font-weight: 700;
      font-size: 1.1rem;
    }
    .franceconnect-help {
      font-size: 0.9rem;
      margin-top: 0.5rem;
    }
  `,
})
export class FranceConnectButton {
  protected readonly startUrl = apiUrl(AuthRoutes.franceConnectStart);
  /** Hidden until the API says FranceConnect is configured (and when the API cannot be asked). */
  protected readonly enabled = signal(false);

  constructor() {
    inject(HttpClient)
      .get<FranceConnectStatusView>(apiUrl(AuthRoutes.franceConnectStatus))
      .subscribe({
        next: (status) => this.enabled.set(status.enabled),
        error: () => this.enabled.set(false),
      });
  }
}

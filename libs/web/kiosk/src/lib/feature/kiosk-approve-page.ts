import { ChangeDetectionStrategy, Component, inject, input, OnInit, signal } from '@angular/core';
import type { KioskCodeView, KioskSessionView } from '@foyer/shared/contracts';
import { ErrorAlert, StatusMessage, toFormError } from '@foyer/web/core';
import { KioskApi } from '../data-access/kiosk-api';
import { KioskState } from '../data-access/kiosk-state';

/**
 * On the resident's phone, opened from the kiosk's QR code: says which terminal asks, and opens
 * the kiosk session for the household once the person confirms. The open session then shows in the
 * banner at the top of every page, with « Terminer la session sur la borne ».
 */
@Component({
  selector: 'foyer-kiosk-approve-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ErrorAlert, StatusMessage],
  template: `
    <h1 i18n="@@kiosk.approve.title">Ouvrir une session sur une borne</h1>
    @if (opened(); as session) {
      <foyer-status-message [message]="openedMessage(session)" />
      <p i18n="@@kiosk.approve.openedHint">
        La session se termine toute seule après deux minutes sans activité sur la borne, et au plus tard dans
        15 minutes. Vous pouvez la terminer d’ici à tout moment.
      </p>
    } @else if (request(); as asked) {
      <p i18n="@@kiosk.approve.question">
        La borne « {{ asked.terminalName }} » demande à ouvrir une session pour votre foyer. Ne validez que si
        vous êtes devant cette borne.
      </p>
      <form novalidate (submit)="$event.preventDefault(); approve()">
        <p>
          <label for="kiosk-confirmation" i18n="@@kiosk.approve.numberLabel"
            >Nombre affiché sur la borne</label
          >
          <input
            id="kiosk-confirmation"
            class="kiosk-number"
            type="text"
            inputmode="numeric"
            autocomplete="off"
            maxlength="2"
            required
            aria-describedby="kiosk-confirmation-hint"
            [value]="confirmation()"
            (input)="confirmation.set($any($event.target).value)"
          />
          <span id="kiosk-confirmation-hint" class="hint" i18n="@@kiosk.approve.numberHint"
            >Les deux chiffres écrits sous le code QR, sur l’écran de la borne.</span
          >
        </p>
        <button type="submit" class="kiosk-approve" [disabled]="busy()" i18n="@@kiosk.approve.confirm">
          Ouvrir la session sur la borne
        </button>
      </form>
    }
    <foyer-error-alert [message]="error()" />
  `,
  styles: `
    .kiosk-approve {
      min-height: 48px;
      padding: 0.5rem 1.5rem;
      background: var(--foyer-brand, #1d4f91);
      color: #fff;
      border: 2px solid transparent;
      border-radius: 8px;
      font: inherit;
      font-weight: 600;
      cursor: pointer;
    }
    label,
    .hint {
      display: block;
    }
    .kiosk-number {
      width: 5rem;
      min-height: 48px;
      margin: 0.25rem 0;
      font-size: 1.5rem;
      text-align: center;
    }
    .kiosk-approve:focus-visible {
      outline: 3px solid #ffbf47;
      outline-offset: 2px;
    }
  `,
})
export class KioskApprovePage implements OnInit {
  private readonly api = inject(KioskApi);
  private readonly state = inject(KioskState);
  /** ?code=… from the QR code. */
  readonly code = input<string>('');
  protected readonly request = signal<KioskCodeView | null>(null);
  protected readonly opened = signal<KioskSessionView | null>(null);
  protected readonly busy = signal(false);
  protected readonly confirmation = signal('');
  protected readonly error = signal<string | null>(null);

  async ngOnInit(): Promise<void> {
    try {
      this.request.set(await this.api.lookup(this.code()));
    } catch (error) {
      this.error.set(toFormError(error).message);
    }
  }

  protected openedMessage(session: KioskSessionView): string {
    return $localize`:@@kiosk.approve.opened:Session ouverte sur la borne « ${session.terminalName}:terminal: ».`;
  }

  protected async approve(): Promise<void> {
    const number = this.confirmation().trim();
    if (!/^[0-9]{2}$/.test(number)) {
      this.error.set(
        $localize`:@@kiosk.approve.numberMissing:Tapez les deux chiffres affichés sur la borne.`,
      );
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    try {
      this.opened.set(await this.api.approve(this.code(), Number(number)));
      this.state.phoneSessionsChanged.update((n) => n + 1);
    } catch (error) {
      this.error.set(toFormError(error).message);
    } finally {
      this.busy.set(false);
    }
  }
}

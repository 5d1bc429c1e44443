import { ChangeDetectionStrategy, Component, inject, input, OnInit, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ErrorAlert, StatusMessage, toFormError } from '@foyer/web/core';
import { KioskApi } from '../data-access/kiosk-api';

/** Opened once on a terminal's browser with the link an administrator created: enrols it. */
@Component({
  selector: 'foyer-kiosk-activate-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ErrorAlert, RouterLink, StatusMessage],
  template: `
    <h1 i18n="@@kiosk.activate.title">Activer une borne</h1>
    <foyer-status-message [message]="done()" />
    @if (done()) {
      <p><a routerLink="/borne" i18n="@@kiosk.activate.go">Afficher l’écran d’accueil de la borne</a></p>
    }
    <foyer-error-alert [message]="error()" />
  `,
})
export class KioskActivatePage implements OnInit {
  private readonly api = inject(KioskApi);
  /** ?jeton=… from the administrator's link. */
  readonly jeton = input<string>('');
  protected readonly done = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);

  async ngOnInit(): Promise<void> {
    try {
      const status = await this.api.activate(this.jeton());
      // A full reload afterwards turns the whole app into the terminal's (the frame reads the status once).
      this.done.set(
        $localize`:@@kiosk.activate.done:Cet appareil est maintenant la borne « ${status.terminalName}:terminal: ».`,
      );
    } catch (error) {
      this.error.set(toFormError(error).message);
    }
  }
}

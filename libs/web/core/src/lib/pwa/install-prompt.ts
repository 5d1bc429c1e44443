import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';

/** Chromium's install event (not in TypeScript's DOM types). */
interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

const INSTALL_KEY = 'foyer.installPrompt';

/**
 * Offers once, discreetly, to install the portal as an app, when the browser says it can
 * (beforeinstallprompt). Installing, « Non merci » or installing from the browser's menu ends the
 * offer for good on this device.
 */
@Component({
  selector: 'foyer-install-prompt',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (event()) {
      <aside class="install-prompt" aria-labelledby="install-title">
        <p i18n="@@core.installPrompt.installFamilyPortalWill" id="install-title">
          <strong>Installer le portail famille ?</strong>
          Il s’ouvrira comme une application, et votre calendrier, vos factures et vos démarches resteront
          consultables sans réseau.
        </p>
        <div class="install-actions">
          <button
            i18n="@@core.installPrompt.install"
            type="button"
            class="link-button link-button-primary"
            (click)="install()"
          >
            Installer
          </button>
          <button i18n="@@core.installPrompt.noThanks" type="button" class="link-button" (click)="dismiss()">
            Non merci
          </button>
        </div>
      </aside>
    }
  `,
  styles: `
    .install-prompt {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1rem;
      margin: 0 0 1rem;
      padding: 0.5rem 1rem;
      background: #fff;
      border: 1px solid #c4c7cf;
      border-radius: 8px;
    }
    .install-prompt p {
      flex: 1 1 16rem;
      margin: 0;
    }
    .install-actions {
      display: flex;
      gap: 0.5rem;
    }
  `,
})
export class InstallPrompt {
  private readonly window = inject(DOCUMENT).defaultView;
  protected readonly event = signal<BeforeInstallPromptEvent | null>(null);

  constructor() {
    const win = this.window;
    if (!win || this.settled()) return;
    const offer = (e: Event) => {
      // Keep the browser's own mini-infobar away: the offer is ours, once.
      e.preventDefault();
      if (!this.settled()) this.event.set(e as BeforeInstallPromptEvent);
    };
    const installed = () => this.settle('installed');
    win.addEventListener('beforeinstallprompt', offer);
    win.addEventListener('appinstalled', installed);
    inject(DestroyRef).onDestroy(() => {
      win.removeEventListener('beforeinstallprompt', offer);
      win.removeEventListener('appinstalled', installed);
    });
  }

  protected async install(): Promise<void> {
    const event = this.event();
    if (!event) return;
    this.settle('offered');
    await event.prompt();
    const choice = await event.userChoice;
    this.settle(choice.outcome === 'accepted' ? 'installed' : 'dismissed');
  }

  protected dismiss(): void {
    this.settle('dismissed');
  }

  private settled(): boolean {
    try {
      return !!this.window?.localStorage.getItem(INSTALL_KEY);
    } catch {
      return false;
    }
  }

  private settle(outcome: string): void {
    this.event.set(null);
    try {
      this.window?.localStorage.setItem(INSTALL_KEY, outcome);
    } catch {
      // Storage refused: the offer may come back next visit.
    }
  }
}

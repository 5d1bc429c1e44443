import { ChangeDetectionStrategy, Component, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { Router } from '@angular/router';
import {
  type AnnouncementView,
  KIOSK_SIGN_IN_TTL_SECONDS,
  type KioskSignInRequestView,
  KioskSignInStatus,
} from '@foyer/shared/contracts';
import { AuthStore, ErrorAlert, toFormError } from '@foyer/web/core';
import { KioskApi } from '../data-access/kiosk-api';
import { KioskState } from '../data-access/kiosk-state';

const POLL_MS = 2000;

interface ShownCode {
  request: KioskSignInRequestView;
  image: string;
}

/**
 * The terminal between users: the city's announcements and « Commencer », which shows a QR code the
 * resident scans with the phone where they are signed in. No password is ever typed here.
 */
@Component({
  selector: 'foyer-kiosk-attract-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ErrorAlert],
  template: `
    @if (state.status(); as status) {
      @if (!status.kiosk) {
        <h1 i18n="@@kiosk.attract.notKioskTitle">Borne de la ville</h1>
        <p i18n="@@kiosk.attract.notKiosk">
          Cet appareil n’est pas une borne. Pour ouvrir une session sur une borne de la ville, scannez le code
          qu’elle affiche avec votre téléphone.
        </p>
      } @else {
        <h1 i18n="@@kiosk.attract.title">Bienvenue à la borne « {{ status.terminalName }} »</h1>
        <div class="kiosk-start">
          @if (code(); as shown) {
            <section class="kiosk-qr" aria-labelledby="kiosk-qr-title">
              <h2 id="kiosk-qr-title" i18n="@@kiosk.attract.qrTitle">Connectez-vous avec votre téléphone</h2>
              <ol>
                <li i18n="@@kiosk.attract.step1">
                  Sur votre téléphone, connectez-vous au portail de la ville.
                </li>
                <li i18n="@@kiosk.attract.step2">Scannez ce code avec l’appareil photo du téléphone.</li>
                <li i18n="@@kiosk.attract.step3Number">
                  Tapez sur le téléphone le nombre affiché sous le code, puis validez.
                </li>
              </ol>
              <img
                class="kiosk-qr-image"
                [src]="shown.image"
                [attr.data-approve-url]="shown.request.approveUrl"
                width="280"
                height="280"
                alt="Code QR de connexion à la borne"
                i18n-alt="@@kiosk.attract.qrAlt"
              />
              <p class="kiosk-confirmation" i18n="@@kiosk.attract.confirmation">
                Nombre à taper sur le téléphone :
                <strong data-testid="kiosk-confirmation">{{ shown.request.confirmation }}</strong>
              </p>
              <p role="status" i18n="@@kiosk.attract.waiting">
                Code valable {{ ttlMinutes }} minutes. En attente de la validation sur votre téléphone…
              </p>
              <button type="button" class="kiosk-secondary" (click)="cancel()" i18n="@@kiosk.attract.cancel">
                Annuler
              </button>
            </section>
          } @else {
            <div role="status">
              @if (expired()) {
                <p i18n="@@kiosk.attract.expired">
                  Le code a expiré. Touchez « Commencer » pour en obtenir un nouveau.
                </p>
              }
            </div>
            <button
              type="button"
              class="kiosk-primary"
              [disabled]="starting()"
              (click)="start()"
              i18n="@@kiosk.attract.start"
            >
              Commencer
            </button>
          }
          <foyer-error-alert [message]="error()" />
        </div>

        @if (announcements().length > 0) {
          <section aria-labelledby="kiosk-news-title">
            <h2 id="kiosk-news-title" i18n="@@kiosk.attract.newsTitle">Actualités de la ville</h2>
            <ul class="plain-list">
              @for (a of announcements(); track a.id) {
                <li class="kiosk-news">
                  <h3>{{ a.title }}</h3>
                  <p class="kiosk-news-text">{{ a.text }}</p>
                </li>
              }
            </ul>
          </section>
        }
      }
    }
  `,
  styles: `
    .kiosk-start {
      margin: 1.5rem 0;
    }
    .kiosk-primary,
    .kiosk-secondary {
      min-height: 56px;
      padding: 0.75rem 2.5rem;
      font: inherit;
      font-size: 1.5rem;
      font-weight: 600;
      border-radius: 10px;
      cursor: pointer;
    }
    .kiosk-primary {
      background: var(--foyer-brand, #1d4f91);
      color: #fff;
      border: 2px solid transparent;
    }
    .kiosk-secondary {
      background: #fff;
      color: var(--foyer-brand, #1d4f91);
      border: 2px solid currentColor;
      font-size: 1.25rem;
    }
    .kiosk-primary:focus-visible,
    .kiosk-secondary:focus-visible {
      outline: 3px solid #ffbf47;
      outline-offset: 2px;
    }
    .kiosk-qr-image {
      display: block;
      margin: 1rem 0;
      background: #fff;
    }
    .kiosk-news {
      padding: 0.25rem 1.25rem 0.5rem;
      margin: 0.75rem 0;
      background: #fff;
      border: 1px solid #c4c7cf;
      border-left: 4px solid var(--foyer-brand, #1d4f91);
      border-radius: 8px;
    }
    .kiosk-news-text {
      white-space: pre-line;
    }
  `,
})
export class KioskAttractPage implements OnInit {
  protected readonly state = inject(KioskState);
  private readonly api = inject(KioskApi);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  protected readonly ttlMinutes = KIOSK_SIGN_IN_TTL_SECONDS / 60;
  protected readonly announcements = signal<AnnouncementView[]>([]);
  protected readonly code = signal<ShownCode | null>(null);
  protected readonly expired = signal(false);
  protected readonly starting = signal(false);
  protected readonly error = signal<string | null>(null);
  private pollTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.pollTimer));
  }

  async ngOnInit(): Promise<void> {
    if (!(await this.state.load())) return;
    if (this.auth.signedIn()) {
      await this.router.navigateByUrl('/borne/accueil');
      return;
    }
    try {
      this.announcements.set(await this.api.announcements());
    } catch {
      // The news is not the page's purpose: « Commencer » works without it.
    }
  }

  protected async start(): Promise<void> {
    this.starting.set(true);
    this.error.set(null);
    this.expired.set(false);
    try {
      const request = await this.api.askSignIn();
      // Loaded on « Commencer »: the kiosk chunk also starts on every device (the phone's banner).
      // qrcode is CommonJS: depending on the interop, its functions sit on the module or on `default`.
      const qr = await import('qrcode');
      const qrcode =
        typeof qr.toDataURL === 'function' ? qr : (qr as unknown as { default: typeof qr }).default;
      const image = await qrcode.toDataURL(request.approveUrl, { width: 280, margin: 2 });
      this.code.set({ request, image });
      this.schedulePoll();
    } catch (error) {
      this.error.set(toFormError(error).message);
    } finally {
      this.starting.set(false);
    }
  }

  protected cancel(): void {
    clearTimeout(this.pollTimer);
    this.code.set(null);
  }

  private schedulePoll(): void {
    clearTimeout(this.pollTimer);
    this.pollTimer = setTimeout(() => void this.poll(), POLL_MS);
  }

  private async poll(): Promise<void> {
    const shown = this.code();
    if (!shown) return;
    try {
      const answer = await this.api.poll(shown.request);
      if (this.code() !== shown) return;
      if (answer.status === KioskSignInStatus.Approved && answer.session) {
        this.code.set(null);
        this.auth.adopt(answer.session);
        await this.router.navigateByUrl('/borne/accueil');
      } else if (answer.status === KioskSignInStatus.Expired) {
        this.code.set(null);
        this.expired.set(true);
      } else this.schedulePoll();
    } catch (error) {
      this.code.set(null);
      this.error.set(toFormError(error).message);
    }
  }
}

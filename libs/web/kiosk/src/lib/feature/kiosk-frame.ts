import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  ElementRef,
  inject,
  signal,
  untracked,
  viewChild,
  ViewEncapsulation,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router } from '@angular/router';
import { filter } from 'rxjs';
import {
  KIOSK_COUNTDOWN_SECONDS,
  KIOSK_IDLE_SECONDS,
  type KioskSessionView,
  Permission,
} from '@foyer/shared/contracts';
import { AuthStore } from '@foyer/web/core';
import { KioskApi } from '../data-access/kiosk-api';
import { KIOSK_HOME, KioskState } from '../data-access/kiosk-state';
import { KioskKeyboard } from '../ui/kiosk-keyboard';

/** Pages a kiosk never shows: a password typed on a public screen, or the account's settings. */
const NOT_ON_A_KIOSK =
  /^\/(connexion|inscription|mon-compte|mot-de-passe|verification-email|reinitialisation)/;
/** The phone's list of open kiosk sessions is read again at most this often while browsing. */
const PHONE_REFRESH_MS = 15_000;
/** A signed-in kiosk asks this often whether its session still stands (the phone may end it). */
const HEARTBEAT_SECONDS = 10;

/**
 * Mounted by the app on every page (in the header tools). On a kiosk: the `kiosk` class on <body>
 * (44 px targets, larger text), « Terminer », the idle countdown and the wipe between users. On a
 * resident's phone: the kiosk sessions open for them, each with « Terminer la session sur la borne ».
 */
@Component({
  selector: 'foyer-kiosk-frame',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  imports: [KioskKeyboard],
  host: {
    '(document:pointerdown)': 'activity()',
    '(document:keydown)': 'activity()',
    '(document:touchstart)': 'activity()',
    '(document:wheel)': 'activity()',
  },
  template: `
    @if (kiosk()) {
      <foyer-kiosk-keyboard />
    }
    @if (kiosk() && auth.signedIn()) {
      <div class="kiosk-bar">
        <span class="kiosk-who" i18n="@@kiosk.frame.signedInAs">Session de {{ auth.displayName() }}</span>
        <button type="button" class="kiosk-end" (click)="finish()" i18n="@@kiosk.frame.finish">
          Terminer
        </button>
      </div>
      @if (secondsLeft() !== null) {
        <div class="kiosk-idle-backdrop">
          <div
            #idleDialog
            class="kiosk-idle"
            role="alertdialog"
            aria-modal="true"
            aria-labelledby="kiosk-idle-title"
            aria-describedby="kiosk-idle-text"
            tabindex="-1"
          >
            <h2 id="kiosk-idle-title" i18n="@@kiosk.frame.idleTitle">Êtes-vous toujours là ?</h2>
            <p id="kiosk-idle-text">
              <span i18n="@@kiosk.frame.idleCountdown">Sans réponse, la session se termine dans :</span>
              <strong class="kiosk-idle-seconds" i18n="@@kiosk.frame.idleSeconds">{secondsLeft(), plural,
                =1 {1 seconde}
                other {{{ secondsLeft() }} secondes}
              }</strong>
              <span i18n="@@kiosk.frame.idleWipe">Vos informations seront alors effacées de la borne.</span>
            </p>
            <!-- Said every 10 seconds (and the last 5), not every second. -->
            <p class="visually-hidden" aria-live="polite" aria-atomic="true">
              @if (spokenSeconds(); as seconds) {
                <span i18n="@@kiosk.frame.idleSpoken">{seconds, plural,
                  =1 {Fin de la session dans 1 seconde.}
                  other {Fin de la session dans {{ seconds }} secondes.}
                }</span>
              }
            </p>
            <div class="kiosk-idle-actions">
              <button type="button" class="kiosk-continue" (click)="continue()" i18n="@@kiosk.frame.continue">
                Continuer
              </button>
              <button type="button" class="kiosk-end" (click)="finish()" i18n="@@kiosk.frame.finishNow">
                Terminer maintenant
              </button>
            </div>
          </div>
        </div>
      }
    }
    @if (phoneSessions().length > 0) {
      <section class="kiosk-phone" aria-labelledby="kiosk-phone-title" aria-live="polite">
        <h2 id="kiosk-phone-title" class="kiosk-phone-title" i18n="@@kiosk.frame.phoneTitle">
          Session ouverte sur une borne
        </h2>
        @for (s of phoneSessions(); track s.id) {
          <p class="kiosk-phone-line">
            <span i18n="@@kiosk.frame.phoneLine">Session ouverte sur la borne « {{ s.terminalName }} »</span>
            <button type="button" class="kiosk-end" (click)="endFromPhone(s)" i18n="@@kiosk.frame.phoneEnd">
              Terminer la session sur la borne
            </button>
          </p>
        }
      </section>
    }
  `,
  styles: `
    body.kiosk {
      font-size: 1.25rem;
    }
    body.kiosk button,
    body.kiosk .mat-mdc-button-base,
    body.kiosk input,
    body.kiosk select,
    body.kiosk .main-nav a,
    body.kiosk .kiosk-tile {
      min-height: 44px;
      min-width: 44px;
    }
    body.kiosk .site-header .account,
    body.kiosk .site-header a[href='/connexion'] {
      display: none;
    }
    .kiosk-bar,
    .kiosk-phone-line {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
      align-items: center;
    }
    .kiosk-end,
    .kiosk-continue {
      min-height: 44px;
      padding: 0.5rem 1.25rem;
      border-radius: 8px;
      font: inherit;
      font-weight: 600;
      cursor: pointer;
    }
    .kiosk-end {
      background: #fff;
      color: #8a1c1c;
      border: 2px solid #8a1c1c;
    }
    .kiosk-continue {
      background: var(--foyer-brand, #1d4f91);
      color: #fff;
      border: 2px solid transparent;
    }
    .kiosk-end:focus-visible,
    .kiosk-continue:focus-visible {
      outline: 3px solid #ffbf47;
      outline-offset: 2px;
    }
    .kiosk-idle-backdrop {
      position: fixed;
      inset: 0;
      z-index: 1000;
      display: grid;
      place-items: center;
      background: rgb(0 0 0 / 55%);
    }
    .kiosk-idle {
      max-width: 34rem;
      padding: 1.5rem 2rem;
      background: #fff;
      color: #1b1d21;
      border-radius: 12px;
    }
    .kiosk-idle-seconds {
      display: block;
      margin: 0.5rem 0;
      font-size: 2rem;
    }
    .kiosk-idle-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 1rem;
    }
    .kiosk-phone {
      padding: 0.5rem 0.75rem;
      background: #fff8e1;
      color: #1b1d21;
      border: 2px solid #b34700;
      border-radius: 8px;
    }
    .kiosk-phone-title {
      margin: 0;
      font-size: 1rem;
    }
    .kiosk-phone-line {
      margin: 0.25rem 0 0;
    }
  `,
})
export class KioskFrame {
  protected readonly auth = inject(AuthStore);
  private readonly state = inject(KioskState);
  private readonly api = inject(KioskApi);
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);
  private readonly idleDialog = viewChild<ElementRef<HTMLElement>>('idleDialog');

  protected readonly kiosk = computed(() => this.state.status()?.kiosk === true);
  /** Known not to be a kiosk: a resident's own device. */
  private readonly personal = computed(() => this.state.status()?.kiosk === false);
  /** Seconds before the idle sign-out, while the countdown shows; null otherwise. */
  protected readonly secondsLeft = signal<number | null>(null);
  /** What the live region says: the countdown at 30, 20, 10 and the last 5 seconds. */
  protected readonly spokenSeconds = signal<number | null>(null);
  protected readonly phoneSessions = signal<KioskSessionView[]>([]);
  /** Where the focus was when the question appeared, to put it back after « Continuer ». */
  private focusBeforeQuestion: HTMLElement | null = null;
  private lastActivity = Date.now();
  private ticks = 0;
  private phoneLoadedAt = 0;

  constructor() {
    const destroyRef = inject(DestroyRef);
    void this.state.load();
    effect(() => this.document.body.classList.toggle('kiosk', this.kiosk()));

    // On a kiosk, a session that ends (time limit, ended from the phone: the API answers 401 and
    // the app signs out) wipes the terminal for the next person.
    let wasSignedIn = false;
    effect(() => {
      const signedIn = this.auth.signedIn();
      const kiosk = this.kiosk();
      untracked(() => {
        if (kiosk && wasSignedIn && !signedIn) void this.state.endAndWipe();
        if (kiosk && signedIn && !wasSignedIn) this.lastActivity = Date.now();
      });
      wasSignedIn = signedIn;
    });
    effect(() => {
      this.auth.signedIn();
      this.state.phoneSessionsChanged();
      if (this.personal()) untracked(() => void this.loadPhoneSessions(true));
    });

    this.router.events
      .pipe(
        filter((event): event is NavigationEnd => event instanceof NavigationEnd),
        takeUntilDestroyed(destroyRef),
      )
      .subscribe((event) => {
        if (this.kiosk() && NOT_ON_A_KIOSK.test(event.urlAfterRedirects)) {
          void this.router.navigateByUrl(KIOSK_HOME);
        } else if (this.personal()) void this.loadPhoneSessions(false);
      });

    const timer = setInterval(() => this.tick(), 1000);
    destroyRef.onDestroy(() => clearInterval(timer));
  }

  protected activity(): void {
    // While the question shows, only « Continuer » answers it (a stray touch must not hide it).
    if (this.secondsLeft() === null) this.lastActivity = Date.now();
  }

  protected continue(): void {
    this.lastActivity = Date.now();
    this.secondsLeft.set(null);
    this.spokenSeconds.set(null);
    this.focusBeforeQuestion?.focus();
    this.focusBeforeQuestion = null;
  }

  protected finish(): void {
    void this.state.endAndWipe();
  }

  protected async endFromPhone(session: KioskSessionView): Promise<void> {
    try {
      await this.api.end(session.id);
    } catch {
      // Already ended or expired: the list below is read again either way.
    }
    await this.loadPhoneSessions(true);
  }

  private tick(): void {
    if (!this.kiosk() || !this.auth.signedIn()) {
      this.secondsLeft.set(null);
      return;
    }
    // A session ended from the phone answers 401: the app signs out and the terminal wipes itself.
    if (++this.ticks % HEARTBEAT_SECONDS === 0) void this.auth.reloadMe().catch(() => undefined);
    const left = KIOSK_IDLE_SECONDS - Math.floor((Date.now() - this.lastActivity) / 1000);
    if (left <= 0) {
      this.secondsLeft.set(0);
      void this.state.endAndWipe();
    } else if (left <= KIOSK_COUNTDOWN_SECONDS) {
      const wasHidden = this.secondsLeft() === null;
      this.secondsLeft.set(left);
      if (wasHidden || left % 10 === 0 || left <= 5) this.spokenSeconds.set(left);
      if (wasHidden) {
        const active = this.document.activeElement;
        this.focusBeforeQuestion = active instanceof HTMLElement ? active : null;
        setTimeout(() => this.idleDialog()?.nativeElement.focus());
      }
    } else {
      this.secondsLeft.set(null);
      this.spokenSeconds.set(null);
    }
  }

  private async loadPhoneSessions(force: boolean): Promise<void> {
    if (!this.auth.signedIn() || !this.auth.can(Permission.HouseholdOwn)) {
      this.phoneSessions.set([]);
      return;
    }
    if (!force && Date.now() - this.phoneLoadedAt < PHONE_REFRESH_MS) return;
    this.phoneLoadedAt = Date.now();
    try {
      this.phoneSessions.set(await this.api.mySessions());
    } catch {
      this.phoneSessions.set([]);
    }
  }
}

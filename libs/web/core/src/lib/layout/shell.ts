import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  ElementRef,
  inject,
  Injector,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { filter } from 'rxjs';
import { Permission } from '@foyer/shared/contracts';
import { AuthStore } from '../auth/auth-store';
import { cityName, portalName } from '../city';
import { chooseLocale, type PortalLocale, storedLocale } from '../i18n/locale';
import { AppUpdate } from '../pwa/app-update';
import { InstallPrompt } from '../pwa/install-prompt';
import { OfflineBanner } from '../pwa/offline-banner';
import { conformityLevelLabel } from '../pages/accessibility-page';
import { RGAA_AUDIT } from '../pages/rgaa-audit.generated';

interface NavItem {
  path: string;
  label: string;
  exact: boolean;
}

/** The frame of every page: skip link, header with the main navigation, <main>, footer. */
@Component({
  selector: 'foyer-shell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterOutlet, RouterLink, RouterLinkActive, OfflineBanner, AppUpdate, InstallPrompt],
  host: {
    '(document:click)': 'closeAccountOnOutsideClick($event)',
    '(document:keydown.escape)': 'closeAccount(true)',
  },
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
})
export class Shell {
  protected readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');
  private readonly account = viewChild<ElementRef<HTMLElement>>('account');
  private readonly accountToggle = viewChild<ElementRef<HTMLButtonElement>>('accountToggle');

  protected readonly cityName = cityName();
  protected readonly portalName = portalName();
  /** The language this page is not in, named in its own language (never translated). */
  protected readonly otherLocale: { lang: PortalLocale; label: string } =
    storedLocale() === 'en' ? { lang: 'fr', label: 'Français' } : { lang: 'en', label: 'English' };
  /** « partiellement conforme », computed from the RGAA self-audit. */
  protected readonly accessibilityLevel = conformityLevelLabel(RGAA_AUDIT.level);
  protected readonly menuOpen = signal(false);
  protected readonly accountOpen = signal(false);
  protected readonly signingOut = signal(false);

  protected readonly navItems = computed<NavItem[]>(() => [
    { path: '/', label: $localize`:@@core.shell.nav.home:Accueil`, exact: true },
    // Agents and admins are not a family: the page would only say « Accès refusé ».
    ...(this.auth.signedIn() && !this.auth.can(Permission.HouseholdOwn)
      ? []
      : [{ path: '/famille', label: $localize`:@@core.shell.nav.family:Ma famille`, exact: false }]),
    { path: '/reservations', label: $localize`:@@core.shell.nav.bookings:Réservations`, exact: false },
    { path: '/factures', label: $localize`:@@core.shell.nav.invoices:Factures`, exact: false },
    { path: '/demarches', label: $localize`:@@core.shell.nav.requests:Démarches`, exact: false },
    ...(this.auth.can(Permission.HouseholdsRead)
      ? [{ path: '/agent', label: $localize`:@@core.shell.nav.agent:Espace agent`, exact: false }]
      : []),
    ...(this.auth.can(Permission.AgentsManage) || this.auth.can(Permission.AuditRead)
      ? [{ path: '/admin', label: $localize`:@@core.shell.nav.admin:Administration`, exact: false }]
      : []),
  ]);

  constructor() {
    this.moveFocusOnNavigation(inject(DestroyRef));
  }

  /** Remembers the other language on this device and restarts the page in it. */
  protected switchLocale(): void {
    chooseLocale(this.otherLocale.lang);
  }

  protected toggleMenu(): void {
    this.menuOpen.update((open) => !open);
  }

  protected closeMenu(): void {
    this.menuOpen.set(false);
  }

  /**
   * The account menu is a disclosure (a button that shows a short list of links), lighter than a
   * Material menu in the first download and read naturally by screen readers.
   */
  protected toggleAccount(): void {
    this.accountOpen.update((open) => !open);
  }

  protected closeAccount(returnFocus: boolean): void {
    if (!this.accountOpen()) return;
    this.accountOpen.set(false);
    if (returnFocus) this.accountToggle()?.nativeElement.focus();
  }

  protected closeAccountOnOutsideClick(event: MouseEvent): void {
    const account = this.account()?.nativeElement;
    if (account && event.target instanceof Node && !account.contains(event.target))
      this.accountOpen.set(false);
  }

  /** The link's own href would leave the page (base href is "/"): move focus ourselves. */
  protected skipToContent(event: Event): void {
    event.preventDefault();
    this.main().nativeElement.focus();
  }

  protected async signOut(): Promise<void> {
    this.accountOpen.set(false);
    this.signingOut.set(true);
    try {
      await this.auth.logout();
    } catch {
      // The local session is cleared anyway; the refresh cookie expires on its own.
    } finally {
      this.signingOut.set(false);
    }
    await this.router.navigateByUrl('/');
  }

  /**
   * After a change of page (not on the first load), screen-reader and keyboard users start from the
   * new page's heading rather than from the link they used; the page title says where they are.
   */
  private moveFocusOnNavigation(destroyRef: DestroyRef): void {
    let previousPath: string | null = null;
    this.router.events
      .pipe(
        filter((event): event is NavigationEnd => event instanceof NavigationEnd),
        takeUntilDestroyed(destroyRef),
      )
      .subscribe((event) => {
        const path = event.urlAfterRedirects.split(/[?#]/)[0];
        const changed = previousPath !== null && path !== previousPath;
        previousPath = path;
        this.menuOpen.set(false);
        this.accountOpen.set(false);
        if (!changed) return;
        afterNextRender(() => this.focusPageHeading(), { injector: this.injector });
      });
  }

  /**
   * The new page's <h1> takes the focus (its name is read first, RGAA 12.8), made focusable by script
   * only; a page whose heading is not there yet (still loading) gives it to <main>. For 5 s the focus
   * follows a heading that appears or is drawn again (a page that swaps its loading heading for the
   * loaded one would otherwise drop the focus on <body>), unless the person has moved it.
   */
  private focusPageHeading(): void {
    const main = this.main().nativeElement;
    const focus = (target: HTMLElement) => {
      if (target !== main && !target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
      target.focus({ preventScroll: true });
      return target;
    };
    let target = focus(main.querySelector<HTMLElement>('h1') ?? main);
    const observer = new MutationObserver(() => {
      const heading = main.querySelector<HTMLElement>('h1');
      if (!heading || heading === target) return;
      const active = document.activeElement;
      if (active === target || active === main || active === null || active === document.body) {
        target = focus(heading);
      }
    });
    observer.observe(main, { childList: true, subtree: true });
    setTimeout(() => observer.disconnect(), 5000);
  }
}

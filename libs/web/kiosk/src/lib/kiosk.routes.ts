import { inject } from '@angular/core';
import { CanActivateFn, Router, Routes } from '@angular/router';
import { authGuard, AuthStore } from '@foyer/web/core';
import { KioskActivatePage } from './feature/kiosk-activate-page';
import { KioskApprovePage } from './feature/kiosk-approve-page';
import { KioskAttractPage } from './feature/kiosk-attract-page';
import { KioskHomePage } from './feature/kiosk-home-page';

/** The kiosk's home needs the session opened from the phone; without it, the attract screen. */
const kioskSessionGuard: CanActivateFn = () =>
  inject(AuthStore).signedIn() || inject(Router).createUrlTree(['/borne']);

/** Mounted at /borne: the terminal's screens, and the phone's approval page. */
export const kioskRoutes: Routes = [
  { path: '', component: KioskAttractPage, title: () => $localize`:@@kiosk.title.attract:Borne` },
  {
    path: 'accueil',
    component: KioskHomePage,
    canActivate: [kioskSessionGuard],
    title: () => $localize`:@@kiosk.title.home:Borne — accueil`,
  },
  {
    path: 'approuver',
    component: KioskApprovePage,
    canActivate: [authGuard],
    title: () => $localize`:@@kiosk.title.approve:Ouvrir une session sur une borne`,
  },
  {
    path: 'activer',
    component: KioskActivatePage,
    title: () => $localize`:@@kiosk.title.activate:Activer une borne`,
  },
];

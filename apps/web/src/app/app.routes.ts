import { Routes } from '@angular/router';
import {
  AccessibilityPage,
  ForbiddenPage,
  HomePage,
  LegalNoticePage,
  NotFoundPage,
  PrivacyPage,
  SiteMapPage,
} from '@foyer/web/core';

/**
 * One lazy chunk per domain; the small static pages ship with the shell. Titles are functions: this
 * file is evaluated before the English translations load (see main.ts).
 */
export const appRoutes: Routes = [
  { path: '', pathMatch: 'full', component: HomePage, title: () => $localize`:@@app.title.home:Accueil` },
  { path: 'famille', loadChildren: () => import('@foyer/web/households').then((m) => m.householdsRoutes) },
  { path: 'agent', loadChildren: () => import('@foyer/web/agent').then((m) => m.agentRoutes) },
  { path: 'admin', loadChildren: () => import('@foyer/web/admin').then((m) => m.adminRoutes) },
  {
    path: 'messages',
    loadChildren: () => import('@foyer/web/notifications').then((m) => m.messagesRoutes),
  },
  {
    path: 'admin/annonces',
    loadChildren: () => import('@foyer/web/announcements').then((m) => m.announcementsAdminRoutes),
  },
  {
    path: 'admin/tarifs',
    loadChildren: () => import('@foyer/web/billing').then((m) => m.tariffsRoutes),
  },
  {
    path: 'admin/types-demarches',
    loadChildren: () => import('@foyer/web/requests').then((m) => m.requestTypesAdminRoutes),
  },
  {
    path: 'admin/jobs',
    loadChildren: () => import('@foyer/web/notifications').then((m) => m.failedJobsRoutes),
  },
  {
    path: 'admin/activites',
    loadChildren: () => import('@foyer/web/bookings').then((m) => m.bookingsAdminRoutes),
  },
  {
    path: 'reservations',
    loadChildren: () => import('@foyer/web/bookings').then((m) => m.bookingsRoutes),
  },
  { path: 'factures', loadChildren: () => import('@foyer/web/billing').then((m) => m.billingRoutes) },
  { path: 'borne', loadChildren: () => import('@foyer/web/kiosk').then((m) => m.kioskRoutes) },
  { path: 'demarches', loadChildren: () => import('@foyer/web/requests').then((m) => m.requestsRoutes) },
  {
    path: 'accessibilite',
    component: AccessibilityPage,
    title: () => $localize`:@@app.title.accessibility:Accessibilité`,
  },
  {
    path: 'mentions-legales',
    component: LegalNoticePage,
    title: () => $localize`:@@app.title.legalNotice:Mentions légales`,
  },
  {
    path: 'donnees-personnelles',
    component: PrivacyPage,
    title: () => $localize`:@@app.title.privacy:Données personnelles`,
  },
  {
    path: 'plan-du-site',
    component: SiteMapPage,
    title: () => $localize`:@@app.title.siteMap:Plan du site`,
  },
  {
    path: 'acces-refuse',
    component: ForbiddenPage,
    title: () => $localize`:@@app.title.forbidden:Accès refusé`,
  },
  // Account pages live at the root (/connexion, /inscription…): matched after the paths above.
  { path: '', loadChildren: () => import('@foyer/web/accounts').then((m) => m.accountsRoutes) },
  { path: '**', component: NotFoundPage, title: () => $localize`:@@app.title.notFound:Page introuvable` },
];

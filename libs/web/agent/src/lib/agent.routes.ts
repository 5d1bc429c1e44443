import { ErrorStateMatcher, MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS } from '@angular/material/form-field';
import { Routes } from '@angular/router';
import { Permission } from '@foyer/shared/contracts';
import {
  FORM_FIELD_DEFAULTS,
  MATERIAL_ANIMATION_DEFAULTS,
  TouchedErrorStateMatcher,
  permissionGuard,
} from '@foyer/web/core';
import { provideFrenchDates } from '@foyer/web/households';
import { AgentHomePage } from './feature/agent-home-page';
import { AgentHouseholdPage } from './feature/agent-household-page';
import { HouseholdSearchPage } from './feature/household-search-page';
import { PendingQuotientsPage } from './feature/pending-quotients-page';

/** Mounted at /agent: the city agents' back office. */
export const agentRoutes: Routes = [
  {
    path: '',
    canActivate: [permissionGuard(Permission.HouseholdsRead)],
    providers: [
      { provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: FORM_FIELD_DEFAULTS },
      { provide: MATERIAL_ANIMATIONS, useValue: MATERIAL_ANIMATION_DEFAULTS },
      { provide: ErrorStateMatcher, useClass: TouchedErrorStateMatcher },
      ...provideFrenchDates(),
    ],
    children: [
      { path: '', component: AgentHomePage, title: $localize`:@@agent.title.home:Espace agent` },
      {
        path: 'familles',
        component: HouseholdSearchPage,
        title: $localize`:@@agent.title.search:Rechercher une famille`,
      },
      {
        path: 'familles/:householdId',
        component: AgentHouseholdPage,
        title: $localize`:@@agent.title.household:Dossier famille`,
      },
      {
        path: 'demarches',
        loadChildren: () => import('@foyer/web/requests').then((m) => m.agentRequestsRoutes),
      },
      {
        path: 'quotients',
        component: PendingQuotientsPage,
        title: $localize`:@@agent.title.pendingQuotients:Quotients familiaux à valider`,
        canActivate: [permissionGuard(Permission.QuotientValidate)],
      },
      // Billing tools (scope facturation): each page asks for its own permission.
      {
        path: 'facturation',
        loadChildren: () => import('@foyer/web/billing').then((m) => m.agentBillingRoutes),
      },
      // Bookings (scope enfance): /agent/inscriptions, /agent/fermetures, /agent/pointage, /agent/repas.
      { path: '', loadChildren: () => import('@foyer/web/bookings').then((m) => m.bookingsAgentRoutes) },
    ],
  },
];

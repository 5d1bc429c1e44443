import type { Provider } from '@angular/core';
import { ErrorStateMatcher, MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS } from '@angular/material/form-field';
import { Routes } from '@angular/router';
import { Permission } from '@foyer/shared/contracts';
import {
  FORM_FIELD_DEFAULTS,
  MATERIAL_ANIMATION_DEFAULTS,
  permissionGuard,
  TouchedErrorStateMatcher,
} from '@foyer/web/core';
import { provideSchemaForms } from './forms/schema-form-config';
import { AdminRequestTypePage } from './feature/admin-request-type-page';
import { AdminRequestTypesPage } from './feature/admin-request-types-page';
import { AgentDashboardPage } from './feature/agent-dashboard-page';
import { AgentFileRequestPage } from './feature/agent-file-request-page';
import { AgentQueuePage } from './feature/agent-queue-page';
import { AgentRequestPage } from './feature/agent-request-page';
import { RequestFormPage } from './feature/request-form-page';
import { RequestPage } from './feature/request-page';
import { RequestsHomePage } from './feature/requests-home-page';

/** What every page of the lib needs: Material's defaults and formly for the forms drawn from schemas. */
function pageProviders(): Provider[] {
  return [
    { provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: FORM_FIELD_DEFAULTS },
    { provide: MATERIAL_ANIMATIONS, useValue: MATERIAL_ANIMATION_DEFAULTS },
    { provide: ErrorStateMatcher, useClass: TouchedErrorStateMatcher },
    ...provideSchemaForms(),
  ];
}

/** Mounted at /demarches: a resident's requests. */
export const requestsRoutes: Routes = [
  {
    path: '',
    canActivate: [permissionGuard(Permission.HouseholdOwn)],
    providers: pageProviders(),
    children: [
      { path: '', component: RequestsHomePage, title: $localize`:@@requests.title.home:Mes démarches` },
      {
        path: 'nouvelle/:code',
        component: RequestFormPage,
        title: $localize`:@@requests.title.new:Nouvelle démarche`,
      },
      {
        path: ':id/modifier',
        component: RequestFormPage,
        title: $localize`:@@requests.title.edit:Compléter ma démarche`,
      },
      { path: ':id', component: RequestPage, title: $localize`:@@requests.title.request:Ma démarche` },
    ],
  },
];

/** Mounted at /agent/demarches (inside the agent area): the back office of the requests. */
export const agentRequestsRoutes: Routes = [
  {
    path: '',
    canActivate: [permissionGuard(Permission.RequestsProcess)],
    providers: pageProviders(),
    children: [
      {
        path: '',
        component: AgentQueuePage,
        title: $localize`:@@requests.title.queue:File de traitement des démarches`,
      },
      {
        path: 'tableau-de-bord',
        component: AgentDashboardPage,
        title: $localize`:@@requests.title.dashboard:Tableau de bord des démarches`,
      },
      {
        path: 'nouvelle',
        component: AgentFileRequestPage,
        title: $localize`:@@requests.title.fileForFamily:Déposer une démarche pour une famille`,
      },
      {
        path: ':id',
        component: AgentRequestPage,
        title: $localize`:@@requests.title.agentRequest:Fiche demande`,
      },
    ],
  },
];

/** Mounted at /admin/types-demarches: the request types and their forms. */
export const requestTypesAdminRoutes: Routes = [
  {
    path: '',
    canActivate: [permissionGuard(Permission.CityManage)],
    providers: pageProviders(),
    children: [
      {
        path: '',
        component: AdminRequestTypesPage,
        title: $localize`:@@requests.title.types:Types de démarches`,
      },
      {
        path: 'nouveau',
        component: AdminRequestTypePage,
        title: $localize`:@@requests.title.newType:Nouveau type de démarche`,
      },
      {
        path: ':id',
        component: AdminRequestTypePage,
        title: $localize`:@@requests.title.type:Type de démarche`,
      },
    ],
  },
];

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
      { path: '', component: RequestsHomePage, title: 'Mes démarches' },
      { path: 'nouvelle/:code', component: RequestFormPage, title: 'Nouvelle démarche' },
      { path: ':id/modifier', component: RequestFormPage, title: 'Compléter ma démarche' },
      { path: ':id', component: RequestPage, title: 'Ma démarche' },
    ],
  },
];

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
import { provideFrenchDates } from '@foyer/web/households';
import { FamilyCalendarPage } from './feature/family-calendar-page';

const FORM_PROVIDERS = [
  { provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: FORM_FIELD_DEFAULTS },
  { provide: MATERIAL_ANIMATIONS, useValue: MATERIAL_ANIMATION_DEFAULTS },
  { provide: ErrorStateMatcher, useClass: TouchedErrorStateMatcher },
  ...provideFrenchDates(),
];

/** Mounted at /reservations: a resident's calendar and enrolments. */
export const bookingsRoutes: Routes = [
  {
    path: '',
    canActivate: [permissionGuard(Permission.HouseholdOwn)],
    providers: FORM_PROVIDERS,
    children: [{ path: '', component: FamilyCalendarPage, title: 'Réservations' }],
  },
];

import { ErrorStateMatcher, MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS } from '@angular/material/form-field';
import { Routes } from '@angular/router';
import { Permission } from '@foyer/shared/contracts';
import {
  authGuard,
  FORM_FIELD_DEFAULTS,
  MATERIAL_ANIMATION_DEFAULTS,
  permissionGuard,
  TouchedErrorStateMatcher,
} from '@foyer/web/core';
import { provideFrenchDates } from '@foyer/web/households';
import { AdminHomePage } from './feature/admin-home-page';
import { AdminLayout } from './feature/admin-layout';
import { AgentsPage } from './feature/agents-page';
import { AuditPage } from './feature/audit-page';
import { CalendarsPage } from './feature/calendars-page';
import { SitesPage } from './feature/sites-page';

/** Mounted at /admin: the administrators' area. Each page asks for its own permission. */
export const adminRoutes: Routes = [
  {
    path: '',
    component: AdminLayout,
    canActivate: [authGuard],
    providers: [
      { provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: FORM_FIELD_DEFAULTS },
      { provide: MATERIAL_ANIMATIONS, useValue: MATERIAL_ANIMATION_DEFAULTS },
      { provide: ErrorStateMatcher, useClass: TouchedErrorStateMatcher },
      ...provideFrenchDates(),
    ],
    children: [
      {
        path: '',
        component: AdminHomePage,
        title: $localize`:@@admin.title.home:Administration`,
        canActivate: [permissionGuard(Permission.AuditRead)],
      },
      {
        path: 'agents',
        component: AgentsPage,
        title: $localize`:@@admin.title.agents:Agents`,
        canActivate: [permissionGuard(Permission.AgentsManage)],
      },
      {
        path: 'journal',
        component: AuditPage,
        title: $localize`:@@admin.title.audit:Journal d'audit`,
        canActivate: [permissionGuard(Permission.AuditRead)],
      },
      {
        path: 'sites',
        component: SitesPage,
        title: $localize`:@@admin.title.sites:Sites`,
        canActivate: [permissionGuard(Permission.CityManage)],
      },
      {
        path: 'calendriers',
        component: CalendarsPage,
        title: $localize`:@@admin.title.calendars:Calendriers scolaires`,
        canActivate: [permissionGuard(Permission.CityManage)],
      },
    ],
  },
];

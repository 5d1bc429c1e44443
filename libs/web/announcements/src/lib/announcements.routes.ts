import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS } from '@angular/material/form-field';
import { ErrorStateMatcher } from '@angular/material/core';
import { Routes } from '@angular/router';
import { Permission } from '@foyer/shared/contracts';
import {
  FORM_FIELD_DEFAULTS,
  MATERIAL_ANIMATION_DEFAULTS,
  permissionGuard,
  TouchedErrorStateMatcher,
} from '@foyer/web/core';
import { AnnouncementsAdminPage } from './feature/announcements-admin-page';

/** Mounted at /admin/annonces: the administrators' announcements. */
export const announcementsAdminRoutes: Routes = [
  {
    path: '',
    canActivate: [permissionGuard(Permission.CityManage)],
    providers: [
      { provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: FORM_FIELD_DEFAULTS },
      { provide: MATERIAL_ANIMATIONS, useValue: MATERIAL_ANIMATION_DEFAULTS },
      { provide: ErrorStateMatcher, useClass: TouchedErrorStateMatcher },
    ],
    component: AnnouncementsAdminPage,
    title: $localize`:@@announcements.title.admin:Annonces`,
  },
];

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
import { ActivitiesAdminPage } from './feature/activities-admin-page';
import { AttendancePage } from './feature/attendance-page';
import { ClosuresPage } from './feature/closures-page';
import { EnrollmentRequestsPage } from './feature/enrollment-requests-page';
import { EnrollmentsPage } from './feature/enrollments-page';
import { MealCountsPage } from './feature/meal-counts-page';
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
    children: [
      {
        path: '',
        component: FamilyCalendarPage,
        title: $localize`:@@bookings.routes.calendar:Réservations`,
        canDeactivate: [(page: FamilyCalendarPage) => page.canLeave()],
      },
      {
        path: 'inscriptions',
        component: EnrollmentsPage,
        title: $localize`:@@bookings.routes.enrollments:Inscriptions aux activités`,
      },
    ],
  },
];

/**
 * The agents' pages (scope enfance), mounted inside /agent: enrolment requests, closures, attendance
 * at the school gate, meal counts for the kitchen.
 */
export const BOOKINGS_AGENT_PERMISSION = Permission.BookingsManage;

export const bookingsAgentRoutes: Routes = [
  {
    path: '',
    canActivate: [permissionGuard(BOOKINGS_AGENT_PERMISSION)],
    providers: FORM_PROVIDERS,
    children: [
      {
        path: 'inscriptions',
        component: EnrollmentRequestsPage,
        title: $localize`:@@bookings.routes.enrollmentRequests:Demandes d'inscription`,
      },
      {
        path: 'fermetures',
        component: ClosuresPage,
        title: $localize`:@@bookings.routes.closures:Fermetures`,
      },
      {
        path: 'pointage',
        component: AttendancePage,
        title: $localize`:@@bookings.routes.attendance:Pointage`,
      },
      {
        path: 'repas',
        component: MealCountsPage,
        title: $localize`:@@bookings.routes.mealCounts:Effectifs des repas`,
      },
    ],
  },
];

/** Mounted at /admin/activites: the catalogue, its rules, sites, capacities and holiday campaigns. */
export const bookingsAdminRoutes: Routes = [
  {
    path: '',
    canActivate: [permissionGuard(Permission.CityManage)],
    providers: FORM_PROVIDERS,
    component: ActivitiesAdminPage,
    title: $localize`:@@bookings.routes.activities:Activités`,
  },
];

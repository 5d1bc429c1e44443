import { ErrorStateMatcher, MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS } from '@angular/material/form-field';
import { Routes } from '@angular/router';
import { Permission } from '@foyer/shared/contracts';
import {
  authGuard,
  FORM_FIELD_DEFAULTS,
  MATERIAL_ANIMATION_DEFAULTS,
  TouchedErrorStateMatcher,
  permissionGuard,
} from '@foyer/web/core';
import { ChildPage } from './feature/child-page';
import { provideFrenchDates } from './ui/french-dates';
import { DocumentsPage } from './feature/documents-page';
import { FamilyPage } from './feature/family-page';
import { JoinHouseholdPage } from './feature/join-household-page';
import { QuotientPage } from './feature/quotient-page';

/** Mounted at /famille: a resident's own household. */
export const householdsRoutes: Routes = [
  {
    path: '',
    providers: [
      { provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: FORM_FIELD_DEFAULTS },
      { provide: MATERIAL_ANIMATIONS, useValue: MATERIAL_ANIMATION_DEFAULTS },
      { provide: ErrorStateMatcher, useClass: TouchedErrorStateMatcher },
      ...provideFrenchDates(),
    ],
    children: [
      // The invitation link: signing in first (the guard keeps ?token= in « retour ») is enough.
      {
        path: 'rejoindre',
        canActivate: [authGuard],
        component: JoinHouseholdPage,
        title: $localize`:@@households.title.join:Rejoindre un foyer`,
      },
      {
        path: '',
        canActivate: [permissionGuard(Permission.HouseholdOwn)],
        children: [
          { path: '', component: FamilyPage, title: $localize`:@@households.title.family:Ma famille` },
          {
            path: 'enfants/nouveau',
            component: ChildPage,
            title: $localize`:@@households.title.newChild:Ajouter un enfant`,
          },
          {
            path: 'enfants/:childId',
            component: ChildPage,
            title: $localize`:@@households.title.child:Fiche de l'enfant`,
          },
          {
            path: 'quotient',
            component: QuotientPage,
            title: $localize`:@@households.title.quotient:Quotient familial`,
          },
          {
            path: 'documents',
            component: DocumentsPage,
            title: $localize`:@@households.title.documents:Mes documents`,
          },
        ],
      },
    ],
  },
];

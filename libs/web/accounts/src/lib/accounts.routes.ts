import { MAT_FORM_FIELD_DEFAULT_OPTIONS } from '@angular/material/form-field';
import { Routes } from '@angular/router';
import { FORM_FIELD_DEFAULTS } from '@foyer/web/core';
import { LoginPage } from './feature/login-page';

/** Mounted at the root by the app: the paths are the French URLs residents see. */
export const accountsRoutes: Routes = [
  {
    path: '',
    providers: [{ provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: FORM_FIELD_DEFAULTS }],
    children: [{ path: 'connexion', component: LoginPage, title: 'Connexion' }],
  },
];

import { ErrorStateMatcher, MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS } from '@angular/material/form-field';
import { Routes } from '@angular/router';
import {
  authGuard,
  FORM_FIELD_DEFAULTS,
  MATERIAL_ANIMATION_DEFAULTS,
  TouchedErrorStateMatcher,
} from '@foyer/web/core';
import { AccountPage } from './feature/account-page';
import { DevMailboxPage } from './feature/dev-mailbox-page';
import { ForgotPasswordPage } from './feature/forgot-password-page';
import { LoginPage } from './feature/login-page';
import { RegisterPage } from './feature/register-page';
import { ResetPasswordPage } from './feature/reset-password-page';
import { VerifyEmailPage } from './feature/verify-email-page';

/** Mounted at the root by the app: the paths are the French URLs residents see. */
export const accountsRoutes: Routes = [
  {
    path: '',
    providers: [
      { provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: FORM_FIELD_DEFAULTS },
      { provide: MATERIAL_ANIMATIONS, useValue: MATERIAL_ANIMATION_DEFAULTS },
      { provide: ErrorStateMatcher, useClass: TouchedErrorStateMatcher },
    ],
    children: [
      { path: 'connexion', component: LoginPage, title: $localize`:@@accounts.title.login:Connexion` },
      {
        path: 'inscription',
        component: RegisterPage,
        title: $localize`:@@accounts.title.register:Créer un compte`,
      },
      {
        path: 'verification-email',
        component: VerifyEmailPage,
        title: $localize`:@@accounts.title.verifyEmail:Vérification de l'adresse e-mail`,
      },
      {
        path: 'mot-de-passe-oublie',
        component: ForgotPasswordPage,
        title: $localize`:@@accounts.title.forgotPassword:Mot de passe oublié`,
      },
      {
        path: 'reinitialisation',
        component: ResetPasswordPage,
        title: $localize`:@@accounts.title.resetPassword:Nouveau mot de passe`,
      },
      {
        path: 'mon-compte',
        component: AccountPage,
        title: $localize`:@@accounts.title.account:Mon compte`,
        canActivate: [authGuard],
      },
      {
        path: 'dev/mailbox',
        component: DevMailboxPage,
        title: $localize`:@@accounts.title.devMailbox:Boîte mail de développement`,
      },
    ],
  },
];

import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { ErrorAlert, fieldErrorMessage, formState, submitForm, toFormError } from '@foyer/web/core';
import { AccountsApi } from '../data-access/accounts-api';

@Component({
  selector: 'foyer-forgot-password-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink, MatButtonModule, MatFormFieldModule, MatInputModule, ErrorAlert],
  template: `
    <div class="page-narrow">
      <h1 i18n="@@accounts.forgotPasswordPage.forgottenPassword">Mot de passe oublié</h1>
      <div role="status" aria-atomic="true">
        @if (acknowledgement(); as text) {
          <div class="notice notice-success">
            <p><strong i18n="@@accounts.forgotPasswordPage.requestReceived">Demande enregistrée.</strong></p>
            <p>{{ text }}</p>
          </div>
        }
      </div>
      @if (!acknowledgement()) {
        <p i18n="@@accounts.forgotPasswordPage.enterAccountsEMail" class="lead">
          Saisissez l'adresse e-mail de votre compte : nous vous enverrons un lien pour choisir un nouveau mot
          de passe.
        </p>
        <foyer-error-alert [message]="request.error()" />
        <form class="form-stack" [formGroup]="form" (ngSubmit)="submit()" novalidate>
          <mat-form-field>
            <mat-label i18n="@@accounts.forgotPasswordPage.eMailAddress">Adresse e-mail</mat-label>
            <input
              matInput
              type="email"
              formControlName="email"
              autocomplete="email"
              inputmode="email"
              spellcheck="false"
              required
            />
            <mat-error>{{ errorOf(form.controls.email) }}</mat-error>
          </mat-form-field>
          <div class="form-actions">
            <button
              i18n="@@accounts.forgotPasswordPage.sendLink"
              mat-flat-button
              type="submit"
              [disabled]="request.busy()"
            >
              Envoyer le lien
            </button>
          </div>
        </form>
      }
      <p>
        <a i18n="@@accounts.forgotPasswordPage.backSign" routerLink="/connexion">Retour à la connexion</a>
      </p>
    </div>
  `,
})
export class ForgotPasswordPage {
  private readonly accounts = inject(AccountsApi);

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
  });
  protected readonly request = formState();
  protected readonly acknowledgement = signal<string | null>(null);
  protected readonly errorOf = fieldErrorMessage;

  protected async submit(): Promise<void> {
    const email = this.form.controls.email.value.trim();
    const standard = $localize`:@@accounts.forgotPasswordPage.sent:Si un compte existe pour ${email}:email:, un message vient de lui être envoyé avec un lien pour choisir un nouveau mot de passe. Le lien est valable peu de temps.`;
    await submitForm({
      state: this.request,
      form: this.form,
      invalidMessage: $localize`:@@accounts.forgotPasswordPage.missingEmail:Saisissez votre adresse e-mail.`,
      send: async () => {
        try {
          return (await this.accounts.forgotPassword(email))?.message ?? standard;
        } catch (failure) {
          // The same words whatever the server says: nobody learns whether an address has an account.
          const status = toFormError(failure).status;
          if (status === 0 || status === 429) throw failure;
          return standard;
        }
      },
      success: (message) => {
        this.acknowledgement.set(message);
        return null;
      },
    });
  }
}

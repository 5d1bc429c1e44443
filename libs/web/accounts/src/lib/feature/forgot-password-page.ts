import { ChangeDetectionStrategy, Component, ElementRef, inject, Injector, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import {
  ErrorAlert,
  fieldErrorMessage,
  focusFirstInvalidField,
  SERVER_UNREACHABLE_MESSAGE,
  toFormError,
} from '@foyer/web/core';
import { AccountsApi } from '../data-access/accounts-api';

@Component({
  selector: 'foyer-forgot-password-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink, MatButtonModule, MatFormFieldModule, MatInputModule, ErrorAlert],
  template: `
    <div class="page-narrow">
      <h1>Mot de passe oublié</h1>
      <div role="status" aria-atomic="true">
        @if (acknowledgement(); as text) {
          <div class="notice notice-success">
            <p><strong>Demande enregistrée.</strong></p>
            <p>{{ text }}</p>
          </div>
        }
      </div>
      @if (!acknowledgement()) {
        <p class="lead">
          Saisissez l'adresse e-mail de votre compte : nous vous enverrons un lien pour choisir un nouveau mot
          de passe.
        </p>
        <foyer-error-alert [message]="error()" />
        <form class="form-stack" [formGroup]="form" (ngSubmit)="submit()" novalidate>
          <mat-form-field>
            <mat-label>Adresse e-mail</mat-label>
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
            <button mat-flat-button type="submit" [disabled]="submitting()">Envoyer le lien</button>
          </div>
        </form>
      }
      <p><a routerLink="/connexion">Retour à la connexion</a></p>
    </div>
  `,
})
export class ForgotPasswordPage {
  private readonly accounts = inject(AccountsApi);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
  });
  protected readonly submitting = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly acknowledgement = signal<string | null>(null);
  protected readonly errorOf = fieldErrorMessage;

  protected async submit(): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalidField(this.host.nativeElement, this.injector);
      return;
    }
    const email = this.form.controls.email.value.trim();
    const standard = `Si un compte existe pour ${email}, un message vient de lui être envoyé avec un lien pour choisir un nouveau mot de passe. Le lien est valable peu de temps.`;
    this.submitting.set(true);
    this.error.set(null);
    try {
      const answer = await this.accounts.forgotPassword(email);
      this.acknowledgement.set(answer?.message ?? standard);
    } catch (failure) {
      // The same words whatever the server says: nobody learns whether an address has an account.
      const error = toFormError(failure);
      if (error.status === 0) this.error.set(SERVER_UNREACHABLE_MESSAGE);
      else if (error.status === 429) this.error.set(error.message);
      else this.acknowledgement.set(standard);
    } finally {
      this.submitting.set(false);
    }
  }
}

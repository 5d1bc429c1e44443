import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { ErrorAlert, fieldErrorMessage, formState, submitForm } from '@foyer/web/core';
import { AccountsApi } from '../data-access/accounts-api';
import { PASSWORD_MESSAGES, PASSWORD_MIN_LENGTH, PASSWORD_RULE_TEXT, sameAs } from '../ui/password-rules';
import { PasswordStrength } from '../ui/password-strength';

/** Landing page of the reset link: /reinitialisation?token=… */
@Component({
  selector: 'foyer-reset-password-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    ErrorAlert,
    PasswordStrength,
  ],
  template: `
    <div class="page-narrow">
      <h1 i18n="@@accounts.resetPasswordPage.chooseNewPassword">Choisir un nouveau mot de passe</h1>
      <div role="status" aria-atomic="true">
        @if (done()) {
          <div class="notice notice-success">
            <p>
              <strong i18n="@@accounts.resetPasswordPage.passwordHasBeenChanged"
                >Votre mot de passe a été modifié.</strong
              >
            </p>
            <p i18n="@@accounts.resetPasswordPage.youCanSignWith">
              Vous pouvez vous connecter avec ce nouveau mot de passe.
            </p>
          </div>
        }
      </div>
      @if (done()) {
        <p>
          <a
            i18n="@@accounts.resetPasswordPage.signIn"
            class="link-button link-button-primary"
            routerLink="/connexion"
            >Me connecter</a
          >
        </p>
      } @else if (!token()) {
        <div class="notice notice-error">
          <p i18n="@@accounts.resetPasswordPage.errorLinkIncompleteAsk">
            <strong>Erreur :</strong> ce lien est incomplet. Demandez un nouveau lien de réinitialisation.
          </p>
        </div>
        <p>
          <a i18n="@@accounts.resetPasswordPage.askNewLink" routerLink="/mot-de-passe-oublie"
            >Demander un nouveau lien</a
          >
        </p>
      } @else {
        <foyer-error-alert [message]="reset.error()">
          @if (linkRejected()) {
            <p>
              <a i18n="@@accounts.resetPasswordPage.askNewLink" routerLink="/mot-de-passe-oublie"
                >Demander un nouveau lien</a
              >
            </p>
          }
        </foyer-error-alert>
        <form class="form-stack" [formGroup]="form" (ngSubmit)="submit()" novalidate>
          <mat-form-field>
            <mat-label i18n="@@accounts.resetPasswordPage.newPassword">Nouveau mot de passe</mat-label>
            <input matInput type="password" formControlName="password" autocomplete="new-password" required />
            <mat-hint>{{ passwordRule }}</mat-hint>
            <mat-error>{{ errorOf(form.controls.password, passwordMessages) }}</mat-error>
          </mat-form-field>
          <foyer-password-strength [password]="password()" />
          <mat-form-field>
            <mat-label i18n="@@accounts.resetPasswordPage.confirmPassword"
              >Confirmer le mot de passe</mat-label
            >
            <input
              matInput
              type="password"
              formControlName="confirmPassword"
              autocomplete="new-password"
              required
            />
            <mat-error>{{ errorOf(form.controls.confirmPassword, passwordMessages) }}</mat-error>
          </mat-form-field>
          <div class="form-actions">
            <button
              i18n="@@accounts.resetPasswordPage.save"
              mat-flat-button
              type="submit"
              [disabled]="reset.busy()"
            >
              Enregistrer
            </button>
          </div>
        </form>
      }
    </div>
  `,
})
export class ResetPasswordPage {
  readonly token = input<string>();

  private readonly accounts = inject(AccountsApi);

  protected readonly form = inject(NonNullableFormBuilder).group({
    password: ['', [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH)]],
    confirmPassword: ['', [Validators.required, sameAs('password')]],
  });
  protected readonly passwordRule = PASSWORD_RULE_TEXT;
  protected readonly passwordMessages = PASSWORD_MESSAGES;
  protected readonly reset = formState();
  protected readonly password = toSignal(this.form.controls.password.valueChanges, { initialValue: '' });
  protected readonly linkRejected = signal(false);
  protected readonly done = signal(false);
  protected readonly errorOf = fieldErrorMessage;

  protected async submit(): Promise<void> {
    this.form.controls.confirmPassword.updateValueAndValidity();
    this.linkRejected.set(false);
    const saved = await submitForm({
      state: this.reset,
      form: this.form,
      invalidMessage: $localize`:@@accounts.form.invalid:Le formulaire contient des erreurs. Corrigez les champs signalés.`,
      aliases: { newPassword: 'password' },
      send: async () => {
        await this.accounts.resetPassword(this.token() ?? '', this.form.controls.password.value);
        return true;
      },
      onError: (error) => {
        const aboutPassword = 'password' in error.fields || 'newPassword' in error.fields;
        this.linkRejected.set(
          'token' in error.fields || (!aboutPassword && [400, 404, 410].includes(error.status)),
        );
        return [];
      },
    });
    if (saved) this.done.set(true);
  }
}

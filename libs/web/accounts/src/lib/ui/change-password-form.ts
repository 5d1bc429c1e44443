import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import {
  AuthStore,
  ErrorAlert,
  fieldErrorMessage,
  formState,
  StatusMessage,
  submitForm,
} from '@foyer/web/core';
import { AccountsApi } from '../data-access/accounts-api';
import { PASSWORD_MESSAGES, PASSWORD_MIN_LENGTH, PASSWORD_RULE_TEXT, sameAs } from './password-rules';
import { PasswordStrength } from './password-strength';

/** « Changer de mot de passe »: the current one, then the new one twice. Other sessions are closed. */
@Component({
  selector: 'foyer-change-password-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    ErrorAlert,
    StatusMessage,
    PasswordStrength,
  ],
  template: `
    <foyer-status-message [message]="state.status()" />
    <foyer-error-alert [message]="state.error()" />
    <form id="password-form" class="form-stack" [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-form-field>
        <mat-label i18n="@@accounts.changePasswordForm.currentPassword">Mot de passe actuel</mat-label>
        <input
          matInput
          type="password"
          formControlName="currentPassword"
          autocomplete="current-password"
          required
        />
        <mat-error>{{ errorOf(form.controls.currentPassword) }}</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label i18n="@@accounts.changePasswordForm.newPassword">Nouveau mot de passe</mat-label>
        <input matInput type="password" formControlName="newPassword" autocomplete="new-password" required />
        <mat-hint>{{ passwordRule }}</mat-hint>
        <mat-error>{{ errorOf(form.controls.newPassword, passwordMessages) }}</mat-error>
      </mat-form-field>
      <foyer-password-strength [password]="newPassword()" />
      <mat-form-field>
        <mat-label i18n="@@accounts.changePasswordForm.confirmNewPassword"
          >Confirmer le nouveau mot de passe</mat-label
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
          i18n="@@accounts.changePasswordForm.changePassword"
          mat-flat-button
          type="submit"
          [disabled]="state.busy()"
        >
          Changer de mot de passe
        </button>
      </div>
    </form>
  `,
})
export class ChangePasswordForm {
  private readonly api = inject(AccountsApi);
  private readonly auth = inject(AuthStore);

  protected readonly state = formState('#password-form');
  protected readonly errorOf = fieldErrorMessage;
  protected readonly passwordRule = PASSWORD_RULE_TEXT;
  protected readonly passwordMessages = PASSWORD_MESSAGES;
  protected readonly form = inject(NonNullableFormBuilder).group({
    currentPassword: ['', [Validators.required]],
    newPassword: ['', [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH)]],
    confirmPassword: ['', [Validators.required, sameAs('newPassword')]],
  });
  /** For the strength meter. */
  protected readonly newPassword = toSignal(this.form.controls.newPassword.valueChanges, {
    initialValue: '',
  });

  protected async submit(): Promise<void> {
    this.form.controls.confirmPassword.updateValueAndValidity();
    const { currentPassword, newPassword } = this.form.getRawValue();
    await submitForm({
      state: this.state,
      form: this.form,
      invalidMessage: $localize`:@@accounts.form.invalid:Le formulaire contient des erreurs. Corrigez les champs signalés.`,
      // The change ends every access token (the session version moves on): this device, which keeps
      // its refresh token, takes a new one at once instead of meeting a 401 on its next request.
      send: async () => {
        const answer = await this.api.changePassword({ currentPassword, newPassword });
        await this.auth.refresh();
        return answer;
      },
      resetTo: { currentPassword: '', newPassword: '', confirmPassword: '' },
      success: () =>
        $localize`:@@accounts.changePasswordForm.changed:Votre mot de passe a été changé. Vos autres appareils ont été déconnectés ; celui-ci reste connecté.`,
    });
  }
}

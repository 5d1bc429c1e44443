import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { ErrorAlert, fieldErrorMessage, formState, StatusMessage, submitForm } from '@foyer/web/core';
import { AccountsApi } from '../data-access/accounts-api';

/** « Changer d'adresse e-mail »: the new address receives a link; nothing changes until it is opened. */
@Component({
  selector: 'foyer-change-email-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    ErrorAlert,
    StatusMessage,
  ],
  template: `
    <foyer-status-message [message]="state.status()" />
    <foyer-error-alert [message]="state.error()" />
    <form id="email-form" class="form-stack" [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-form-field>
        <mat-label i18n="@@accounts.changeEmailForm.newEMailAddress">Nouvelle adresse e-mail</mat-label>
        <input
          matInput
          type="email"
          formControlName="newEmail"
          autocomplete="email"
          inputmode="email"
          spellcheck="false"
          required
        />
        <mat-hint i18n="@@accounts.changeEmailForm.confirmationLinkWillBe"
          >Un lien de confirmation y sera envoyé ; votre adresse change quand vous l'ouvrez.</mat-hint
        >
        <mat-error>{{ errorOf(form.controls.newEmail) }}</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label i18n="@@accounts.changeEmailForm.currentPassword">Mot de passe actuel</mat-label>
        <input matInput type="password" formControlName="password" autocomplete="current-password" required />
        <mat-error>{{ errorOf(form.controls.password) }}</mat-error>
      </mat-form-field>
      <div class="form-actions">
        <button
          i18n="@@accounts.changeEmailForm.changeEMailAddress"
          mat-flat-button
          type="submit"
          [disabled]="state.busy()"
        >
          Changer d'adresse e-mail
        </button>
      </div>
    </form>
  `,
})
export class ChangeEmailForm {
  private readonly api = inject(AccountsApi);

  protected readonly state = formState('#email-form');
  protected readonly errorOf = fieldErrorMessage;
  protected readonly form = inject(NonNullableFormBuilder).group({
    newEmail: ['', [Validators.required, Validators.email, Validators.maxLength(254)]],
    password: ['', [Validators.required]],
  });

  protected async submit(): Promise<void> {
    const { newEmail, password } = this.form.getRawValue();
    await submitForm({
      state: this.state,
      form: this.form,
      invalidMessage: $localize`:@@accounts.form.invalid:Le formulaire contient des erreurs. Corrigez les champs signalés.`,
      send: () => this.api.changeEmail({ newEmail: newEmail.trim(), password }),
      resetTo: { newEmail: '', password: '' },
      success: () =>
        $localize`:@@accounts.changeEmailForm.sent:Un lien de confirmation a été envoyé à ${newEmail.trim()}:email:. Votre adresse changera quand vous l'ouvrirez.`,
    });
  }
}

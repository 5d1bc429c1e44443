import {
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  signal,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import type { RegisterRequest } from '@foyer/shared/contracts';
import {
  ErrorAlert,
  fieldErrorMessage,
  focusAfterRender,
  FormErrorSummary,
  formState,
  submitForm,
} from '@foyer/web/core';
import { AccountsApi } from '../data-access/accounts-api';
import { PASSWORD_MESSAGES, PASSWORD_MIN_LENGTH, PASSWORD_RULE_TEXT, sameAs } from '../ui/password-rules';
import { FRENCH_PHONE_PATTERN } from '@foyer/shared/domain';
import { PasswordStrength } from '../ui/password-strength';

@Component({
  selector: 'foyer-register-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    ErrorAlert,
    FormErrorSummary,
    PasswordStrength,
  ],
  templateUrl: './register-page.html',
})
export class RegisterPage {
  private readonly accounts = inject(AccountsApi);
  private readonly injector = inject(Injector);
  private readonly heading = viewChild<ElementRef<HTMLElement>>('heading');

  protected readonly form = inject(NonNullableFormBuilder).group({
    firstName: ['', [Validators.required, Validators.maxLength(100)]],
    lastName: ['', [Validators.required, Validators.maxLength(100)]],
    email: ['', [Validators.required, Validators.email]],
    phone: ['', [Validators.required, Validators.pattern(FRENCH_PHONE_PATTERN)]],
    password: ['', [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH)]],
    confirmPassword: ['', [Validators.required, sameAs('password')]],
  });
  protected readonly passwordRule = PASSWORD_RULE_TEXT;
  protected readonly passwordMessages = PASSWORD_MESSAGES;
  /** The form as signals, for the live strength estimate (names and e-mail count against it). */
  private readonly values = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });
  protected readonly password = computed(() => this.values().password ?? '');
  protected readonly ownWords = computed(() => {
    const v = this.values();
    return [v.firstName ?? '', v.lastName ?? '', v.email ?? ''];
  });
  protected readonly phoneMessages = {
    pattern: $localize`:@@accounts.registerPage.phoneInvalid:Saisissez un numéro de téléphone, par exemple 06 12 34 56 78.`,
  };
  protected readonly registration = formState();
  /** Set once the request is sent: the page then asks to open the mailbox. */
  protected readonly registered = signal<{ email: string } | null>(null);
  protected readonly errorOf = fieldErrorMessage;

  protected async submit(): Promise<void> {
    this.form.controls.confirmPassword.updateValueAndValidity();
    const value = this.form.getRawValue();
    const request: RegisterRequest = {
      firstName: value.firstName.trim(),
      lastName: value.lastName.trim(),
      email: value.email.trim(),
      phone: value.phone.trim(),
      password: value.password,
    };
    const done = await submitForm({
      state: this.registration,
      form: this.form,
      invalidMessage: $localize`:@@accounts.form.invalid:Le formulaire contient des erreurs. Corrigez les champs signalés.`,
      send: async () => {
        await this.accounts.register(request);
        return true;
      },
    });
    if (done) {
      this.registered.set({ email: request.email });
      focusAfterRender(() => this.heading()?.nativeElement, this.injector);
    }
  }
}

import { ApiErrorCode } from '@foyer/shared/contracts';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MAT_BUTTON_CONFIG, MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import {
  AuthStore,
  ErrorAlert,
  fieldErrorMessage,
  FormErrorSummary,
  formState,
  safeReturnUrl,
  StatusMessage,
  submitForm,
  toFormError,
} from '@foyer/web/core';
import { AccountsApi } from '../data-access/accounts-api';
import { FranceConnectButton } from '../ui/france-connect-button';

@Component({
  selector: 'foyer-login-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    ErrorAlert,
    FormErrorSummary,
    StatusMessage,
    FranceConnectButton,
  ],
  templateUrl: './login-page.html',
  // A button busy with its request stays focusable (aria-disabled): a refused sign-in leaves the
  // keyboard focus on « Se connecter », not lost to the page.
  providers: [{ provide: MAT_BUTTON_CONFIG, useValue: { disabledInteractive: true } }],
})
export class LoginPage {
  /** Where to go after signing in (?retour=/famille), set by the guards. */
  readonly retour = input<string>();
  /** Set by the API when a FranceConnect sign-in did not succeed (?franceconnect=echec|indisponible). */
  readonly franceconnect = input<string>();

  private readonly auth = inject(AuthStore);
  private readonly accounts = inject(AccountsApi);
  private readonly router = inject(Router);

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', [Validators.required]],
  });
  protected readonly signIn = formState();
  protected readonly unverified = signal(false);
  protected readonly resending = signal(false);
  protected readonly resendMessage = signal<string | null>(null);
  protected readonly errorOf = fieldErrorMessage;
  protected readonly franceConnectProblem = computed(() => {
    switch (this.franceconnect()) {
      case undefined:
      case '':
        return null;
      case 'indisponible':
        return $localize`:@@accounts.loginPage.franceConnectUnavailable:FranceConnect n'est pas disponible pour le moment. Connectez-vous avec votre adresse e-mail, ou réessayez plus tard.`;
      default:
        return $localize`:@@accounts.loginPage.franceConnectFailed:La connexion avec FranceConnect n'a pas abouti. Réessayez, ou connectez-vous avec votre adresse e-mail.`;
    }
  });

  protected async submit(): Promise<void> {
    this.resendMessage.set(null);
    this.unverified.set(false);
    const { email, password } = this.form.getRawValue();
    const signedIn = await submitForm({
      state: this.signIn,
      form: this.form,
      invalidMessage: $localize`:@@accounts.loginPage.missingCredentials:Renseignez votre adresse e-mail et votre mot de passe.`,
      send: async () => {
        await this.auth.login(email.trim(), password);
        return true;
      },
      onError: (error) => {
        this.unverified.set(error.code === ApiErrorCode.EmailNotVerified);
        return [];
      },
    });
    if (signedIn) await this.router.navigateByUrl(safeReturnUrl(this.retour()));
  }

  protected async resendVerification(): Promise<void> {
    if (this.resending()) return;
    const email = this.form.controls.email.value.trim();
    this.resending.set(true);
    this.resendMessage.set(null);
    try {
      const answer = await this.accounts.resendVerification(email);
      this.resendMessage.set(
        answer?.message ??
          $localize`:@@accounts.loginPage.linkResent:Si un compte existe pour ${email}:email:, un nouveau lien de confirmation vient d'être envoyé.`,
      );
      this.signIn.error.set(null);
      this.unverified.set(false);
    } catch (failure) {
      this.signIn.error.set(toFormError(failure).message);
    } finally {
      this.resending.set(false);
    }
  }
}

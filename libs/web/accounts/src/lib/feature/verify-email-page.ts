import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { toFormError } from '@foyer/web/core';
import { AccountsApi } from '../data-access/accounts-api';

type Outcome =
  { state: 'pending' } | { state: 'verified'; message: string } | { state: 'failed'; message: string };

/** Landing page of the link sent by e-mail: /verification-email?token=… */
@Component({
  selector: 'foyer-verify-email-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <div class="page-narrow">
      <h1 i18n="@@accounts.verifyEmailPage.eMailAddressVerification">Vérification de l'adresse e-mail</h1>
      <div role="status" aria-atomic="true">
        @switch (outcome().state) {
          @case ('pending') {
            <p i18n="@@accounts.verifyEmailPage.verifying">Vérification en cours…</p>
          }
          @case ('verified') {
            <div class="notice notice-success">
              <p>
                <strong i18n="@@accounts.verifyEmailPage.eMailAddressVerified"
                  >Votre adresse e-mail est vérifiée.</strong
                >
              </p>
              <p>{{ message() }}</p>
            </div>
          }
          @case ('failed') {
            <div class="notice notice-error">
              <p><strong i18n="@@accounts.verifyEmailPage.error">Erreur :</strong> {{ message() }}</p>
              <p i18n="@@accounts.verifyEmailPage.linkMayHaveExpired">
                Le lien a peut-être expiré ou déjà servi. Depuis la page de connexion, vous pouvez en demander
                un nouveau.
              </p>
            </div>
          }
        }
      </div>
      @if (outcome().state !== 'pending') {
        <p>
          <a
            i18n="@@accounts.verifyEmailPage.signIn"
            class="link-button link-button-primary"
            routerLink="/connexion"
            >Me connecter</a
          >
        </p>
      }
    </div>
  `,
})
export class VerifyEmailPage implements OnInit {
  readonly token = input<string>();

  private readonly accounts = inject(AccountsApi);
  protected readonly outcome = signal<Outcome>({ state: 'pending' });
  protected readonly message = computed(() => {
    const outcome = this.outcome();
    return outcome.state === 'pending' ? '' : outcome.message;
  });

  ngOnInit(): void {
    void this.verify();
  }

  private async verify(): Promise<void> {
    const token = this.token();
    if (!token) {
      this.outcome.set({
        state: 'failed',
        message: $localize`:@@accounts.verifyEmailPage.incomplete:Ce lien est incomplet : il ne contient pas de code de vérification.`,
      });
      return;
    }
    try {
      const answer = await this.accounts.verifyEmail(token);
      this.outcome.set({
        state: 'verified',
        message:
          answer?.message ??
          $localize`:@@accounts.verifyEmailPage.canSignIn:Vous pouvez maintenant vous connecter.`,
      });
    } catch (failure) {
      this.outcome.set({ state: 'failed', message: toFormError(failure).message });
    }
  }
}

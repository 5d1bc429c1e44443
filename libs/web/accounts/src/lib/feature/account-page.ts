import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { Router } from '@angular/router';
import { AgentScope, Permission, Role } from '@foyer/shared/contracts';
import { AuthStore, ErrorAlert, toFormError } from '@foyer/web/core';
import { NotificationPreferences } from '@foyer/web/notifications';
import { ChangeEmailForm } from '../ui/change-email-form';
import { ChangePasswordForm } from '../ui/change-password-form';
import { PersonalDataSection } from '../ui/personal-data-section';

const ROLE_LABELS: Record<Role, string> = {
  [Role.Resident]: $localize`:@@accounts.accountPage.role.resident:Responsable légal`,
  [Role.Agent]: $localize`:@@accounts.accountPage.role.agent:Agent de la ville`,
  [Role.Admin]: $localize`:@@accounts.accountPage.role.admin:Administrateur`,
};

const SCOPE_LABELS: Record<AgentScope, string> = {
  [AgentScope.Enfance]: $localize`:@@accounts.accountPage.scope.enfance:Enfance`,
  [AgentScope.Facturation]: $localize`:@@accounts.accountPage.scope.facturation:Facturation`,
  [AgentScope.Demarches]: $localize`:@@accounts.accountPage.scope.demarches:Démarches`,
};

@Component({
  selector: 'foyer-account-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    ErrorAlert,
    NotificationPreferences,
    ChangeEmailForm,
    ChangePasswordForm,
    PersonalDataSection,
  ],
  template: `
    <h1 i18n="@@accounts.accountPage.myAccount">Mon compte</h1>
    @if (auth.me(); as me) {
      <section aria-labelledby="identity-title">
        <h2 i18n="@@accounts.accountPage.myDetails" id="identity-title">Mes informations</h2>
        <dl class="facts">
          <dt i18n="@@accounts.accountPage.name">Nom</dt>
          <dd>{{ me.firstName }} {{ me.lastName }}</dd>
          <dt i18n="@@accounts.accountPage.eMailAddress">Adresse e-mail</dt>
          <dd>
            {{ me.email }}
            @if (me.emailVerified) {
              <span i18n="@@accounts.accountPage.verified" class="badge badge-success">Vérifiée</span>
            } @else {
              <span i18n="@@accounts.accountPage.notVerified" class="badge badge-warning">Non vérifiée</span>
            }
          </dd>
          <dt i18n="@@accounts.accountPage.phone">Téléphone</dt>
          <dd>
            @if (me.phone) {
              {{ me.phone }}
            } @else {
              <ng-container i18n="@@accounts.accountPage.phoneMissing">Non renseigné</ng-container>
            }
          </dd>
          <dt i18n="@@accounts.accountPage.profile">Profil</dt>
          <dd>{{ roleLabel() }}</dd>
          @if (scopeLabels()) {
            <dt i18n="@@accounts.accountPage.areas">Domaines</dt>
            <dd>{{ scopeLabels() }}</dd>
          }
          <dt i18n="@@accounts.accountPage.franceconnect">FranceConnect</dt>
          <dd>
            @if (me.franceConnectLinked) {
              <ng-container i18n="@@accounts.accountPage.franceConnectLinked"
                >Compte relié à FranceConnect</ng-container
              >
            } @else {
              <ng-container i18n="@@accounts.accountPage.franceConnectNotLinked"
                >Compte non relié à FranceConnect</ng-container
              >
            }
          </dd>
        </dl>
      </section>

      <foyer-notification-preferences />

      <section aria-labelledby="password-title">
        <h2 i18n="@@accounts.accountPage.changePassword" id="password-title">Changer de mot de passe</h2>
        <foyer-change-password-form />
      </section>

      <section aria-labelledby="email-title">
        <h2 i18n="@@accounts.accountPage.changeEMailAddress" id="email-title">Changer d'adresse e-mail</h2>
        <foyer-change-email-form />
      </section>

      @if (isResident()) {
        <section aria-labelledby="data-title">
          <h2 i18n="@@accounts.accountPage.myPersonalData" id="data-title">Mes données personnelles</h2>
          <foyer-personal-data-section />
        </section>
      }

      <section aria-labelledby="security-title">
        <h2 i18n="@@accounts.accountPage.security" id="security-title">Sécurité</h2>
        <p i18n="@@accounts.accountPage.usedPortalSharedComputer">
          Vous avez utilisé le portail sur un ordinateur partagé, ou perdu un téléphone ? Déconnectez-vous de
          tous les appareils : il faudra se reconnecter partout, y compris ici.
        </p>
        <foyer-error-alert [message]="error()" />
        <div class="actions">
          <button
            i18n="@@accounts.accountPage.signOut"
            mat-stroked-button
            type="button"
            [disabled]="busy()"
            (click)="logout()"
          >
            Se déconnecter
          </button>
          <button
            i18n="@@accounts.accountPage.signOutEveryDevice"
            mat-flat-button
            type="button"
            [disabled]="busy()"
            (click)="logoutEverywhere()"
          >
            Se déconnecter de tous les appareils
          </button>
        </div>
      </section>
    }
  `,
})
export class AccountPage implements OnInit {
  protected readonly auth = inject(AuthStore);
  private readonly router = inject(Router);

  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly roleLabel = computed(() => {
    const me = this.auth.me();
    return me ? ROLE_LABELS[me.role] : '';
  });
  /** Only a household has data to export and an account to close through the city. */
  protected readonly isResident = computed(
    () => this.auth.signedIn() && this.auth.can(Permission.HouseholdOwn),
  );
  protected readonly scopeLabels = computed(() =>
    (this.auth.me()?.scopes ?? []).map((scope) => SCOPE_LABELS[scope] ?? scope).join(', '),
  );

  ngOnInit(): void {
    // Fresh details (a verified e-mail, a new phone); the session's copy is shown meanwhile.
    this.auth.reloadMe().catch(() => undefined);
  }

  protected async logout(): Promise<void> {
    this.busy.set(true);
    try {
      await this.auth.logout();
    } catch {
      // Signed out locally all the same.
    }
    this.busy.set(false);
    await this.router.navigateByUrl('/');
  }

  protected async logoutEverywhere(): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    try {
      await this.auth.logoutEverywhere();
      await this.router.navigate(['/connexion']);
    } catch (failure) {
      this.error.set(toFormError(failure).message);
    } finally {
      this.busy.set(false);
    }
  }
}

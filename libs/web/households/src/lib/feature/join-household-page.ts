import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { Router, RouterLink } from '@angular/router';
import { ErrorAlert, formErrorText, toFormError } from '@foyer/web/core';
import { HouseholdStore } from '../data-access/household-store';
import { HouseholdsApi } from '../data-access/households-api';

/** Landing page of the invitation mailed to a second legal guardian: /famille/rejoindre?token=… */
@Component({
  selector: 'foyer-join-household-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, ErrorAlert],
  template: `
    <div class="page-narrow">
      <h1 i18n="@@households.join.title">Rejoindre un foyer</h1>
      <p class="lead" i18n="@@households.join.lead">
        Un parent vous invite à devenir le second responsable légal de son foyer sur le portail famille.
      </p>
      <p i18n="@@households.join.intro">En rejoignant ce foyer, avec votre propre compte :</p>
      <ul>
        <li i18n="@@households.join.point1">
          vous voyez et mettez à jour les fiches des enfants, les personnes à contacter et l'adresse ;
        </li>
        <li i18n="@@households.join.point2">
          vous déposez des documents et suivez le quotient familial du foyer ;
        </li>
        <li i18n="@@households.join.point3">l'autre responsable voit aussi ce que vous modifiez.</li>
      </ul>
      <p i18n="@@households.join.replace">
        Si votre compte a déjà un foyer vide, il est remplacé par celui-ci. Un compte déjà rattaché à un foyer
        qui contient des informations (enfants, documents…) ne peut pas en rejoindre un autre.
      </p>

      <foyer-error-alert [message]="error()" />
      @if (token()) {
        <div class="form-actions">
          <button
            mat-flat-button
            type="button"
            [disabled]="joining()"
            (click)="join()"
            i18n="@@households.join.submit"
          >
            Rejoindre ce foyer
          </button>
          <a mat-button routerLink="/famille" i18n="@@households.join.decline">Ne pas rejoindre</a>
        </div>
      }
    </div>
  `,
})
export class JoinHouseholdPage {
  /** From the link in the e-mail (?token=…), bound by the router. */
  readonly token = input<string>();

  private readonly api = inject(HouseholdsApi);
  private readonly store = inject(HouseholdStore);
  private readonly router = inject(Router);

  protected readonly joining = signal(false);
  private readonly failure = signal<string | null>(null);
  protected readonly error = computed(
    () =>
      this.failure() ??
      (this.token()
        ? null
        : $localize`:@@households.join.incomplete:Ce lien d'invitation est incomplet. Ouvrez de nouveau le lien reçu par e-mail, en entier.`),
  );

  protected async join(): Promise<void> {
    const token = this.token();
    if (!token || this.joining()) return;
    this.joining.set(true);
    this.failure.set(null);
    try {
      this.store.replace(await this.api.acceptInvitation({ token }));
      this.store.flash.set(
        $localize`:@@households.join.joined:Vous avez rejoint le foyer : vous en êtes maintenant le second responsable légal.`,
      );
      await this.router.navigateByUrl('/famille');
    } catch (failure) {
      const error = toFormError(failure);
      this.failure.set(formErrorText(error, Object.values(error.fields)));
    } finally {
      this.joining.set(false);
    }
  }
}

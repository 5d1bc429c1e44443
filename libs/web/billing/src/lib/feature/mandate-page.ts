import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import {
  type AbstractControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { MandateStatus, SEPA_PRENOTIFICATION_DAYS, type SepaMandateView } from '@foyer/shared/contracts';
import {
  DayFrPipe,
  ErrorAlert,
  fieldErrorMessage,
  formState,
  StatusMessage,
  submitForm,
  toFormError,
} from '@foyer/web/core';
import { electronicFormatIBAN, isValidBIC, isValidIBAN } from 'ibantools';
import { BillingApi } from '../data-access/billing-api';

/** IBAN checked by its checksum (ibantools, the library the API uses too), spaces allowed as typed. */
function ibanValidator(control: AbstractControl<string>): ValidationErrors | null {
  const value = control.value?.trim();
  if (!value) return null;
  return isValidIBAN(electronicFormatIBAN(value) ?? '') ? null : { iban: true };
}

function bicValidator(control: AbstractControl<string>): ValidationErrors | null {
  const value = control.value?.replace(/\s/g, '').toUpperCase();
  if (!value) return null;
  return isValidBIC(value) ? null : { bic: true };
}

/** /factures/prelevement: the SEPA direct-debit mandate, its state, signing and revoking it. */
@Component({
  selector: 'foyer-mandate-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    DayFrPipe,
    ErrorAlert,
    StatusMessage,
  ],
  template: `
    <p>
      <a i18n="@@billing.account.back" routerLink="/factures"
        ><span aria-hidden="true">← </span>Mes factures</a
      >
    </p>
    <h1 i18n="@@billing.mandate.title">Prélèvement automatique</h1>
    <p i18n="@@billing.mandate.lead" class="lead">
      Avec un mandat de prélèvement SEPA, chaque facture est prélevée sur votre compte à sa date d'échéance.
      Vous êtes prévenu au moins {{ prenotificationDays }} jours avant chaque prélèvement.
    </p>

    <foyer-error-alert [message]="loadError()" />
    <foyer-status-message [message]="revokeState.status()" />
    <foyer-error-alert [message]="revokeState.error()" />

    @if (loaded()) {
      <section class="panel" aria-labelledby="mandate-title">
        <h2 i18n="@@billing.mandate.mandateTitle" id="mandate-title">Votre mandat</h2>
        @if (mandate(); as m) {
          <dl class="facts">
            <dt i18n="@@billing.mandate.status">État</dt>
            <dd>
              <span [class]="active() ? 'badge badge-success' : 'badge badge-neutral'">
                @if (active()) {
                  <ng-container i18n="@@billing.mandate.active">Actif</ng-container>
                } @else {
                  <ng-container i18n="@@billing.mandate.revoked">Révoqué</ng-container>
                }
              </span>
            </dd>
            <dt i18n="@@billing.mandate.reference">Référence unique (RUM)</dt>
            <dd>{{ m.reference }}</dd>
            <dt i18n="@@billing.mandate.holder">Titulaire du compte</dt>
            <dd>{{ m.holder }}</dd>
            <dt i18n="@@billing.mandate.iban">IBAN</dt>
            <dd>{{ m.ibanMasked }}</dd>
            @if (m.bic) {
              <dt i18n="@@billing.mandate.bic">BIC</dt>
              <dd>{{ m.bic }}</dd>
            }
            <dt i18n="@@billing.mandate.signedOn">Signé le</dt>
            <dd>{{ m.signedOn | dayFr }}</dd>
          </dl>
          @if (active()) {
            @if (confirmingRevoke()) {
              <div class="notice notice-warning" role="alert">
                <p i18n="@@billing.mandate.confirmRevoke">
                  <strong>Confirmez-vous la révocation ?</strong> Vos prochaines factures seront à payer en
                  ligne ou au guichet.
                </p>
              </div>
              <div class="actions">
                <button
                  i18n="@@billing.mandate.confirmRevokeButton"
                  mat-flat-button
                  type="button"
                  [disabled]="revokeState.busy()"
                  (click)="revoke()"
                >
                  Confirmer la révocation
                </button>
                <button
                  i18n="@@billing.mandate.cancel"
                  mat-button
                  type="button"
                  (click)="confirmingRevoke.set(false)"
                >
                  Annuler
                </button>
              </div>
            } @else {
              <div class="actions">
                <button
                  i18n="@@billing.mandate.revoke"
                  mat-stroked-button
                  type="button"
                  (click)="confirmingRevoke.set(true)"
                >
                  Révoquer le mandat
                </button>
              </div>
            }
          }
        } @else {
          <p i18n="@@billing.mandate.none">Aucun mandat : vos factures se paient en ligne ou au guichet.</p>
        }
      </section>

      @if (!active()) {
        <section class="panel" aria-labelledby="sign-title">
          <h2 id="sign-title">
            @if (mandate()) {
              <ng-container i18n="@@billing.mandate.signNew">Signer un nouveau mandat</ng-container>
            } @else {
              <ng-container i18n="@@billing.mandate.sign">Signer un mandat</ng-container>
            }
          </h2>
          <foyer-status-message [message]="signState.status()" />
          <foyer-error-alert [message]="signState.error()" />
          <form class="form-stack" [formGroup]="form" (ngSubmit)="sign()" novalidate>
            <mat-form-field>
              <mat-label i18n="@@billing.mandate.holder">Titulaire du compte</mat-label>
              <input matInput formControlName="holder" autocomplete="name" required />
              <mat-error>{{ errorOf(form.controls.holder) }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label i18n="@@billing.mandate.iban">IBAN</mat-label>
              <input
                matInput
                formControlName="iban"
                autocomplete="off"
                spellcheck="false"
                [attr.autocapitalize]="'characters'"
                required
              />
              <mat-hint i18n="@@billing.mandate.ibanHint"
                >Par exemple FR76 3000 6000 0112 3456 7890 189, avec ou sans espaces.</mat-hint
              >
              <mat-error>{{ errorOf(form.controls.iban, ibanMessages) }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label i18n="@@billing.mandate.bicOptional">BIC (facultatif)</mat-label>
              <input matInput formControlName="bic" autocomplete="off" spellcheck="false" />
              <mat-hint i18n="@@billing.mandate.bicHint"
                >8 ou 11 caractères, sur votre relevé d'identité bancaire.</mat-hint
              >
              <mat-error>{{ errorOf(form.controls.bic, bicMessages) }}</mat-error>
            </mat-form-field>
            <mat-checkbox i18n="@@billing.mandate.consent" formControlName="consent" required>
              J'autorise la ville à envoyer des instructions à ma banque pour débiter mon compte du montant de
              mes factures, et ma banque à le débiter conformément à ces instructions. Je peux demander le
              remboursement d'un prélèvement dans les 8 semaines qui le suivent.
            </mat-checkbox>
            @if (form.controls.consent.touched && form.controls.consent.invalid) {
              <p i18n="@@billing.mandate.consentRequired" class="field-error" id="consent-error">
                Cochez la case pour donner votre accord.
              </p>
            }
            <div class="actions">
              <button
                i18n="@@billing.mandate.signButton"
                mat-flat-button
                type="submit"
                [disabled]="signState.busy()"
              >
                Signer le mandat
              </button>
            </div>
          </form>
        </section>
      }
    } @else if (!loadError()) {
      <p i18n="@@billing.mandate.loading" role="status">Chargement du mandat…</p>
    }
  `,
})
export class MandatePage implements OnInit {
  private readonly api = inject(BillingApi);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly prenotificationDays = SEPA_PRENOTIFICATION_DAYS;
  protected readonly mandate = signal<SepaMandateView | null>(null);
  protected readonly loaded = signal(false);
  protected readonly loadError = signal<string | null>(null);
  protected readonly confirmingRevoke = signal(false);
  protected readonly active = computed(() => this.mandate()?.status === MandateStatus.Active);
  protected readonly signState = formState('form');
  protected readonly revokeState = formState();
  protected readonly errorOf = fieldErrorMessage;
  protected readonly ibanMessages = {
    required: $localize`:@@billing.mandate.ibanRequired:Saisissez votre IBAN.`,
    iban: $localize`:@@billing.mandate.ibanInvalid:Cet IBAN n'est pas valide : vérifiez chaque caractère (la clé de contrôle ne correspond pas).`,
  };
  protected readonly bicMessages = {
    bic: $localize`:@@billing.mandate.bicInvalid:Ce BIC n'est pas valide : 8 ou 11 lettres et chiffres.`,
  };

  protected readonly form = this.fb.group({
    holder: ['', [Validators.required, Validators.maxLength(140)]],
    iban: ['', [Validators.required, ibanValidator]],
    bic: ['', [bicValidator]],
    consent: [false, [Validators.requiredTrue]],
  });

  ngOnInit(): void {
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.mandate.set(await this.api.mandate());
      this.loaded.set(true);
    } catch (failure) {
      const error = toFormError(failure);
      if (error.status === 404) {
        this.mandate.set(null);
        this.loaded.set(true);
      } else {
        this.loadError.set(
          $localize`:@@billing.mandate.loadFailed:Le mandat n'a pas pu être chargé. ${error.message}:ERROR:`,
        );
      }
    }
  }

  protected async sign(): Promise<void> {
    const { holder, iban, bic } = this.form.getRawValue();
    const mandate = await submitForm({
      state: this.signState,
      form: this.form,
      invalidMessage: $localize`:@@billing.mandate.invalid:Le mandat ne peut pas être signé : corrigez les champs signalés.`,
      send: () =>
        this.api.signMandate({
          holder: holder.trim(),
          iban: electronicFormatIBAN(iban) ?? iban,
          bic: bic.replace(/\s/g, '').toUpperCase() || null,
        }),
      siblings: [this.revokeState],
    });
    if (mandate) {
      this.mandate.set(mandate);
      this.form.reset();
      this.revokeState.status.set(
        $localize`:@@billing.mandate.signed:Mandat ${mandate.reference}:REFERENCE: signé. Vos prochaines factures seront prélevées automatiquement.`,
      );
    }
  }

  protected async revoke(): Promise<void> {
    await submitForm({
      state: this.revokeState,
      invalidMessage: '',
      send: () => this.api.revokeMandate(),
      success: () =>
        $localize`:@@billing.mandate.revokedDone:Mandat révoqué. Vos prochaines factures seront à payer en ligne ou au guichet.`,
      siblings: [this.signState],
    });
    this.confirmingRevoke.set(false);
    await this.load();
  }
}

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
      <a routerLink="/factures"><span aria-hidden="true">← </span>Mes factures</a>
    </p>
    <h1>Prélèvement automatique</h1>
    <p class="lead">
      Avec un mandat de prélèvement SEPA, chaque facture est prélevée sur votre compte à sa date d'échéance.
      Vous êtes prévenu au moins {{ prenotificationDays }} jours avant chaque prélèvement.
    </p>

    <foyer-error-alert [message]="loadError()" />
    <foyer-status-message [message]="revokeState.status()" />
    <foyer-error-alert [message]="revokeState.error()" />

    @if (loaded()) {
      <section class="panel" aria-labelledby="mandate-title">
        <h2 id="mandate-title">Votre mandat</h2>
        @if (mandate(); as m) {
          <dl class="facts">
            <dt>État</dt>
            <dd>
              <span [class]="active() ? 'badge badge-success' : 'badge badge-neutral'">{{
                active() ? 'Actif' : 'Révoqué'
              }}</span>
            </dd>
            <dt>Référence unique (RUM)</dt>
            <dd>{{ m.reference }}</dd>
            <dt>Titulaire du compte</dt>
            <dd>{{ m.holder }}</dd>
            <dt>IBAN</dt>
            <dd>{{ m.ibanMasked }}</dd>
            @if (m.bic) {
              <dt>BIC</dt>
              <dd>{{ m.bic }}</dd>
            }
            <dt>Signé le</dt>
            <dd>{{ m.signedOn | dayFr }}</dd>
          </dl>
          @if (active()) {
            @if (confirmingRevoke()) {
              <div class="notice notice-warning" role="alert">
                <p>
                  <strong>Confirmez-vous la révocation ?</strong> Vos prochaines factures seront à payer en
                  ligne ou au guichet.
                </p>
              </div>
              <div class="actions">
                <button mat-flat-button type="button" [disabled]="revokeState.busy()" (click)="revoke()">
                  Confirmer la révocation
                </button>
                <button mat-button type="button" (click)="confirmingRevoke.set(false)">Annuler</button>
              </div>
            } @else {
              <div class="actions">
                <button mat-stroked-button type="button" (click)="confirmingRevoke.set(true)">
                  Révoquer le mandat
                </button>
              </div>
            }
          }
        } @else {
          <p>Aucun mandat : vos factures se paient en ligne ou au guichet.</p>
        }
      </section>

      @if (!active()) {
        <section class="panel" aria-labelledby="sign-title">
          <h2 id="sign-title">{{ mandate() ? 'Signer un nouveau mandat' : 'Signer un mandat' }}</h2>
          <foyer-status-message [message]="signState.status()" />
          <foyer-error-alert [message]="signState.error()" />
          <form class="form-stack" [formGroup]="form" (ngSubmit)="sign()" novalidate>
            <mat-form-field>
              <mat-label>Titulaire du compte</mat-label>
              <input matInput formControlName="holder" autocomplete="name" required />
              <mat-error>{{ errorOf(form.controls.holder) }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>IBAN</mat-label>
              <input
                matInput
                formControlName="iban"
                autocomplete="off"
                spellcheck="false"
                autocapitalize="characters"
                required
              />
              <mat-hint>Par exemple FR76 3000 6000 0112 3456 7890 189, avec ou sans espaces.</mat-hint>
              <mat-error>{{ errorOf(form.controls.iban, ibanMessages) }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>BIC (facultatif)</mat-label>
              <input matInput formControlName="bic" autocomplete="off" spellcheck="false" />
              <mat-hint>8 ou 11 caractères, sur votre relevé d'identité bancaire.</mat-hint>
              <mat-error>{{ errorOf(form.controls.bic, bicMessages) }}</mat-error>
            </mat-form-field>
            <mat-checkbox formControlName="consent" required>
              J'autorise la ville à envoyer des instructions à ma banque pour débiter mon compte du montant de
              mes factures, et ma banque à le débiter conformément à ces instructions. Je peux demander le
              remboursement d'un prélèvement dans les 8 semaines qui le suivent.
            </mat-checkbox>
            @if (form.controls.consent.touched && form.controls.consent.invalid) {
              <p class="field-error" id="consent-error">Cochez la case pour donner votre accord.</p>
            }
            <div class="actions">
              <button mat-flat-button type="submit" [disabled]="signState.busy()">Signer le mandat</button>
            </div>
          </form>
        </section>
      }
    } @else if (!loadError()) {
      <p role="status">Chargement du mandat…</p>
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
    required: 'Saisissez votre IBAN.',
    iban: "Cet IBAN n'est pas valide : vérifiez chaque caractère (la clé de contrôle ne correspond pas).",
  };
  protected readonly bicMessages = { bic: "Ce BIC n'est pas valide : 8 ou 11 lettres et chiffres." };

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
        this.loadError.set(`Le mandat n'a pas pu être chargé. ${error.message}`);
      }
    }
  }

  protected async sign(): Promise<void> {
    const { holder, iban, bic } = this.form.getRawValue();
    const mandate = await submitForm({
      state: this.signState,
      form: this.form,
      invalidMessage: 'Le mandat ne peut pas être signé : corrigez les champs signalés.',
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
        `Mandat ${mandate.reference} signé. Vos prochaines factures seront prélevées automatiquement.`,
      );
    }
  }

  protected async revoke(): Promise<void> {
    await submitForm({
      state: this.revokeState,
      invalidMessage: '',
      send: () => this.api.revokeMandate(),
      success: () => 'Mandat révoqué. Vos prochaines factures seront à payer en ligne ou au guichet.',
      siblings: [this.signState],
    });
    this.confirmingRevoke.set(false);
    await this.load();
  }
}

import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import {
  type AbstractControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { formatDateFr } from '@foyer/shared/domain';
import {
  ErrorAlert,
  fieldErrorMessage,
  formState,
  saveFile,
  StatusMessage,
  submitForm,
} from '@foyer/web/core';
import { FrenchCalendarHeader, isoDateOf } from '@foyer/web/households';
import { AppClock } from '../data-access/app-clock';
import { BillingAdminApi } from '../data-access/billing-api';
import { periodFr } from '../ui/labels';
import { monthOffset, recentMonths } from '../ui/months';

function lastDayOf(period: string): string {
  const [year, month] = period.split('-').map(Number);
  return `${period}-${String(new Date(Date.UTC(year, month, 0)).getUTCDate()).padStart(2, '0')}`;
}

function rangeValidator(group: AbstractControl): ValidationErrors | null {
  const from = group.get('from')?.value;
  const to = group.get('to')?.value;
  if (!from || !to) return null;
  return isoDateOf(from) > isoDateOf(to) ? { range: true } : null;
}

/** /agent/facturation/exports: the treasury's CSV for a period, and the month's SEPA pain.008 file. */
@Component({
  selector: 'foyer-exports-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatDatepicker,
    MatDatepickerInput,
    MatDatepickerToggle,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    ErrorAlert,
    StatusMessage,
  ],
  template: `
    <p>
      <a i18n="@@billing.reminders.back" routerLink="/agent"
        ><span aria-hidden="true">← </span>Tableau de bord des agents</a
      >
    </p>
    <h1 i18n="@@billing.exports.title">Exports comptables</h1>

    <section class="panel" aria-labelledby="treasury-title">
      <h2 i18n="@@billing.exports.treasuryTitle" id="treasury-title">Export pour la trésorerie</h2>
      <p i18n="@@billing.exports.treasuryLead">
        Un fichier CSV des factures, avoirs et paiements de la période, à ouvrir dans un tableur.
      </p>
      <foyer-status-message [message]="treasuryState.status()" />
      <foyer-error-alert [message]="treasuryState.error()" />
      <form
        id="treasury-form"
        class="form-stack"
        [formGroup]="treasuryForm"
        (ngSubmit)="downloadTreasury()"
        novalidate
      >
        <div class="form-row">
          <mat-form-field>
            <mat-label i18n="@@billing.exports.from">Du</mat-label>
            <input matInput [matDatepicker]="fromPicker" formControlName="from" required />
            <mat-datepicker-toggle matIconSuffix [for]="fromPicker" />
            <mat-datepicker #fromPicker [calendarHeaderComponent]="calendarHeader" />
            <mat-hint i18n="@@billing.exports.fromHint">Par exemple 01/01/2027.</mat-hint>
            <mat-error>{{ errorOf(treasuryForm.controls.from, dateMessages) }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label i18n="@@billing.exports.to">Au</mat-label>
            <input matInput [matDatepicker]="toPicker" formControlName="to" required />
            <mat-datepicker-toggle matIconSuffix [for]="toPicker" />
            <mat-datepicker #toPicker [calendarHeaderComponent]="calendarHeader" />
            <mat-hint i18n="@@billing.exports.toHint">Inclus.</mat-hint>
            <mat-error>{{ errorOf(treasuryForm.controls.to, dateMessages) }}</mat-error>
          </mat-form-field>
        </div>
        @if (treasuryForm.hasError('range') && treasuryForm.touched) {
          <p i18n="@@billing.exports.rangeInvalid" class="field-error">
            La date de fin doit suivre la date de début.
          </p>
        }
        <div class="actions">
          <button
            i18n="@@billing.exports.downloadCsv"
            mat-flat-button
            type="submit"
            [disabled]="treasuryState.busy()"
          >
            Télécharger le CSV
          </button>
        </div>
      </form>
    </section>

    <section class="panel" aria-labelledby="sepa-title">
      <h2 i18n="@@billing.exports.sepaTitle" id="sepa-title">Prélèvements SEPA</h2>
      <p i18n="@@billing.exports.sepaLead">
        Le fichier pain.008 des factures prélevées du mois, à déposer sur le site de la banque de la régie.
      </p>
      <foyer-status-message [message]="sepaState.status()" />
      <foyer-error-alert [message]="sepaState.error()" />
      <form id="sepa-form" class="form-stack" [formGroup]="sepaForm" (ngSubmit)="downloadSepa()" novalidate>
        <mat-form-field>
          <mat-label i18n="@@billing.exports.period">Mois facturé</mat-label>
          <mat-select formControlName="period" required>
            @for (month of months(); track month.value) {
              <mat-option [value]="month.value">{{ month.label }}</mat-option>
            }
          </mat-select>
          <mat-error>{{ errorOf(sepaForm.controls.period) }}</mat-error>
        </mat-form-field>
        <div class="actions">
          <button
            i18n="@@billing.exports.downloadSepa"
            mat-flat-button
            type="submit"
            [disabled]="sepaState.busy()"
          >
            Télécharger le fichier de prélèvement
          </button>
        </div>
      </form>
    </section>
  `,
})
export class ExportsPage implements OnInit {
  private readonly api = inject(BillingAdminApi);
  private readonly document = inject(DOCUMENT);
  private readonly fb = inject(NonNullableFormBuilder);

  private readonly clock = inject(AppClock);
  protected readonly months = signal(recentMonths(new Date()));
  protected readonly errorOf = fieldErrorMessage;
  protected readonly calendarHeader = FrenchCalendarHeader;
  protected readonly dateMessages = {
    matDatepickerParse: $localize`:@@billing.exports.dateInvalid:Saisissez une date, par exemple 01/02/2027.`,
  };
  protected readonly treasuryState = formState('#treasury-form');
  protected readonly sepaState = formState('#sepa-form');
  private readonly lastMonth = monthOffset(new Date(), -1);
  protected readonly treasuryForm = this.fb.group(
    {
      from: [`${this.lastMonth}-01` as string | Date, [Validators.required]],
      to: [lastDayOf(this.lastMonth) as string | Date, [Validators.required]],
    },
    { validators: rangeValidator },
  );
  protected readonly sepaForm = this.fb.group({ period: [this.lastMonth, [Validators.required]] });

  ngOnInit(): void {
    void this.clock.now().then((now) => {
      const lastMonth = monthOffset(now, -1);
      this.months.set(recentMonths(now));
      if (!this.treasuryForm.dirty) {
        this.treasuryForm.reset({ from: `${lastMonth}-01`, to: lastDayOf(lastMonth) });
      }
      if (!this.sepaForm.dirty) this.sepaForm.reset({ period: lastMonth });
    });
  }

  protected async downloadTreasury(): Promise<void> {
    const from = isoDateOf(this.treasuryForm.getRawValue().from);
    const to = isoDateOf(this.treasuryForm.getRawValue().to);
    await submitForm({
      state: this.treasuryState,
      form: this.treasuryForm,
      invalidMessage: $localize`:@@billing.exports.periodInvalid:Choisissez une période valide.`,
      send: async () => {
        const file = await this.api.treasuryCsv(from, to);
        saveFile(this.document, file, `tresorerie-${from}-${to}.csv`);
      },
      success: () =>
        $localize`:@@billing.exports.treasuryDone:Export du ${formatDateFr(from)}:FROM: au ${formatDateFr(to)}:TO: téléchargé.`,
      siblings: [this.sepaState],
    });
  }

  protected async downloadSepa(): Promise<void> {
    const { period } = this.sepaForm.getRawValue();
    await submitForm({
      state: this.sepaState,
      form: this.sepaForm,
      invalidMessage: $localize`:@@billing.exports.monthInvalid:Choisissez le mois.`,
      send: async () => {
        const file = await this.api.sepaFile(period);
        saveFile(this.document, file, `prelevements-${period}.xml`);
      },
      success: () =>
        $localize`:@@billing.exports.sepaDone:Fichier de prélèvement de ${periodFr(period)}:PERIOD: téléchargé.`,
      siblings: [this.treasuryState],
    });
  }
}

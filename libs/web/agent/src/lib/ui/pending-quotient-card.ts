import {
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  input,
  LOCALE_ID,
  output,
  signal,
} from '@angular/core';

import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import {
  type DecideQuotientRequest,
  type PendingQuotientView,
  QuotientMethod,
} from '@foyer/shared/contracts';
import { formatDateFr, parisDateOf } from '@foyer/shared/domain';
import { ErrorAlert, EurosPipe, fieldErrorMessage, focusAfterRender, InstantFrPipe } from '@foyer/web/core';
import {
  formatQuotient,
  FrenchCalendarHeader,
  isoDateOf,
  QUOTIENT_METHOD_LABELS,
} from '@foyer/web/households';

type Mode = 'idle' | 'validate' | 'reject';

/**
 * One quotient waiting for a decision. « Valider » asks from when billing uses it (today by default),
 * « Refuser » asks why; each then confirms with a button of the same name.
 */
@Component({
  selector: 'foyer-pending-quotient-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatDatepicker,
    MatDatepickerInput,
    MatDatepickerToggle,
    ErrorAlert,
    EurosPipe,
    InstantFrPipe,
  ],
  template: `
    <article class="quotient-card" [attr.aria-labelledby]="headingId()">
      <h2 [id]="headingId()">
        <a [routerLink]="['/agent/familles', quotient().householdId]">{{ quotient().householdLabel }}</a>
      </h2>
      <dl class="facts">
        <dt i18n="@@agent.quotientCard.submittedAt">Déposé le</dt>
        <dd>{{ quotient().submittedAt | instantFr }}</dd>
        <dt i18n="@@agent.quotientCard.method">Justificatif</dt>
        <dd>{{ methods[quotient().method] }}</dd>
        <dt i18n="@@agent.quotientCard.declared">Quotient déclaré</dt>
        <dd>
          <strong>{{ format(quotient().value) }}</strong>
        </dd>
        @if (quotient().method === caf) {
          <dt i18n="@@agent.quotientCard.cafNumber">N° allocataire CAF</dt>
          <dd>{{ quotient().cafNumber }}</dd>
        } @else {
          <dt i18n="@@agent.quotientCard.annualResources">Ressources annuelles</dt>
          <dd>{{ quotient().annualResourcesCents | euros }}</dd>
          <dt i18n="@@agent.quotientCard.monthlyBenefits">Prestations mensuelles</dt>
          <dd>{{ quotient().monthlyBenefitsCents | euros }}</dd>
          <dt i18n="@@agent.quotientCard.parts">Nombre de parts</dt>
          <dd>{{ partsText() }}</dd>
        }
      </dl>
      @if (quotient().documentId) {
        <p>
          <button
            mat-stroked-button
            type="button"
            (click)="openDocument.emit()"
            i18n="@@agent.quotientCard.viewDocument"
          >
            Voir le justificatif<span class="visually-hidden"> de {{ quotient().householdLabel }}</span>
          </button>
        </p>
      }

      <foyer-error-alert [message]="error()" />

      @switch (mode()) {
        @case ('idle') {
          <div class="actions">
            <button
              mat-flat-button
              type="button"
              [disabled]="busy()"
              (click)="start('validate')"
              i18n="@@agent.quotientCard.validate"
            >
              Valider
            </button>
            <button
              mat-stroked-button
              type="button"
              [disabled]="busy()"
              (click)="start('reject')"
              i18n="@@agent.quotientCard.reject"
            >
              Refuser
            </button>
          </div>
        }
        @case ('validate') {
          <form class="form-stack" [formGroup]="validateForm" (ngSubmit)="confirmValidation()" novalidate>
            <mat-form-field>
              <mat-label i18n="@@agent.quotientCard.effectiveFrom">Applicable à partir du</mat-label>
              <input matInput [matDatepicker]="effectivePicker" formControlName="effectiveFrom" required />
              <mat-datepicker-toggle matIconSuffix [for]="effectivePicker" />
              <mat-datepicker #effectivePicker [calendarHeaderComponent]="calendarHeader" />
              <mat-hint i18n="@@agent.quotientCard.effectiveFromHint"
                >La facturation utilisera ce quotient à partir de cette date.</mat-hint
              >
              <mat-error>{{ errorOf(effectiveFrom, dateMessages) }}</mat-error>
            </mat-form-field>
            @if (pastDate(); as past) {
              <div class="notice notice-warning" role="alert">
                <p i18n="@@agent.quotientCard.pastDate">
                  <strong>Date passée :</strong> le {{ past }} est antérieur à aujourd'hui. La facturation
                  appliquera ce quotient depuis cette date, y compris aux mois déjà facturés. Confirmez-vous ?
                </p>
              </div>
            }
            <div class="actions">
              <button mat-flat-button type="submit" [disabled]="busy()">
                @if (pastDate()) {
                  <ng-container i18n="@@agent.quotientCard.confirmValidate"
                    >Confirmer et valider</ng-container
                  >
                } @else {
                  <ng-container i18n="@@agent.quotientCard.validateSubmit">Valider</ng-container>
                }
              </button>
              <button mat-button type="button" (click)="cancel()" i18n="@@agent.quotientCard.cancel">
                Annuler
              </button>
            </div>
          </form>
        }
        @case ('reject') {
          <form class="form-stack" [formGroup]="rejectForm" (ngSubmit)="confirmRejection()" novalidate>
            <mat-form-field>
              <mat-label i18n="@@agent.quotientCard.note">Motif du refus</mat-label>
              <textarea matInput formControlName="note" rows="3" required></textarea>
              <mat-hint i18n="@@agent.quotientCard.noteHint"
                >La famille le lira : dites-lui quoi corriger.</mat-hint
              >
              <mat-error>{{ errorOf(note, noteMessages) }}</mat-error>
            </mat-form-field>
            <div class="actions">
              <button mat-flat-button type="submit" [disabled]="busy()" i18n="@@agent.quotientCard.reject">
                Refuser
              </button>
              <button mat-button type="button" (click)="cancel()" i18n="@@agent.quotientCard.cancel">
                Annuler
              </button>
            </div>
          </form>
        }
      }
    </article>
  `,
  styles: `
    .quotient-card {
      background: #fff;
      border: 1px solid #c4c7cf;
      border-radius: 10px;
      padding: 0.5rem 1.25rem 1rem;
      margin: 1rem 0;
    }
  `,
})
export class PendingQuotientCard {
  readonly quotient = input.required<PendingQuotientView>();
  readonly busy = input(false);
  readonly error = input<string | null>(null);
  readonly decide = output<DecideQuotientRequest>();
  /** « Voir le justificatif »: the page fetches the family's document. */
  readonly openDocument = output<void>();

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  protected readonly caf = QuotientMethod.Caf;
  protected readonly methods = QUOTIENT_METHOD_LABELS;
  protected readonly format = formatQuotient;
  protected readonly errorOf = fieldErrorMessage;
  protected readonly calendarHeader = FrenchCalendarHeader;
  protected readonly noteMessages = {
    required: $localize`:@@agent.quotientCard.noteRequired:Indiquez le motif du refus.`,
  };
  private readonly locale = inject(LOCALE_ID);
  protected readonly mode = signal<Mode>('idle');
  /** Set (as « 01/09/2026 ») once the agent chose a past date: the next submit confirms it. */
  protected readonly pastDate = signal<string | null>(null);
  protected readonly headingId = computed(() => `pending-quotient-${this.quotient().id}`);
  protected readonly partsText = computed(() =>
    new Intl.NumberFormat(this.locale, { maximumFractionDigits: 2 }).format(this.quotient().parts ?? 0),
  );

  protected readonly dateMessages = {
    matDatepickerParse: $localize`:@@agent.quotientCard.dateParse:Saisissez une date, par exemple 01/02/2027.`,
  };
  protected readonly effectiveFrom = new FormControl<string | Date>('', {
    nonNullable: true,
    validators: [Validators.required],
  });
  protected readonly note = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.maxLength(1000)],
  });
  protected readonly validateForm = new FormGroup({ effectiveFrom: this.effectiveFrom });

  constructor() {
    // Another date: the confirmation asked for the previous one no longer holds.
    this.effectiveFrom.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.pastDate.set(null));
  }
  protected readonly rejectForm = new FormGroup({ note: this.note });

  protected start(mode: Exclude<Mode, 'idle'>): void {
    this.pastDate.set(null);
    if (mode === 'validate') this.effectiveFrom.reset(parisDateOf(new Date()));
    else this.note.reset('');
    this.mode.set(mode);
    focusAfterRender(
      () => this.host.nativeElement.querySelector<HTMLElement>('input, textarea'),
      this.injector,
    );
  }

  protected cancel(): void {
    this.mode.set('idle');
    focusAfterRender(
      () => this.host.nativeElement.querySelector<HTMLElement>('.actions button'),
      this.injector,
    );
  }

  protected confirmValidation(): void {
    if (this.effectiveFrom.invalid) {
      this.effectiveFrom.markAsTouched();
      this.focusField();
      return;
    }
    const effectiveFrom = isoDateOf(this.effectiveFrom.value);
    const confirmed = this.pastDate() === formatDateFr(effectiveFrom);
    if (effectiveFrom < parisDateOf(new Date()) && !confirmed) {
      this.pastDate.set(formatDateFr(effectiveFrom));
      return;
    }
    this.decide.emit({ decision: 'validate', effectiveFrom });
  }

  protected confirmRejection(): void {
    const note = this.note.value.trim();
    if (!note) {
      this.note.setValue('');
      this.note.markAsTouched();
      this.focusField();
      return;
    }
    this.decide.emit({ decision: 'reject', note });
  }

  private focusField(): void {
    focusAfterRender(
      () => this.host.nativeElement.querySelector<HTMLElement>('textarea, input'),
      this.injector,
    );
  }
}

import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { SchoolHolidayView, SchoolYearView } from '@foyer/shared/contracts';
import {
  DayFrPipe,
  ErrorAlert,
  fieldErrorMessage,
  formState,
  StatusMessage,
  submitForm,
  toFormError,
} from '@foyer/web/core';
import { FrenchCalendarHeader, isoDateOf } from '@foyer/web/households';
import { AdminApi } from '../data-access/admin-api';

/** /admin/calendriers: first and last day of class, and the holiday periods of each school year. */
@Component({
  selector: 'foyer-calendars-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatDatepicker,
    MatDatepickerInput,
    MatDatepickerToggle,
    MatSelectModule,
    DayFrPipe,
    ErrorAlert,
    StatusMessage,
  ],
  template: `
    <h1 i18n="@@admin.calendarsPage.schoolCalendars">Calendriers scolaires</h1>
    <p i18n="@@admin.calendarsPage.schoolDaysDecideWhat" class="lead">
      Les jours de classe décident de ce qui se réserve : cantine et accueil les jours d'école, centre de
      loisirs le mercredi et pendant les vacances.
    </p>
    <foyer-error-alert [message]="listError()" />

    @if (years().length > 1) {
      <mat-form-field>
        <mat-label i18n="@@admin.calendarsPage.schoolYear">Année scolaire</mat-label>
        <mat-select [value]="selectedId()" (selectionChange)="select($event.value)">
          @for (year of years(); track year.schoolYear) {
            <mat-option [value]="year.schoolYear">{{ year.schoolYear }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
    }

    @if (selected(); as year) {
      <section class="panel" aria-labelledby="days-title">
        <h2 i18n="@@admin.calendarsPage.yearZone" id="days-title">
          Année {{ year.schoolYear }} (zone {{ year.zone }})
        </h2>
        <foyer-status-message [message]="days.status()" />
        <foyer-error-alert [message]="days.error()" />
        <form id="days-form" class="form-stack" [formGroup]="daysForm" (ngSubmit)="saveDays(year)" novalidate>
          <div class="form-row">
            <mat-form-field>
              <mat-label i18n="@@admin.calendarsPage.firstDaySchool">Premier jour de classe</mat-label>
              <input matInput [matDatepicker]="firstPicker" formControlName="firstSchoolDay" required />
              <mat-datepicker-toggle matIconSuffix [for]="firstPicker" />
              <mat-datepicker #firstPicker [calendarHeaderComponent]="calendarHeader" />
              <mat-error>{{ errorOf(daysForm.controls.firstSchoolDay) }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label i18n="@@admin.calendarsPage.lastDaySchool">Dernier jour de classe</mat-label>
              <input matInput [matDatepicker]="lastPicker" formControlName="lastSchoolDay" required />
              <mat-datepicker-toggle matIconSuffix [for]="lastPicker" />
              <mat-datepicker #lastPicker [calendarHeaderComponent]="calendarHeader" />
              <mat-error>{{ errorOf(daysForm.controls.lastSchoolDay) }}</mat-error>
            </mat-form-field>
          </div>
          <div class="form-actions">
            <button
              i18n="@@admin.calendarsPage.saveDates"
              mat-flat-button
              type="submit"
              [disabled]="days.busy()"
            >
              Enregistrer les dates
            </button>
          </div>
        </form>
      </section>

      <section class="panel" aria-labelledby="holidays-title">
        <h2 i18n="@@admin.calendarsPage.schoolHolidays" id="holidays-title">Vacances scolaires</h2>
        <foyer-status-message [message]="holidays.status()" />
        <foyer-error-alert [message]="holidays.error()" />
        <ul class="plain-list">
          @for (holiday of year.holidays; track holiday.id) {
            <li class="holiday">
              <span>
                <ng-container i18n="@@admin.calendarsPage.from"
                  ><strong>{{ holiday.name }}</strong> : du {{ holiday.from | dayFr }}
                </ng-container>
                @if (holiday.to) {
                  <ng-container i18n="@@admin.calendarsPage.to">au {{ holiday.to | dayFr }} </ng-container>
                } @else {
                  <ng-container i18n="@@admin.calendarsPage.endNotPublished">(fin non publiée) </ng-container>
                }
              </span>
              <button
                i18n="@@admin.calendarsPage.remove"
                mat-button
                type="button"
                [disabled]="holidays.busy()"
                (click)="remove(year, holiday)"
              >
                Retirer<span class="visually-hidden"> {{ holiday.name }}</span>
              </button>
            </li>
          }
        </ul>
        <h3 i18n="@@admin.calendarsPage.addPeriod" id="new-holiday-title">Ajouter une période</h3>
        <form
          id="holiday-form"
          class="form-stack"
          aria-labelledby="new-holiday-title"
          [formGroup]="holidayForm"
          (ngSubmit)="add(year)"
          novalidate
        >
          <mat-form-field>
            <mat-label i18n="@@admin.calendarsPage.namePeriod">Nom de la période</mat-label>
            <input matInput formControlName="name" required />
            <mat-hint i18n="@@admin.calendarsPage.exampleAscensionBridge"
              >Par exemple « Pont de l'Ascension ».</mat-hint
            >
            <mat-error>{{ errorOf(holidayForm.controls.name) }}</mat-error>
          </mat-form-field>
          <div class="form-row">
            <mat-form-field>
              <mat-label i18n="@@admin.calendarsPage.firstDayWithoutSchool"
                >Premier jour sans classe</mat-label
              >
              <input matInput [matDatepicker]="fromPicker" formControlName="from" required />
              <mat-datepicker-toggle matIconSuffix [for]="fromPicker" />
              <mat-datepicker #fromPicker [calendarHeaderComponent]="calendarHeader" />
              <mat-error>{{ errorOf(holidayForm.controls.from) }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label i18n="@@admin.calendarsPage.lastDayWithoutSchool"
                >Dernier jour sans classe</mat-label
              >
              <input matInput [matDatepicker]="toPicker" formControlName="to" required />
              <mat-datepicker-toggle matIconSuffix [for]="toPicker" />
              <mat-datepicker #toPicker [calendarHeaderComponent]="calendarHeader" />
              <mat-error>{{ errorOf(holidayForm.controls.to) }}</mat-error>
            </mat-form-field>
          </div>
          <div class="form-actions">
            <button
              i18n="@@admin.calendarsPage.addPeriod2"
              mat-flat-button
              type="submit"
              [disabled]="holidays.busy()"
            >
              Ajouter la période
            </button>
          </div>
        </form>
      </section>
    }
  `,
  styles: `
    .holiday {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.25rem 1rem;
      border-bottom: 1px solid #dfe1e6;
      padding: 0.25rem 0;
    }
  `,
})
export class CalendarsPage implements OnInit {
  private readonly api = inject(AdminApi);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly errorOf = fieldErrorMessage;
  protected readonly calendarHeader = FrenchCalendarHeader;
  protected readonly years = signal<SchoolYearView[]>([]);
  protected readonly selectedId = signal<string | null>(null);
  protected readonly selected = computed(
    () => this.years().find((year) => year.schoolYear === this.selectedId()) ?? null,
  );
  protected readonly listError = signal<string | null>(null);
  protected readonly days = formState('#days-form');
  protected readonly holidays = formState('#holiday-form');
  protected readonly daysForm = this.fb.group({
    firstSchoolDay: ['' as string | Date, [Validators.required]],
    lastSchoolDay: ['' as string | Date, [Validators.required]],
  });
  protected readonly holidayForm = this.fb.group({
    name: ['', [Validators.required, Validators.maxLength(100)]],
    from: ['' as string | Date, [Validators.required]],
    to: ['' as string | Date, [Validators.required]],
  });

  ngOnInit(): void {
    void this.load();
  }

  protected select(schoolYear: string): void {
    this.selectedId.set(schoolYear);
    const year = this.selected();
    if (year) this.daysForm.reset({ firstSchoolDay: year.firstSchoolDay, lastSchoolDay: year.lastSchoolDay });
    this.days.clear();
    this.holidays.clear();
  }

  protected async saveDays(year: SchoolYearView): Promise<void> {
    const value = this.daysForm.getRawValue();
    const saved = await submitForm({
      state: this.days,
      form: this.daysForm,
      siblings: [this.holidays],
      invalidMessage: $localize`:@@admin.calendarsPage.datesRequired:Indiquez le premier et le dernier jour de classe.`,
      send: () =>
        this.api.updateSchoolYear(year.schoolYear, {
          firstSchoolDay: isoDateOf(value.firstSchoolDay),
          lastSchoolDay: isoDateOf(value.lastSchoolDay),
        }),
      success: () =>
        $localize`:@@admin.calendarsPage.datesSaved:Dates de l'année ${year.schoolYear}:year: enregistrées.`,
    });
    if (saved) this.replace(saved);
  }

  protected async add(year: SchoolYearView): Promise<void> {
    const value = this.holidayForm.getRawValue();
    const saved = await submitForm({
      state: this.holidays,
      form: this.holidayForm,
      siblings: [this.days],
      invalidMessage: $localize`:@@admin.calendarsPage.invalidPeriod:La période contient des erreurs. Corrigez les champs signalés.`,
      send: () =>
        this.api.addHoliday(year.schoolYear, {
          name: value.name.trim(),
          from: isoDateOf(value.from),
          to: isoDateOf(value.to),
        }),
      resetTo: { name: '', from: '', to: '' },
      success: () =>
        $localize`:@@admin.calendarsPage.periodAdded:Période « ${value.name.trim()}:name: » ajoutée.`,
    });
    if (saved) this.replace(saved);
  }

  protected async remove(year: SchoolYearView, holiday: SchoolHolidayView): Promise<void> {
    const saved = await submitForm({
      state: this.holidays,
      siblings: [this.days],
      invalidMessage: '',
      send: () => this.api.removeHoliday(year.schoolYear, holiday.id),
      success: () =>
        $localize`:@@admin.calendarsPage.periodRemoved:Période « ${holiday.name}:name: » retirée.`,
    });
    if (saved) this.replace(saved);
  }

  private replace(year: SchoolYearView): void {
    this.years.update((all) => all.map((y) => (y.schoolYear === year.schoolYear ? year : y)));
  }

  private async load(): Promise<void> {
    try {
      const years = await this.api.schoolYears();
      this.years.set(years);
      this.listError.set(null);
      const current = years.at(-1);
      if (current && !this.selectedId()) this.select(current.schoolYear);
    } catch (failure) {
      this.listError.set(toFormError(failure).message);
    }
  }
}

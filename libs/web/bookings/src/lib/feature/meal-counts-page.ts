import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { Diet, type MealCountsView } from '@foyer/shared/contracts';
import { ErrorAlert, fieldErrorMessage, formState, saveFile, submitForm, toFormError } from '@foyer/web/core';
import { DIET_LABELS, FrenchCalendarHeader, isoDateOf } from '@foyer/web/households';
import { BookingsApi } from '../data-access/bookings-api';
import { ServerToday } from '../data-access/server-today';
import { formatDayNameFr } from '../ui/french-time';

/** /agent/repas: meals to cook per school for a day, with special diets; printable and as CSV. */
@Component({
  selector: 'foyer-meal-counts-page',
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
    ErrorAlert,
  ],
  template: `
    <p class="no-print">
      <a i18n="@@bookings.closures.back" routerLink="/agent"
        ><span aria-hidden="true">← </span>Espace agent</a
      >
    </p>
    <h1 i18n="@@bookings.meals.title">Effectifs des repas</h1>
    <p i18n="@@bookings.meals.lead" class="lead no-print">
      Le nombre de repas par école, avec les régimes particuliers, pour la cuisine.
    </p>
    <foyer-error-alert [message]="query.error()" />
    <form id="meals-form" class="meals-form no-print" [formGroup]="form" (ngSubmit)="show()" novalidate>
      <mat-form-field>
        <mat-label i18n="@@bookings.attendance.day">Jour</mat-label>
        <input matInput [matDatepicker]="dayPicker" formControlName="date" required />
        <mat-datepicker-toggle matIconSuffix [for]="dayPicker" />
        <mat-datepicker #dayPicker [calendarHeaderComponent]="calendarHeader" />
        <mat-error>{{ errorOf(form.controls.date) }}</mat-error>
      </mat-form-field>
      <button i18n="@@bookings.meals.show" mat-flat-button type="submit" [disabled]="query.busy()">
        Afficher
      </button>
    </form>

    @if (counts(); as view) {
      <section aria-labelledby="meals-title">
        <h2 i18n="@@bookings.meals.heading" id="meals-title">Repas du {{ day(view.date) }}</h2>
        <p>
          @if (view.final) {
            <ng-container i18n="@@bookings.meals.final"
              ><strong>Chiffres définitifs</strong> : la date limite de réservation est passée.</ng-container
            >
          } @else {
            <ng-container i18n="@@bookings.meals.provisional"
              ><strong>Chiffres provisoires</strong> : les familles peuvent encore réserver ou
              annuler.</ng-container
            >
          }
        </p>
        @if (view.rows.length === 0) {
          <p i18n="@@bookings.meals.none">Aucun repas réservé ce jour-là.</p>
        } @else {
          <div class="stacked-table">
            <table>
              <caption i18n="@@bookings.meals.caption" class="visually-hidden">
                Repas par école,
                {{
                  day(view.date)
                }}
              </caption>
              <thead>
                <tr>
                  <th i18n="@@bookings.meals.school" scope="col">École</th>
                  @for (diet of diets(); track diet) {
                    <th scope="col">{{ dietLabels[diet] ?? diet }}</th>
                  }
                  <th i18n="@@bookings.meals.total" scope="col">Total</th>
                </tr>
              </thead>
              <tbody>
                @for (row of view.rows; track row.siteId) {
                  <tr>
                    <th scope="row">{{ row.siteName }}</th>
                    @for (diet of diets(); track diet) {
                      <td [attr.data-label]="dietLabels[diet] ?? diet">{{ countOf(row.diets, diet) }}</td>
                    }
                    <td data-label="Total" i18n-data-label="@@bookings.meals.totalCell">
                      <strong>{{ row.total }}</strong>
                    </td>
                  </tr>
                }
              </tbody>
              <tfoot>
                <tr>
                  <th i18n="@@bookings.meals.allSchools" scope="row">Toutes les écoles</th>
                  @for (diet of diets(); track diet) {
                    <td [attr.data-label]="dietLabels[diet] ?? diet">{{ totalOf(diet) }}</td>
                  }
                  <td data-label="Total" i18n-data-label="@@bookings.meals.totalCell">
                    <strong>{{ grandTotal() }}</strong>
                  </td>
                </tr>
              </tfoot>
            </table>
          </div>
        }
        <div class="actions no-print">
          <button i18n="@@bookings.meals.print" mat-stroked-button type="button" (click)="print()">
            Imprimer
          </button>
          <button
            i18n="@@bookings.meals.csv"
            mat-stroked-button
            type="button"
            [disabled]="downloading()"
            (click)="downloadCsv(view.date)"
          >
            Télécharger le fichier CSV
          </button>
        </div>
      </section>
    }
  `,
  styles: `
    .meals-form {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.5rem;
    }
    th,
    td {
      text-align: left;
      padding: 0.35rem 0.5rem;
      border-bottom: 1px solid #dde1e7;
    }
    @media print {
      .no-print {
        display: none;
      }
    }
  `,
})
export class MealCountsPage implements OnInit {
  private readonly api = inject(BookingsApi);
  private readonly clock = inject(ServerToday);
  private readonly document = inject(DOCUMENT);

  protected readonly counts = signal<MealCountsView | null>(null);
  protected readonly downloading = signal(false);
  protected readonly query = formState('#meals-form');
  protected readonly errorOf = fieldErrorMessage;
  protected readonly calendarHeader = FrenchCalendarHeader;
  protected readonly dietLabels = DIET_LABELS as Partial<Record<string, string>>;
  protected readonly day = formatDayNameFr;
  protected readonly form = inject(NonNullableFormBuilder).group({
    date: ['' as string | Date, [Validators.required]],
  });
  /** The diets of the contract first, in their order, then any other the API counts. */
  protected readonly diets = computed(() => {
    const seen = new Set<string>(Object.values(Diet).filter((d) => d !== Diet.None));
    for (const row of this.counts()?.rows ?? []) for (const diet of Object.keys(row.diets)) seen.add(diet);
    seen.delete(Diet.None);
    return [Diet.None as string, ...seen];
  });
  protected readonly grandTotal = computed(() =>
    (this.counts()?.rows ?? []).reduce((sum, r) => sum + r.total, 0),
  );

  ngOnInit(): void {
    void this.clock.today().then((today) => {
      this.form.controls.date.setValue(today);
      void this.show();
    });
  }

  protected countOf(diets: Partial<Record<string, number>>, diet: string): number {
    return diets[diet] ?? 0;
  }

  protected totalOf(diet: string): number {
    return (this.counts()?.rows ?? []).reduce((sum, row) => sum + (row.diets[diet] ?? 0), 0);
  }

  protected async show(): Promise<void> {
    const date = this.form.controls.date.value;
    const view = await submitForm({
      state: this.query,
      form: this.form,
      invalidMessage: $localize`:@@bookings.meals.invalid:Choisissez un jour.`,
      send: () => this.api.mealCounts(isoDateOf(date)),
    });
    if (view) this.counts.set(view);
  }

  protected print(): void {
    this.document.defaultView?.print();
  }

  protected async downloadCsv(date: string): Promise<void> {
    this.downloading.set(true);
    try {
      const blob = await this.api.mealCountsCsv(date);
      saveFile(this.document, blob, `repas-${date}.csv`);
    } catch (failure) {
      this.query.error.set(toFormError(failure).message);
    } finally {
      this.downloading.set(false);
    }
  }
}

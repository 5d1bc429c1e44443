import {
  ChangeDetectionStrategy,
  ChangeDetectorRef,
  Component,
  inject,
  Injectable,
  type Provider,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { DateAdapter, MAT_DATE_FORMATS, MAT_DATE_LOCALE } from '@angular/material/core';
import { MatCalendar, MatDatepickerIntl } from '@angular/material/datepicker';
import { provideDateFnsAdapter } from '@angular/material-date-fns-adapter';
import { fr } from 'date-fns/locale';

/** The date picker's own words, in French (Material ships them in English). */
@Injectable()
export class FrenchDatepickerIntl extends MatDatepickerIntl {
  override calendarLabel = 'Calendrier';
  override openCalendarLabel = 'Ouvrir le calendrier';
  override closeCalendarLabel = 'Fermer le calendrier';
  override prevMonthLabel = 'Mois précédent';
  override nextMonthLabel = 'Mois suivant';
  override prevYearLabel = 'Année précédente';
  override nextYearLabel = 'Année suivante';
  override prevMultiYearLabel = '24 années précédentes';
  override nextMultiYearLabel = '24 années suivantes';
  override switchToMonthViewLabel = 'Choisir la date';
  override switchToMultiYearViewLabel = 'Choisir le mois et l’année';
  override startDateLabel = 'Date de début';
  override endDateLabel = 'Date de fin';
  override comparisonDateLabel = 'Plage de comparaison';
  override formatYearRange(start: string, end: string): string {
    return `${start} – ${end}`;
  }
  override formatYearRangeLabel(start: string, end: string): string {
    return `de ${start} à ${end}`;
  }
}

/**
 * Material's date picker reading and writing « 14/05/2019 » (date-fns, French locale), in place of the
 * browser's own widget that follows the browser's language (« mm/dd/yyyy » on an English system).
 * An ISO date typed or set by code (2019-05-14) is understood too. Components import MatDatepicker,
 * MatDatepickerInput and MatDatepickerToggle, not MatDatepickerModule, whose own MatDatepickerIntl
 * would hide the French one.
 */
export function provideFrenchDates(): Provider[] {
  return [
    provideDateFnsAdapter(),
    { provide: MAT_DATE_LOCALE, useValue: fr },
    { provide: MatDatepickerIntl, useClass: FrenchDatepickerIntl },
  ];
}

/** A date control's value as an ISO local date: the picker gives a Date, code may have set a string. */
export function isoDateOf(value: unknown): string {
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    const month = String(value.getMonth() + 1).padStart(2, '0');
    const day = String(value.getDate()).padStart(2, '0');
    return `${value.getFullYear()}-${month}-${day}`;
  }
  return typeof value === 'string' ? value : '';
}

/**
 * The calendar's header: month and year as plain text between « previous / next » buttons. Material's
 * own header names its period button « Choose month and year » over the text « MAY 2019 », a label
 * that does not contain what sighted speech-input users see (WCAG 2.5.3).
 */
@Component({
  selector: 'foyer-calendar-header',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule],
  template: `
    <div class="calendar-header">
      <button mat-icon-button type="button" aria-label="Année précédente" (click)="move(-12)">
        <span aria-hidden="true">«</span>
      </button>
      <button mat-icon-button type="button" aria-label="Mois précédent" (click)="move(-1)">
        <span aria-hidden="true">‹</span>
      </button>
      <span class="calendar-header-label" aria-live="polite">{{ label() }}</span>
      <button mat-icon-button type="button" aria-label="Mois suivant" (click)="move(1)">
        <span aria-hidden="true">›</span>
      </button>
      <button mat-icon-button type="button" aria-label="Année suivante" (click)="move(12)">
        <span aria-hidden="true">»</span>
      </button>
    </div>
  `,
  styles: `
    .calendar-header {
      display: flex;
      align-items: center;
      padding: 0.5rem;
    }
    .calendar-header-label {
      flex: 1;
      text-align: center;
      font-weight: 600;
    }
  `,
})
export class FrenchCalendarHeader<D> {
  private readonly calendar = inject<MatCalendar<D>>(MatCalendar);
  private readonly adapter = inject<DateAdapter<D>>(DateAdapter);
  private readonly formats = inject(MAT_DATE_FORMATS);
  private readonly changes = inject(ChangeDetectorRef);

  constructor() {
    this.calendar.stateChanges.pipe(takeUntilDestroyed()).subscribe(() => this.changes.markForCheck());
  }

  protected label(): string {
    return this.adapter.format(this.calendar.activeDate, this.formats.display.monthYearLabel);
  }

  protected move(months: number): void {
    this.calendar.activeDate = this.adapter.addCalendarMonths(this.calendar.activeDate, months);
  }
}

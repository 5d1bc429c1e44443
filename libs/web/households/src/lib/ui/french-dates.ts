import {
  ChangeDetectionStrategy,
  ChangeDetectorRef,
  Component,
  inject,
  Injectable,
  LOCALE_ID,
  type Provider,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { DateAdapter, MAT_DATE_FORMATS, MAT_DATE_LOCALE } from '@angular/material/core';
import { MatCalendar, MatDatepickerIntl } from '@angular/material/datepicker';
import { provideDateFnsAdapter } from '@angular/material-date-fns-adapter';
import { enGB, fr } from 'date-fns/locale';

/** The date picker's own words, in the page's language (Material ships them in American English). */
@Injectable()
export class FrenchDatepickerIntl extends MatDatepickerIntl {
  override calendarLabel = $localize`:@@households.datepicker.calendar:Calendrier`;
  override openCalendarLabel = $localize`:@@households.datepicker.open:Ouvrir le calendrier`;
  override closeCalendarLabel = $localize`:@@households.datepicker.close:Fermer le calendrier`;
  override prevMonthLabel = $localize`:@@households.datepicker.prevMonth:Mois précédent`;
  override nextMonthLabel = $localize`:@@households.datepicker.nextMonth:Mois suivant`;
  override prevYearLabel = $localize`:@@households.datepicker.prevYear:Année précédente`;
  override nextYearLabel = $localize`:@@households.datepicker.nextYear:Année suivante`;
  override prevMultiYearLabel = $localize`:@@households.datepicker.prevMultiYear:24 années précédentes`;
  override nextMultiYearLabel = $localize`:@@households.datepicker.nextMultiYear:24 années suivantes`;
  override switchToMonthViewLabel = $localize`:@@households.datepicker.monthView:Choisir la date`;
  override switchToMultiYearViewLabel = $localize`:@@households.datepicker.multiYearView:Choisir le mois et l’année`;
  override startDateLabel = $localize`:@@households.datepicker.startDate:Date de début`;
  override endDateLabel = $localize`:@@households.datepicker.endDate:Date de fin`;
  override comparisonDateLabel = $localize`:@@households.datepicker.comparison:Plage de comparaison`;
  override formatYearRange(start: string, end: string): string {
    return `${start} – ${end}`;
  }
  override formatYearRangeLabel(start: string, end: string): string {
    return $localize`:@@households.datepicker.yearRange:de ${start}:start: à ${end}:end:`;
  }
}

/**
 * Material's date picker reading and writing « 14/05/2019 » (date-fns, French locale; British English,
 * the same day-first order, on English pages), in place of the
 * browser's own widget that follows the browser's language (« mm/dd/yyyy » on an English system).
 * An ISO date typed or set by code (2019-05-14) is understood too. Components import MatDatepicker,
 * MatDatepickerInput and MatDatepickerToggle, not MatDatepickerModule, whose own MatDatepickerIntl
 * would hide the French one.
 */
export function provideFrenchDates(): Provider[] {
  return [
    provideDateFnsAdapter(),
    { provide: MAT_DATE_LOCALE, useFactory: () => (inject(LOCALE_ID) === 'en-GB' ? enGB : fr) },
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
      <button
        mat-icon-button
        type="button"
        aria-label="Année précédente"
        i18n-aria-label="@@households.datepicker.prevYear"
        (click)="move(-12)"
      >
        <span aria-hidden="true">«</span>
      </button>
      <button
        mat-icon-button
        type="button"
        aria-label="Mois précédent"
        i18n-aria-label="@@households.datepicker.prevMonth"
        (click)="move(-1)"
      >
        <span aria-hidden="true">‹</span>
      </button>
      <span class="calendar-header-label" aria-live="polite">{{ label() }}</span>
      <button
        mat-icon-button
        type="button"
        aria-label="Mois suivant"
        i18n-aria-label="@@households.datepicker.nextMonth"
        (click)="move(1)"
      >
        <span aria-hidden="true">›</span>
      </button>
      <button
        mat-icon-button
        type="button"
        aria-label="Année suivante"
        i18n-aria-label="@@households.datepicker.nextYear"
        (click)="move(12)"
      >
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

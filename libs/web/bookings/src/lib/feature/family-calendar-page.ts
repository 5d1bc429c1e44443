import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import type {
  ActivityView,
  BookingCalendarDayView,
  BookingCalendarView,
  BookingChange,
  BookingChangeOutcome,
  BookingChangesView,
  BookingOfferView,
  CalendarFeedView,
  ChildView,
} from '@foyer/shared/contracts';
import { type IsoDate, isoWeekday, parisInstant } from '@foyer/shared/domain';
import {
  ErrorAlert,
  fieldErrorMessage,
  formState,
  StatusMessage,
  submitForm,
  toFormError,
} from '@foyer/web/core';
import { FrenchCalendarHeader, isoDateOf } from '@foyer/web/households';
import { BookingsApi } from '../data-access/bookings-api';
import { ServerToday } from '../data-access/server-today';
import {
  formatDayNameFr,
  formatDeadline,
  formatMomentFr,
  formatMonthFr,
  monthEnd,
  monthStart,
  formatTime,
  shiftMonth,
  WEEKDAY_LABELS,
} from '../ui/french-time';
import {
  dayState,
  type DayState,
  isChangeable,
  isHeld,
  isLiveBooking,
  outcomeIcon,
  outcomeText,
} from '../ui/labels';
import { StateIconComponent } from '../ui/state-icon';

interface CalendarCell {
  activityId: string;
  activityName: string;
  day: BookingCalendarDayView;
  state: DayState;
  changeable: boolean;
  /** What the parent wants: held (booked or waiting) or not, pending changes included. */
  wanted: boolean;
  /** The parent changed it and has not saved yet. */
  pending: boolean;
  deadlineText: string | null;
}

interface CalendarRow {
  date: IsoDate;
  label: string;
  today: boolean;
  cells: (CalendarCell | null)[];
}

interface OutcomeLine {
  key: string;
  text: string;
  icon: ReturnType<typeof outcomeIcon>;
  refused: boolean;
}

const keyOf = (date: string, activityId: string) => `${date}|${activityId}`;

/**
 * /reservations: the family calendar. A month per child, every activity the child is enrolled in, each
 * day's state said in words (and an icon), its deadline; days are ticked or unticked, then one
 * « Enregistrer » sends them all and says what became of each one. On a phone each day is a card.
 */
@Component({
  selector: 'foyer-family-calendar-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatDatepicker,
    MatDatepickerInput,
    MatDatepickerToggle,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    MatSelectModule,
    ErrorAlert,
    StatusMessage,
    StateIconComponent,
  ],
  templateUrl: './family-calendar-page.html',
  styleUrl: './family-calendar-page.scss',
})
export class FamilyCalendarPage implements OnInit {
  private readonly api = inject(BookingsApi);
  private readonly clock = inject(ServerToday);
  private readonly document = inject(DOCUMENT);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly children = signal<ChildView[]>([]);
  protected readonly childId = signal<string | null>(null);
  protected readonly child = computed(() => this.children().find((c) => c.id === this.childId()) ?? null);
  protected readonly today = signal<IsoDate | null>(null);
  protected readonly month = signal<IsoDate | null>(null);
  protected readonly calendar = signal<BookingCalendarView | null>(null);
  protected readonly activities = signal<ActivityView[]>([]);
  protected readonly offers = signal<BookingOfferView[]>([]);
  protected readonly loading = signal(false);
  protected readonly loadError = signal<string | null>(null);
  /** Unsaved choices: day|activity → wanted (true: book, false: cancel). */
  protected readonly changes = signal<Record<string, boolean>>({});
  protected readonly changeCount = computed(() => Object.keys(this.changes()).length);
  protected readonly outcomes = signal<OutcomeLine[]>([]);
  protected readonly outcomeSummary = signal<string | null>(null);
  protected readonly save = formState();
  /** From « Enregistrer » until the month is read again. */
  protected readonly saving = signal(false);
  protected readonly patternState = formState('#pattern-form');
  protected readonly patternOutcomes = signal<OutcomeLine[]>([]);
  protected readonly feed = signal<CalendarFeedView | null>(null);
  protected readonly feedState = formState();
  protected readonly sickState = formState();
  protected readonly offerState = formState();
  protected readonly calendarHeader = FrenchCalendarHeader;
  protected readonly errorOf = fieldErrorMessage;
  protected readonly monthLabel = computed(() => {
    const month = this.month();
    return month ? formatMonthFr(month) : '';
  });
  protected readonly weekdays = [1, 2, 3, 4, 5].map((day) => ({ day, label: WEEKDAY_LABELS[day] }));
  protected readonly formatDay = formatDayNameFr;
  protected readonly formatMoment = formatMomentFr;

  /** The server's « now » when the page opened: deadlines are compared with it. */
  private nowMs = Date.now();

  protected readonly patternForm = this.fb.group({
    activityId: ['', [Validators.required]],
    from: ['' as string | Date, [Validators.required]],
    to: ['' as string | Date, [Validators.required]],
    weekdays: [[] as number[]],
    action: ['book' as 'book' | 'cancel'],
  });

  /**
   * The activities that run at least one day of the month get a column; the others (the holiday
   * centre in a month without holidays) are said once, under the table, with the reason.
   */
  protected readonly columns = computed(() => {
    const calendar = this.calendar();
    if (!calendar) return [];
    return calendar.activities.filter((activity) =>
      calendar.days.some((day) => day.activityId === activity.id && day.status !== 'closed'),
    );
  });
  protected readonly idleActivities = computed(() => {
    const calendar = this.calendar();
    if (!calendar) return [];
    const shown = new Set(this.columns().map((a) => a.id));
    return calendar.activities
      .filter((activity) => !shown.has(activity.id))
      .map((activity) => {
        const reasons = calendar.days
          .filter((day) => day.activityId === activity.id && day.reason)
          .map((day) => day.reason as string);
        const common = reasons.sort(
          (a, b) => reasons.filter((r) => r === b).length - reasons.filter((r) => r === a).length,
        )[0];
        return common ? `${activity.name} (${common})` : activity.name;
      });
  });

  /** The month as rows of days: weekdays always, weekend days only when an activity runs on them. */
  protected readonly rows = computed<CalendarRow[]>(() => {
    const calendar = this.calendar();
    if (!calendar) return [];
    const columns = this.columns();
    const changes = this.changes();
    const today = this.today();
    const byKey = new Map(calendar.days.map((day) => [keyOf(day.date, day.activityId), day]));
    const dates = [...new Set(calendar.days.map((day) => day.date))].sort();
    return dates
      .filter(
        (date) =>
          isoWeekday(date) <= 5 ||
          columns.some((a) => {
            const day = byKey.get(keyOf(date, a.id));
            return !!day && day.status !== 'closed' && day.status !== 'not_enrolled';
          }),
      )
      .map((date) => ({
        date,
        label: formatDayNameFr(date),
        today: date === today,
        cells: columns.map((activity) => {
          const day = byKey.get(keyOf(date, activity.id));
          if (!day) return null;
          const key = keyOf(date, activity.id);
          const pending = key in changes;
          return {
            activityId: activity.id,
            activityName: activity.name,
            day,
            state: dayState(day),
            changeable: isChangeable(day),
            wanted: pending ? changes[key] : isHeld(day),
            pending,
            deadlineText: this.deadlineText(day),
          };
        }),
      }));
  });

  /** Days gone by are folded in the current month, so a phone opens on today. */
  protected readonly showPast = signal(false);
  protected readonly pastCount = computed(() => {
    const today = this.today();
    const rows = this.rows();
    if (!today || !rows.some((row) => row.date >= today)) return 0;
    return rows.filter((row) => row.date < today).length;
  });
  protected readonly visibleRows = computed(() => {
    const today = this.today();
    if (this.showPast() || this.pastCount() === 0 || !today) return this.rows();
    return this.rows().filter((row) => row.date >= today);
  });

  /** Today's booked activities, for the same-morning sick cancellation. */
  protected readonly sickCandidates = computed(() => {
    const calendar = this.calendar();
    const today = this.today();
    if (!calendar || !today) return [];
    return calendar.days
      .filter((day) => day.date === today && isLiveBooking(day) && !day.offerExpiresAt)
      .map((day) => {
        const activity = calendar.activities.find((a) => a.id === day.activityId);
        const rules = this.activities().find((a) => a.id === day.activityId)?.rules;
        const until = rules?.sickCancelUntil ?? null;
        // Offered until the activity's hour of the day (the API refuses after it).
        const open = !!until && parisInstant(today, until).getTime() > this.nowMs;
        return { day, name: activity?.name ?? '', until: open && until ? formatTime(until) : null };
      })
      .filter((candidate) => candidate.until !== null);
  });

  /** Sick absences of the month still waiting for their medical certificate. */
  protected readonly absencesToJustify = computed(() => {
    const calendar = this.calendar();
    if (!calendar) return [];
    return calendar.days
      .filter((day) => day.absence === 'sick_pending' && day.bookingId)
      .map((day) => ({
        day,
        bookingId: day.bookingId as string,
        name: calendar.activities.find((a) => a.id === day.activityId)?.name ?? '',
      }));
  });
  protected readonly certificateState = formState();
  private readonly certificates = new Map<string, File>();

  ngOnInit(): void {
    void this.start();
  }

  /** Leaving the page (a link, the back button) with unsaved ticks asks first. */
  canLeave(): boolean {
    return this.changeCount() === 0 || this.confirmDiscard();
  }

  protected selectChild(childId: string): void {
    if (childId === this.childId()) return;
    if (this.changeCount() > 0 && !this.confirmDiscard()) return;
    this.childId.set(childId);
    this.resetMessages();
    void this.loadCalendar();
    void this.loadFeed();
  }

  protected moveMonth(months: number): void {
    const month = this.month();
    if (!month) return;
    if (this.changeCount() > 0 && !this.confirmDiscard()) return;
    this.month.set(shiftMonth(month, months));
    this.resetMessages();
    void this.loadCalendar();
  }

  protected toggle(cell: CalendarCell, wanted: boolean): void {
    const key = keyOf(cell.day.date, cell.activityId);
    this.changes.update((changes) => {
      const next = { ...changes };
      if (wanted === isHeld(cell.day)) delete next[key];
      else next[key] = wanted;
      return next;
    });
  }

  /** Bulk choice: every changeable day of the month for one activity, booked (or all cancelled). */
  protected chooseAll(activityId: string, wanted: boolean): void {
    const calendar = this.calendar();
    if (!calendar) return;
    this.changes.update((changes) => {
      const next = { ...changes };
      for (const day of calendar.days) {
        if (day.activityId !== activityId || !isChangeable(day)) continue;
        if (day.deadline && !day.lateChangeAllowed && new Date(day.deadline).getTime() < this.nowMs) continue;
        const key = keyOf(day.date, activityId);
        if (wanted === isHeld(day)) delete next[key];
        else next[key] = wanted;
      }
      return next;
    });
  }

  protected discardChanges(): void {
    this.changes.set({});
  }

  protected async saveChanges(): Promise<void> {
    const childId = this.childId();
    // The button stays focusable while disabled (disabledInteractive: the focus is not lost on save).
    if (!childId || this.changeCount() === 0 || this.saving()) return;
    const changes: BookingChange[] = Object.entries(this.changes()).map(([key, booked]) => {
      const [date, activityId] = key.split('|');
      return { date, activityId, booked };
    });
    this.outcomes.set([]);
    this.outcomeSummary.set(null);
    this.saving.set(true);
    try {
      const result = await submitForm({
        state: this.save,
        invalidMessage: '',
        send: () => this.api.changeBookings(childId, changes),
        success: () => null,
      });
      if (!result) return;
      // The ticks stay until the month is read again, so no cell shows its old state meanwhile.
      await this.loadCalendar();
      this.changes.set({});
      this.outcomes.set(this.outcomeLines(result));
      this.outcomeSummary.set(this.summaryOf(result));
    } finally {
      this.saving.set(false);
    }
  }

  protected async applyPattern(): Promise<void> {
    const childId = this.childId();
    if (!childId) return;
    const weekdays = this.patternForm.controls.weekdays;
    const value = this.patternForm.getRawValue();
    this.patternOutcomes.set([]);
    const result = await submitForm({
      state: this.patternState,
      form: this.patternForm,
      invalidMessage: $localize`:@@bookings.calendar.patternInvalid:La semaine type est incomplète. Corrigez les champs signalés.`,
      extraProblem: () =>
        weekdays.value.length === 0
          ? $localize`:@@bookings.calendar.chooseWeekday:Choisissez au moins un jour de la semaine.`
          : null,
      send: () => {
        const request = {
          activityId: value.activityId,
          from: isoDateOf(value.from),
          to: isoDateOf(value.to),
          weekdays: [...value.weekdays].sort(),
        };
        return value.action === 'cancel'
          ? this.api.cancelPeriod(childId, request)
          : this.api.bookPattern(childId, request);
      },
      success: (result) => this.summaryOf(result),
      siblings: [this.save],
    });
    if (!result) return;
    this.patternOutcomes.set(this.outcomeLines(result));
    await this.loadCalendar();
  }

  protected isWeekdayChosen(day: number): boolean {
    return this.patternForm.controls.weekdays.value.includes(day);
  }

  protected toggleWeekday(day: number, chosen: boolean): void {
    const current = this.patternForm.controls.weekdays.value.filter((d) => d !== day);
    this.patternForm.controls.weekdays.setValue(chosen ? [...current, day] : current);
  }

  protected async cancelForIllness(day: BookingCalendarDayView, name: string): Promise<void> {
    const childId = this.childId();
    if (!childId) return;
    const done = await submitForm({
      state: this.sickState,
      invalidMessage: '',
      send: () => this.api.cancelForIllness(childId, { date: day.date, activityId: day.activityId }),
      success: () =>
        $localize`:@@bookings.calendar.sickSaved:Absence pour maladie enregistrée : ${name}:ACTIVITY:, aujourd'hui. Déposez un certificat médical pour qu'elle ne soit pas facturée.`,
    });
    if (done) await this.loadCalendar();
  }

  protected pickCertificate(bookingId: string, event: Event): void {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (file) this.certificates.set(bookingId, file);
    else this.certificates.delete(bookingId);
  }

  protected async uploadCertificate(bookingId: string, label: string): Promise<void> {
    const childId = this.childId();
    const file = this.certificates.get(bookingId);
    if (!childId) return;
    const done = await submitForm({
      state: this.certificateState,
      invalidMessage: $localize`:@@bookings.calendar.certificateInvalid:Choisissez le fichier du certificat médical (PDF, JPEG ou PNG).`,
      extraProblem: () => (file ? null : $localize`:@@bookings.calendar.noFile:Aucun fichier choisi.`),
      send: () => this.api.uploadCertificate(childId, bookingId, file as File),
      success: () =>
        $localize`:@@bookings.calendar.certificateSaved:Certificat déposé : l'absence du ${label}:ABSENCE: est justifiée et ne sera pas facturée.`,
    });
    if (done !== undefined) {
      this.certificates.delete(bookingId);
      await this.loadCalendar();
    }
  }

  protected async regenerateFeed(): Promise<void> {
    const childId = this.childId();
    if (!childId) return;
    const feed = await submitForm({
      state: this.feedState,
      invalidMessage: '',
      send: () => this.api.regenerateCalendarFeed(childId),
      success: () =>
        $localize`:@@bookings.calendar.linkCreated:Nouveau lien créé. L'ancien lien, s'il existait, ne fonctionne plus.`,
    });
    if (feed) this.feed.set(feed);
  }

  protected async copyFeed(url: string): Promise<void> {
    try {
      await this.document.defaultView?.navigator.clipboard.writeText(url);
      this.feedState.error.set(null);
      this.feedState.status.set(
        $localize`:@@bookings.calendar.linkCopied:Lien copié. Collez-le dans votre application d’agenda.`,
      );
    } catch {
      this.feedState.status.set(null);
      this.feedState.error.set(
        $localize`:@@bookings.calendar.copyFailed:Le lien n’a pas pu être copié. Sélectionnez-le et copiez-le vous-même.`,
      );
    }
  }

  protected async answerOffer(offer: BookingOfferView, accept: boolean): Promise<void> {
    const done = await submitForm({
      state: this.offerState,
      invalidMessage: '',
      send: () => (accept ? this.api.acceptOffer(offer.bookingId) : this.api.declineOffer(offer.bookingId)),
      success: () =>
        accept
          ? $localize`:@@bookings.calendar.offerAccepted:Place acceptée : ${offer.activityName}:ACTIVITY:, ${formatDayNameFr(offer.date)}:DAY:.`
          : $localize`:@@bookings.calendar.offerRefused:Place refusée : elle est proposée à l'enfant suivant.`,
    });
    if (done !== undefined) {
      await this.loadOffers();
      await this.loadCalendar();
    }
  }

  protected checkboxLabel(row: CalendarRow, cell: CalendarCell): string {
    return $localize`:@@bookings.calendar.checkboxLabel:Réserver ${cell.activityName}:ACTIVITY:, ${row.label}:DAY:`;
  }

  private deadlineText(day: BookingCalendarDayView): string | null {
    if (!day.deadline || !isChangeable(day)) return null;
    if (new Date(day.deadline).getTime() < this.nowMs && day.lateChangeAllowed) {
      return $localize`:@@bookings.calendar.deadlinePassed:Date limite passée : une modification sera majorée.`;
    }
    const text = formatDeadline(new Date(day.deadline));
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  private outcomeLines(result: BookingChangesView): OutcomeLine[] {
    const names = new Map((this.calendar()?.activities ?? []).map((a) => [a.id, a.name]));
    for (const activity of this.activities())
      if (!names.has(activity.id)) names.set(activity.id, activity.name);
    return [...result.outcomes]
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((outcome: BookingChangeOutcome) => ({
        key: keyOf(outcome.date, outcome.activityId),
        text: $localize`:@@bookings.calendar.outcomeLine:${formatDayNameFr(outcome.date)}:DAY:, ${names.get(outcome.activityId) ?? $localize`:@@bookings.calendar.anActivity:activité`}:ACTIVITY: : ${outcomeText(outcome)}:OUTCOME:`,
        icon: outcomeIcon(outcome),
        refused: outcome.outcome === 'refused',
      }));
  }

  private summaryOf(result: BookingChangesView): string {
    const parts: string[] = [];
    const n = result;
    if (n.booked)
      parts.push(
        n.booked > 1
          ? $localize`:@@bookings.calendar.bookedMany:${n.booked}:COUNT: jours réservés`
          : $localize`:@@bookings.calendar.bookedOne:${n.booked}:COUNT: jour réservé`,
      );
    if (n.waitlisted)
      parts.push(
        n.waitlisted > 1
          ? $localize`:@@bookings.calendar.waitlistedMany:${n.waitlisted}:COUNT: jours en liste d'attente`
          : $localize`:@@bookings.calendar.waitlistedOne:${n.waitlisted}:COUNT: jour en liste d'attente`,
      );
    if (n.cancelled)
      parts.push(
        n.cancelled > 1
          ? $localize`:@@bookings.calendar.cancelledMany:${n.cancelled}:COUNT: jours annulés`
          : $localize`:@@bookings.calendar.cancelledOne:${n.cancelled}:COUNT: jour annulé`,
      );
    if (n.refused)
      parts.push(
        n.refused > 1
          ? $localize`:@@bookings.calendar.refusedMany:${n.refused}:COUNT: demandes refusées`
          : $localize`:@@bookings.calendar.refusedOne:${n.refused}:COUNT: demande refusée`,
      );
    return parts.length
      ? $localize`:@@bookings.calendar.saved:Enregistré : ${parts.join(', ')}:PARTS:.`
      : $localize`:@@bookings.calendar.unchanged:Aucun changement.`;
  }

  private resetMessages(): void {
    // Another child or month: the old table must not stay on screen as if it were the new one.
    this.calendar.set(null);
    this.changes.set({});
    this.outcomes.set([]);
    this.outcomeSummary.set(null);
    this.save.clear();
    this.sickState.clear();
    this.certificateState.clear();
    this.patternState.clear();
    this.patternOutcomes.set([]);
  }

  private confirmDiscard(): boolean {
    return (
      this.document.defaultView?.confirm(
        $localize`:@@bookings.calendar.confirmDiscard:Vos modifications ne sont pas enregistrées. Les abandonner et continuer ?`,
      ) ?? true
    );
  }

  private async start(): Promise<void> {
    this.loading.set(true);
    try {
      const [household, today] = await Promise.all([this.api.household(), this.clock.today()]);
      this.today.set(today);
      this.nowMs = (await this.clock.now()).getTime();
      this.month.set(monthStart(today));
      this.children.set(household.children);
      this.childId.set(household.children[0]?.id ?? null);
    } catch (failure) {
      this.loadError.set(toFormError(failure).message);
      this.loading.set(false);
      return;
    }
    void this.api
      .activities()
      .then((activities) => this.activities.set(activities))
      .catch(() => undefined);
    void this.loadOffers();
    void this.loadFeed();
    await this.loadCalendar();
  }

  private async loadCalendar(): Promise<void> {
    const childId = this.childId();
    const month = this.month();
    if (!childId || !month) {
      this.loading.set(false);
      return;
    }
    this.loading.set(true);
    this.loadError.set(null);
    try {
      const calendar = await this.api.calendar(childId, month, monthEnd(month));
      // A late answer for another child or month must not replace the one on screen.
      if (childId === this.childId() && month === this.month()) this.calendar.set(calendar);
    } catch (failure) {
      this.calendar.set(null);
      this.loadError.set(toFormError(failure).message);
    } finally {
      this.loading.set(false);
    }
  }

  private async loadOffers(): Promise<void> {
    try {
      this.offers.set(await this.api.offers());
    } catch {
      this.offers.set([]);
    }
  }

  private async loadFeed(): Promise<void> {
    const childId = this.childId();
    this.feed.set(null);
    this.feedState.clear();
    if (!childId) return;
    try {
      const feed = await this.api.calendarFeed(childId);
      if (childId === this.childId()) this.feed.set(feed);
    } catch {
      this.feed.set({ url: null, createdAt: null });
    }
  }
}

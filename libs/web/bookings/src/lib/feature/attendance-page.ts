import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { HttpClient, HttpParams } from '@angular/common/http';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { firstValueFrom } from 'rxjs';
import {
  type ActivityView,
  AgentHouseholdRoutes,
  AttendanceMark,
  type AttendanceChildView,
  type AttendanceSheetView,
  type HouseholdSummaryView,
  type HouseholdView,
  type SiteView,
} from '@foyer/shared/contracts';
import {
  apiUrl,
  ErrorAlert,
  fieldErrorMessage,
  formState,
  PhoneFrPipe,
  StatusMessage,
  submitForm,
  toFormError,
} from '@foyer/web/core';
import { CLASS_LEVEL_LABELS, DIET_LABELS, FrenchCalendarHeader, isoDateOf } from '@foyer/web/households';
import { BookingsApi } from '../data-access/bookings-api';
import { ServerToday } from '../data-access/server-today';
import { formatDayNameFr } from '../ui/french-time';
import { ATTENDANCE_MARK_LABELS } from '../ui/labels';
import { StateIconComponent } from '../ui/state-icon';

interface WalkInCandidate {
  childId: string;
  name: string;
}

/**
 * /agent/pointage: attendance at the school gate. Choose a site, an activity and a day; each expected
 * child is a card with what the adults must know (allergies, PAI, who may pick the child up) and one
 * tap marks present or absent. A child who came without booking is added as a walk-in.
 */
@Component({
  selector: 'foyer-attendance-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDatepicker,
    MatDatepickerInput,
    MatDatepickerToggle,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    ErrorAlert,
    StatusMessage,
    StateIconComponent,
    PhoneFrPipe,
  ],
  templateUrl: './attendance-page.html',
  styleUrl: './attendance-page.scss',
})
export class AttendancePage implements OnInit {
  private readonly api = inject(BookingsApi);
  private readonly http = inject(HttpClient);
  private readonly clock = inject(ServerToday);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly sites = signal<SiteView[]>([]);
  protected readonly activities = signal<ActivityView[]>([]);
  protected readonly sheet = signal<AttendanceSheetView | null>(null);
  protected readonly today = signal<string | null>(null);
  /** A day to come: the list can be read, marks wait for the day itself (the API refuses them). */
  protected readonly future = computed(() => {
    const sheet = this.sheet();
    const today = this.today();
    return !!sheet && !!today && sheet.date > today;
  });
  protected readonly choose = formState('#attendance-form');
  protected readonly marking = formState();
  protected readonly walkIn = formState('#walk-in-form');
  protected readonly candidates = signal<WalkInCandidate[]>([]);
  /** The child whose mark is being sent, so only that card waits. */
  protected readonly busyChild = signal<string | null>(null);
  protected readonly errorOf = fieldErrorMessage;
  protected readonly calendarHeader = FrenchCalendarHeader;
  protected readonly markLabels = ATTENDANCE_MARK_LABELS;
  protected readonly classLabels = CLASS_LEVEL_LABELS as Partial<Record<string, string>>;
  protected readonly dietLabels = DIET_LABELS as Partial<Record<string, string>>;
  protected readonly Mark = AttendanceMark;
  protected readonly formatDay = formatDayNameFr;

  protected readonly form = this.fb.group({
    siteId: ['', [Validators.required]],
    activityId: ['', [Validators.required]],
    date: ['' as string | Date, [Validators.required]],
  });
  protected readonly searchForm = this.fb.group({
    query: ['', [Validators.required, Validators.minLength(2)]],
  });
  private readonly siteId = signal('');
  protected readonly siteActivities = computed(() =>
    this.activities().filter((a) => a.offers.some((offer) => offer.siteId === this.siteId())),
  );
  protected readonly counts = computed(() => {
    const children = this.sheet()?.children ?? [];
    const present = children.filter((c) => c.mark === AttendanceMark.Present).length;
    const absent = children.filter((c) => c.mark && c.mark !== AttendanceMark.Present).length;
    return { present, absent, todo: children.length - present - absent, total: children.length };
  });

  protected readonly countsText = computed(() => {
    const { present, absent, todo, total } = this.counts();
    const children =
      total > 1
        ? $localize`:@@bookings.attendance.childrenMany:${total}:COUNT: enfants`
        : $localize`:@@bookings.attendance.childrenOne:${total}:COUNT: enfant`;
    const presents =
      present > 1
        ? $localize`:@@bookings.attendance.presentMany:${present}:COUNT: présents`
        : $localize`:@@bookings.attendance.presentOne:${present}:COUNT: présent`;
    const absents =
      absent > 1
        ? $localize`:@@bookings.attendance.absentMany:${absent}:COUNT: absents`
        : $localize`:@@bookings.attendance.absentOne:${absent}:COUNT: absent`;
    return $localize`:@@bookings.attendance.counts:${children}:CHILDREN: : ${presents}:PRESENT:, ${absents}:ABSENT:, ${todo}:TODO: à pointer.`;
  });

  constructor() {
    this.form.controls.siteId.valueChanges.subscribe((siteId) => {
      this.siteId.set(siteId);
      const offered = this.activities().filter((a) => a.offers.some((offer) => offer.siteId === siteId));
      if (!offered.some((a) => a.id === this.form.controls.activityId.value)) {
        this.form.controls.activityId.setValue(offered.length === 1 ? offered[0].id : '');
      }
    });
  }

  ngOnInit(): void {
    void this.load();
  }

  protected async show(): Promise<void> {
    const value = this.form.getRawValue();
    this.candidates.set([]);
    this.marking.clear();
    const sheet = await submitForm({
      state: this.choose,
      form: this.form,
      invalidMessage: $localize`:@@bookings.attendance.invalid:Choisissez un site, une activité et un jour.`,
      send: () =>
        this.api.attendance({
          siteId: value.siteId,
          activityId: value.activityId,
          date: isoDateOf(value.date),
        }),
    });
    if (sheet) this.sheet.set(sheet);
  }

  protected async mark(child: AttendanceChildView, mark: AttendanceMark): Promise<void> {
    const sheet = this.sheet();
    if (!sheet || this.busyChild()) return;
    this.busyChild.set(child.childId);
    try {
      const updated = await submitForm({
        state: this.marking,
        invalidMessage: '',
        send: () =>
          this.api.markAttendance({
            siteId: sheet.siteId,
            activityId: sheet.activityId,
            date: sheet.date,
            childId: child.childId,
            mark,
          }),
        success: () =>
          $localize`:@@bookings.attendance.marked:${child.firstName}:FIRST_NAME: ${child.lastName}:LAST_NAME: : ${this.markLabels[mark].toLowerCase()}:MARK:.`,
      });
      if (updated) this.sheet.set(updated);
    } finally {
      this.busyChild.set(null);
    }
  }

  /** Walk-in: find the child by name among the city's households. */
  protected async search(): Promise<void> {
    const query = this.searchForm.getRawValue().query.trim();
    this.candidates.set([]);
    const found = await submitForm({
      state: this.walkIn,
      form: this.searchForm,
      invalidMessage: $localize`:@@bookings.attendance.searchInvalid:Saisissez au moins deux lettres du nom de l'enfant.`,
      send: async () => {
        const summaries = await firstValueFrom(
          this.http.get<HouseholdSummaryView[]>(apiUrl(AgentHouseholdRoutes.households), {
            params: new HttpParams().set('q', query),
          }),
        );
        const households = await Promise.all(
          summaries
            .slice(0, 5)
            .map((summary) =>
              firstValueFrom(
                this.http.get<HouseholdView>(
                  apiUrl(`${AgentHouseholdRoutes.households}/${encodeURIComponent(summary.id)}`),
                ),
              ),
            ),
        );
        const expected = new Set((this.sheet()?.children ?? []).map((c) => c.childId));
        return households
          .flatMap((household) => household.children)
          .filter((child) => !expected.has(child.id))
          .map((child) => ({ childId: child.id, name: `${child.firstName} ${child.lastName}` }));
      },
      success: (list) =>
        list.length === 0 ? $localize`:@@bookings.attendance.notFound:Aucun enfant trouvé à ce nom.` : null,
    });
    if (found) this.candidates.set(found);
  }

  protected async addWalkIn(candidate: WalkInCandidate): Promise<void> {
    const sheet = this.sheet();
    if (!sheet) return;
    const updated = await submitForm({
      state: this.walkIn,
      invalidMessage: '',
      send: () =>
        this.api.markAttendance({
          siteId: sheet.siteId,
          activityId: sheet.activityId,
          date: sheet.date,
          childId: candidate.childId,
          mark: AttendanceMark.Present,
        }),
      success: () =>
        $localize`:@@bookings.attendance.walkInAdded:${candidate.name}:NAME: ajouté(e), présent(e) sans réservation.`,
    });
    if (updated) {
      this.sheet.set(updated);
      this.candidates.set([]);
      this.searchForm.reset({ query: '' });
    }
  }

  protected markText(child: AttendanceChildView): string {
    return child.mark ? this.markLabels[child.mark] : $localize`:@@bookings.attendance.toMark:À pointer`;
  }

  protected tapsLabel(child: AttendanceChildView): string {
    return $localize`:@@bookings.attendance.tapsLabel:Pointage de ${child.firstName}:FIRST_NAME: ${child.lastName}:LAST_NAME:`;
  }

  private async load(): Promise<void> {
    try {
      const [sites, activities, today] = await Promise.all([
        this.api.sites(),
        this.api.activities(),
        this.clock.today(),
      ]);
      this.activities.set(activities);
      this.sites.set(
        sites.filter((site) => activities.some((a) => a.offers.some((o) => o.siteId === site.id))),
      );
      this.today.set(today);
      this.form.controls.date.setValue(today);
    } catch (failure) {
      this.choose.error.set(toFormError(failure).message);
    }
  }
}

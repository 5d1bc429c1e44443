import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import type { ActivityView, ChildView, EnrollmentView } from '@foyer/shared/contracts';
import {
  ErrorAlert,
  fieldErrorMessage,
  formState,
  StatusMessage,
  submitForm,
  toFormError,
} from '@foyer/web/core';
import { BookingsApi } from '../data-access/bookings-api';
import { ServerToday } from '../data-access/server-today';
import { documentLabel, ENROLLMENT_STATUS_BADGES, ENROLLMENT_STATUS_LABELS } from '../ui/labels';

/** The school year (« 2026-2027 ») holding a date: it turns on 1 September. */
export function schoolYearOf(date: string): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return month >= 9 ? `${year}-${year + 1}` : `${year - 1}-${year}`;
}

/** /reservations/inscriptions: each child's enrolments, and asking for a new one. */
@Component({
  selector: 'foyer-enrollments-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatSelectModule,
    ErrorAlert,
    StatusMessage,
  ],
  template: `
    <p>
      <a i18n="@@bookings.enrollments.back" routerLink="/reservations"
        ><span aria-hidden="true">← </span>Calendrier des réservations</a
      >
    </p>
    <h1 i18n="@@bookings.enrollments.title">Inscriptions aux activités</h1>
    <p i18n="@@bookings.enrollments.lead" class="lead">
      Pour réserver la cantine, l'accueil ou le centre de loisirs, votre enfant doit d'abord y être inscrit
      pour l'année scolaire. Un agent de la ville examine chaque demande.
    </p>
    <foyer-error-alert [message]="loadError()" />
    @if (loading()) {
      <p i18n="@@bookings.enrollments.loading" role="status">Chargement des inscriptions…</p>
    }

    @for (child of children(); track child.id) {
      <section class="panel" [attr.aria-labelledby]="'child-' + child.id">
        <h2 [id]="'child-' + child.id">{{ child.firstName }} {{ child.lastName }}</h2>
        @if (enrollmentsOf(child.id).length === 0) {
          <p i18n="@@bookings.enrollments.none">Aucune inscription pour le moment.</p>
        } @else {
          <div class="stacked-table">
            <table>
              <thead>
                <tr>
                  <th i18n="@@bookings.enrollments.activity" scope="col">Activité</th>
                  <th i18n="@@bookings.enrollments.site" scope="col">Site</th>
                  <th i18n="@@bookings.enrollments.year" scope="col">Année</th>
                  <th i18n="@@bookings.enrollments.status" scope="col">État</th>
                </tr>
              </thead>
              <tbody>
                @for (enrollment of enrollmentsOf(child.id); track enrollment.id) {
                  <tr>
                    <td data-label="Activité" i18n-data-label="@@bookings.enrollments.activityCell">
                      {{ enrollment.activityName }}
                    </td>
                    <td data-label="Site" i18n-data-label="@@bookings.enrollments.siteCell">
                      {{ enrollment.siteName }}
                    </td>
                    <td data-label="Année" i18n-data-label="@@bookings.enrollments.yearCell">
                      {{ enrollment.schoolYear }}
                    </td>
                    <td data-label="État" i18n-data-label="@@bookings.enrollments.statusCell">
                      <span class="badge" [class]="'badge ' + badges[enrollment.status]">{{
                        statusLabels[enrollment.status]
                      }}</span>
                      @if (enrollment.reason) {
                        <span i18n="@@bookings.enrollments.reason" class="reason"
                          >Motif : {{ enrollment.reason }}</span
                        >
                      }
                      @if (enrollment.missingDocuments.length > 0) {
                        <span i18n="@@bookings.enrollments.missing" class="reason"
                          >Documents manquants : {{ documentsText(enrollment.missingDocuments) }}.
                          <a routerLink="/famille/documents">Déposer un document</a></span
                        >
                      }
                    </td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        }
      </section>
    }

    @if (children().length > 0) {
      <section class="panel" aria-labelledby="ask-title">
        <h2 i18n="@@bookings.enrollments.askTitle" id="ask-title">Demander une inscription</h2>
        <foyer-status-message [message]="ask.status()" />
        <foyer-error-alert [message]="ask.error()" />
        <form id="ask-form" class="form-stack" [formGroup]="form" (ngSubmit)="submit()" novalidate>
          <div class="form-row">
            <mat-form-field>
              <mat-label i18n="@@bookings.enrollments.child">Enfant</mat-label>
              <mat-select formControlName="childId" required>
                @for (child of children(); track child.id) {
                  <mat-option [value]="child.id">{{ child.firstName }} {{ child.lastName }}</mat-option>
                }
              </mat-select>
              <mat-error>{{ errorOf(form.controls.childId) }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label i18n="@@bookings.enrollments.schoolYear">Année scolaire</mat-label>
              <mat-select formControlName="schoolYear" required>
                @for (year of schoolYears(); track year) {
                  <mat-option [value]="year">{{ year }}</mat-option>
                }
              </mat-select>
              <mat-error>{{ errorOf(form.controls.schoolYear) }}</mat-error>
            </mat-form-field>
          </div>
          <div class="form-row">
            <mat-form-field>
              <mat-label i18n="@@bookings.enrollments.activity">Activité</mat-label>
              <mat-select formControlName="activityId" required>
                @for (activity of activities(); track activity.id) {
                  <mat-option [value]="activity.id">{{ activity.name }}</mat-option>
                }
              </mat-select>
              <mat-error>{{ errorOf(form.controls.activityId) }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label i18n="@@bookings.enrollments.site">Site</mat-label>
              <mat-select formControlName="siteId" required>
                @for (offer of chosenActivity()?.offers ?? []; track offer.id) {
                  <mat-option [value]="offer.siteId">{{ offer.siteName }}</mat-option>
                }
              </mat-select>
              <mat-error>{{ errorOf(form.controls.siteId) }}</mat-error>
            </mat-form-field>
          </div>
          @if (chosenActivity(); as activity) {
            @if (activity.requiredDocuments.length > 0) {
              <div class="notice">
                <p i18n="@@bookings.enrollments.required">
                  Documents demandés : {{ documentsText(activity.requiredDocuments) }}. La ville les lit dans
                  <a routerLink="/famille/documents">vos documents</a> : déposez-les avant de demander
                  l'inscription.
                </p>
              </div>
            } @else {
              <p i18n="@@bookings.enrollments.noneRequired">
                Aucun document n'est demandé pour cette activité.
              </p>
            }
          }
          <div class="form-actions">
            <button
              i18n="@@bookings.enrollments.submit"
              mat-flat-button
              type="submit"
              [disabled]="ask.busy()"
            >
              Demander l'inscription
            </button>
          </div>
        </form>
      </section>
    }
  `,
  styles: `
    th {
      text-align: left;
    }
    .reason {
      display: block;
      margin-top: 0.25rem;
    }
  `,
})
export class EnrollmentsPage implements OnInit {
  private readonly api = inject(BookingsApi);
  private readonly clock = inject(ServerToday);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly children = signal<ChildView[]>([]);
  protected readonly activities = signal<ActivityView[]>([]);
  protected readonly enrollments = signal<EnrollmentView[]>([]);
  protected readonly schoolYears = signal<string[]>([]);
  protected readonly loading = signal(true);
  protected readonly loadError = signal<string | null>(null);
  protected readonly ask = formState('#ask-form');
  protected readonly errorOf = fieldErrorMessage;
  protected readonly statusLabels = ENROLLMENT_STATUS_LABELS;
  protected readonly badges = ENROLLMENT_STATUS_BADGES;

  protected readonly form = this.fb.group({
    childId: ['', [Validators.required]],
    schoolYear: ['', [Validators.required]],
    activityId: ['', [Validators.required]],
    siteId: ['', [Validators.required]],
  });
  private readonly activityId = toSignal(this.form.controls.activityId.valueChanges, { initialValue: '' });
  protected readonly chosenActivity = computed(
    () => this.activities().find((a) => a.id === this.activityId()) ?? null,
  );

  constructor() {
    // A site from another activity's list would be sent by mistake: choose it again.
    this.form.controls.activityId.valueChanges.subscribe((activityId) => {
      const offers = this.activities().find((a) => a.id === activityId)?.offers ?? [];
      this.form.controls.siteId.setValue(offers.length === 1 ? offers[0].siteId : '');
    });
  }

  ngOnInit(): void {
    void this.load();
  }

  protected enrollmentsOf(childId: string): EnrollmentView[] {
    return this.enrollments().filter((e) => e.childId === childId);
  }

  protected documentsText(types: string[]): string {
    return types.map(documentLabel).join(', ');
  }

  protected async submit(): Promise<void> {
    const value = this.form.getRawValue();
    const created = await submitForm({
      state: this.ask,
      form: this.form,
      invalidMessage: $localize`:@@bookings.enrollments.invalid:La demande est incomplète. Corrigez les champs signalés.`,
      send: () =>
        this.api.requestEnrollment(value.childId, {
          activityId: value.activityId,
          siteId: value.siteId,
          schoolYear: value.schoolYear,
        }),
      success: (enrollment) =>
        $localize`:@@bookings.enrollments.sent:Demande envoyée : ${enrollment.activityName}:ACTIVITY: pour ${enrollment.childName}:CHILD:. Vous serez prévenu de la décision.`,
      resetTo: { childId: value.childId, schoolYear: value.schoolYear, activityId: '', siteId: '' },
    });
    if (created) await this.loadEnrollments();
  }

  private async load(): Promise<void> {
    try {
      const [household, activities, today] = await Promise.all([
        this.api.household(),
        this.api.activities(),
        this.clock.today(),
      ]);
      const current = schoolYearOf(today);
      const next = `${Number(current.slice(0, 4)) + 1}-${Number(current.slice(0, 4)) + 2}`;
      this.schoolYears.set([current, next]);
      this.children.set(household.children);
      this.activities.set(activities);
      this.form.patchValue({ childId: household.children[0]?.id ?? '', schoolYear: current });
      await this.loadEnrollments();
    } catch (failure) {
      this.loadError.set(toFormError(failure).message);
    } finally {
      this.loading.set(false);
    }
  }

  private async loadEnrollments(): Promise<void> {
    const lists = await Promise.all(this.children().map((child) => this.api.enrollments(child.id)));
    this.enrollments.set(lists.flat());
  }
}

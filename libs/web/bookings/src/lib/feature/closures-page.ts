import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import type { ActivityView, ClosureView, SiteView } from '@foyer/shared/contracts';
import { formatDateFr } from '@foyer/shared/domain';
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

/** /agent/fermetures: close a site (or one activity at it) for a day or a range, with a reason. */
@Component({
  selector: 'foyer-closures-page',
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
      <a i18n="@@bookings.closures.back" routerLink="/agent"
        ><span aria-hidden="true">← </span>Espace agent</a
      >
    </p>
    <h1 i18n="@@bookings.closures.title">Fermetures</h1>
    <p i18n="@@bookings.closures.lead" class="lead">
      Un site fermé (grève, travaux, sortie) ne peut plus être réservé ces jours-là. Les réservations déjà
      faites sont annulées sans frais et les familles prévenues.
    </p>

    <section class="panel" aria-labelledby="new-closure-title">
      <h2 i18n="@@bookings.closures.newTitle" id="new-closure-title">Fermer un site</h2>
      <foyer-status-message [message]="creation.status()" />
      <foyer-error-alert [message]="creation.error()" />
      <form id="closure-form" class="form-stack" [formGroup]="form" (ngSubmit)="create()" novalidate>
        <div class="form-row">
          <mat-form-field>
            <mat-label i18n="@@bookings.closures.site">Site</mat-label>
            <mat-select formControlName="siteId" required>
              @for (site of sites(); track site.id) {
                <mat-option [value]="site.id">{{ site.name }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ errorOf(form.controls.siteId) }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label i18n="@@bookings.closures.activity">Activité</mat-label>
            <mat-select formControlName="activityId">
              <mat-option i18n="@@bookings.closures.allActivities" value=""
                >Toutes les activités du site</mat-option
              >
              @for (activity of siteActivities(); track activity.id) {
                <mat-option [value]="activity.id">{{ activity.name }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
        </div>
        <div class="form-row">
          <mat-form-field>
            <mat-label i18n="@@bookings.closures.from">Du</mat-label>
            <input matInput [matDatepicker]="fromPicker" formControlName="from" required />
            <mat-datepicker-toggle matIconSuffix [for]="fromPicker" />
            <mat-datepicker #fromPicker [calendarHeaderComponent]="calendarHeader" />
            <mat-hint i18n="@@bookings.closures.dateHint">JJ/MM/AAAA</mat-hint>
            <mat-error>{{ errorOf(form.controls.from) }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label i18n="@@bookings.closures.to">Au (inclus)</mat-label>
            <input matInput [matDatepicker]="toPicker" formControlName="to" />
            <mat-datepicker-toggle matIconSuffix [for]="toPicker" />
            <mat-datepicker #toPicker [calendarHeaderComponent]="calendarHeader" />
            <mat-hint i18n="@@bookings.closures.toHint">Vide pour un seul jour.</mat-hint>
            <mat-error>{{ errorOf(form.controls.to) }}</mat-error>
          </mat-form-field>
        </div>
        <mat-form-field>
          <mat-label i18n="@@bookings.closures.reason">Motif</mat-label>
          <input matInput formControlName="reason" required maxlength="200" />
          <mat-hint i18n="@@bookings.closures.reasonHint"
            >Les familles le lisent, par exemple « grève ».</mat-hint
          >
          <mat-error>{{ errorOf(form.controls.reason) }}</mat-error>
        </mat-form-field>
        <div class="form-actions">
          <button i18n="@@bookings.closures.save" mat-flat-button type="submit" [disabled]="creation.busy()">
            Enregistrer la fermeture
          </button>
        </div>
      </form>
    </section>

    <section class="panel" aria-labelledby="closures-title">
      <h2 i18n="@@bookings.closures.listTitle" id="closures-title">Fermetures enregistrées</h2>
      <foyer-error-alert [message]="listError()" />
      @if (closures().length === 0) {
        <p i18n="@@bookings.closures.none">Aucune fermeture.</p>
      } @else {
        <div class="stacked-table">
          <table>
            <thead>
              <tr>
                <th i18n="@@bookings.closures.colSite" scope="col">Site</th>
                <th i18n="@@bookings.closures.colActivity" scope="col">Activité</th>
                <th i18n="@@bookings.closures.colPeriod" scope="col">Période</th>
                <th i18n="@@bookings.closures.colReason" scope="col">Motif</th>
                <th i18n="@@bookings.closures.colCancelled" scope="col">Réservations annulées</th>
              </tr>
            </thead>
            <tbody>
              @for (closure of closures(); track closure.id) {
                <tr>
                  <td data-label="Site" i18n-data-label="@@bookings.closures.colSiteCell">
                    {{ closure.siteName }}
                  </td>
                  <td data-label="Activité" i18n-data-label="@@bookings.closures.colActivityCell">
                    {{ closure.activityName ?? allLabel }}
                  </td>
                  <td data-label="Période" i18n-data-label="@@bookings.closures.colPeriodCell">
                    {{ period(closure) }}
                  </td>
                  <td data-label="Motif" i18n-data-label="@@bookings.closures.colReasonCell">
                    {{ closure.reason }}
                  </td>
                  <td
                    data-label="Réservations annulées"
                    i18n-data-label="@@bookings.closures.colCancelledCell"
                  >
                    {{ closure.cancelledBookings }}
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
    </section>
  `,
  styles: `
    th {
      text-align: left;
    }
  `,
})
export class ClosuresPage implements OnInit {
  private readonly api = inject(BookingsApi);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly sites = signal<SiteView[]>([]);
  protected readonly activities = signal<ActivityView[]>([]);
  protected readonly closures = signal<ClosureView[]>([]);
  protected readonly listError = signal<string | null>(null);
  protected readonly creation = formState('#closure-form');
  protected readonly errorOf = fieldErrorMessage;
  protected readonly allLabel = $localize`:@@bookings.closures.all:Toutes`;
  protected readonly calendarHeader = FrenchCalendarHeader;
  protected readonly form = this.fb.group({
    siteId: ['', [Validators.required]],
    activityId: [''],
    from: ['' as string | Date, [Validators.required]],
    to: ['' as string | Date],
    reason: ['', [Validators.required, Validators.maxLength(200)]],
  });
  private readonly siteId = toSignal(this.form.controls.siteId.valueChanges, { initialValue: '' });
  protected readonly siteActivities = computed(() =>
    this.activities().filter((a) => a.offers.some((offer) => offer.siteId === this.siteId())),
  );

  ngOnInit(): void {
    void this.load();
  }

  protected period(closure: ClosureView): string {
    return closure.from === closure.to
      ? $localize`:@@bookings.closures.periodDay:le ${formatDateFr(closure.from)}:DAY:`
      : $localize`:@@bookings.closures.periodRange:du ${formatDateFr(closure.from)}:FROM: au ${formatDateFr(closure.to)}:TO:`;
  }

  protected async create(): Promise<void> {
    const value = this.form.getRawValue();
    const from = value.from ? isoDateOf(value.from) : '';
    const created = await submitForm({
      state: this.creation,
      form: this.form,
      invalidMessage: $localize`:@@bookings.closures.invalid:La fermeture est incomplète. Corrigez les champs signalés.`,
      send: () =>
        this.api.createClosure({
          siteId: value.siteId,
          activityId: value.activityId || null,
          from,
          to: value.to ? isoDateOf(value.to) : from,
          reason: value.reason.trim(),
        }),
      success: (closure) =>
        $localize`:@@bookings.closures.saved:Fermeture enregistrée : ${closure.siteName}:SITE:, ${this.period(closure)}:PERIOD:. ` +
        (closure.cancelledBookings === 0
          ? $localize`:@@bookings.closures.nothingCancelled:Aucune réservation à annuler.`
          : closure.cancelledBookings > 1
            ? $localize`:@@bookings.closures.cancelledMany:${closure.cancelledBookings}:COUNT: réservations annulées sans frais, familles prévenues.`
            : $localize`:@@bookings.closures.cancelledOne:${closure.cancelledBookings}:COUNT: réservation annulée sans frais, familles prévenues.`),
      resetTo: { siteId: '', activityId: '', from: '', to: '', reason: '' },
    });
    if (created) this.closures.update((all) => [created, ...all]);
  }

  private async load(): Promise<void> {
    try {
      const [sites, activities, closures] = await Promise.all([
        this.api.sites(),
        this.api.activities(),
        this.api.closures(),
      ]);
      this.sites.set(sites);
      this.activities.set(activities);
      this.closures.set(closures);
    } catch (failure) {
      this.listError.set(toFormError(failure).message);
    }
  }
}

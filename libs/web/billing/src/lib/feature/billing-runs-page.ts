import { ChangeDetectionStrategy, Component, inject, OnInit, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { BillingRunStatus, type BillingRunView } from '@foyer/shared/contracts';
import {
  ErrorAlert,
  EurosPipe,
  fieldErrorMessage,
  formState,
  InstantFrPipe,
  StatusMessage,
  submitForm,
} from '@foyer/web/core';
import { AppClock } from '../data-access/app-clock';
import { BillingAdminApi } from '../data-access/billing-api';
import { periodTitleFr } from '../ui/labels';
import { monthOffset, recentMonths } from '../ui/months';

export const RUN_STATUS_LABELS: Record<BillingRunStatus, string> = {
  [BillingRunStatus.Draft]: $localize`:@@billing.runs.statusDraft:Brouillon`,
  [BillingRunStatus.Finalizing]: $localize`:@@billing.runs.statusFinalizing:Émission en cours`,
  [BillingRunStatus.Finalized]: $localize`:@@billing.runs.statusFinalized:Factures émises`,
};

/** /agent/facturation/campagnes: start the draft run of a month, and the runs already made. */
@Component({
  selector: 'foyer-billing-runs-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatSelectModule,
    ErrorAlert,
    EurosPipe,
    InstantFrPipe,
    StatusMessage,
  ],
  template: `
    <p>
      <a i18n="@@billing.reminders.back" routerLink="/agent"
        ><span aria-hidden="true">← </span>Tableau de bord des agents</a
      >
    </p>
    <h1 i18n="@@billing.runs.title">Campagnes de facturation</h1>
    <p i18n="@@billing.runs.lead" class="lead">
      Une campagne calcule, pour un mois, les lignes de chaque famille à partir des réservations et des
      présences. Relisez le brouillon et levez les blocages, puis émettez les factures : elles sont alors
      numérotées, envoyées aux familles, et ne changent plus.
    </p>

    <section class="panel" aria-labelledby="new-run-title">
      <h2 i18n="@@billing.runs.newTitle" id="new-run-title">Calculer un mois</h2>
      <foyer-status-message [message]="createState.status()" />
      <foyer-error-alert [message]="createState.error()" />
      <form class="form-stack" [formGroup]="form" (ngSubmit)="create()" novalidate>
        <mat-form-field>
          <mat-label i18n="@@billing.runs.period">Mois à facturer</mat-label>
          <mat-select formControlName="period" required>
            @for (month of months(); track month.value) {
              <mat-option [value]="month.value">{{ month.label }}</mat-option>
            }
          </mat-select>
          <mat-hint i18n="@@billing.runs.periodHint"
            >Le brouillon peut être recalculé autant de fois que nécessaire avant l'émission.</mat-hint
          >
          <mat-error>{{ errorOf(form.controls.period) }}</mat-error>
        </mat-form-field>
        <div class="actions">
          <button i18n="@@billing.runs.compute" mat-flat-button type="submit" [disabled]="createState.busy()">
            Calculer le brouillon
          </button>
        </div>
      </form>
    </section>

    <section class="panel" aria-labelledby="runs-title">
      <h2 i18n="@@billing.runs.listTitle" id="runs-title">Campagnes</h2>
      <foyer-error-alert [message]="listError()" />
      @if (runs(); as list) {
        @if (list.length === 0) {
          <p i18n="@@billing.runs.none">Aucune campagne pour le moment.</p>
        } @else {
          <div class="stacked-table">
            <table class="runs">
              <caption i18n="@@billing.runs.caption" class="visually-hidden">
                Campagnes de facturation, les plus récentes d’abord
              </caption>
              <thead>
                <tr>
                  <th i18n="@@billing.runs.month" scope="col">Mois</th>
                  <th i18n="@@billing.runs.status" scope="col">État</th>
                  <th i18n="@@billing.runs.households" scope="col">Familles</th>
                  <th i18n="@@billing.runs.total" scope="col">Total</th>
                  <th i18n="@@billing.runs.blockers" scope="col">Blocages</th>
                  <th i18n="@@billing.runs.computedAt" scope="col">Calculée le</th>
                </tr>
              </thead>
              <tbody>
                @for (run of list; track run.id) {
                  <tr>
                    <td data-label="Mois" i18n-data-label="@@billing.runs.monthCell">
                      <a [routerLink]="['/agent/facturation/campagnes', run.id]">{{ title(run.period) }}</a>
                    </td>
                    <td data-label="État" i18n-data-label="@@billing.runs.statusCell">
                      {{ statusLabels[run.status] }}
                    </td>
                    <td data-label="Familles" i18n-data-label="@@billing.runs.householdsCell">
                      {{ run.householdCount }}
                    </td>
                    <td data-label="Total" i18n-data-label="@@billing.runs.totalCell">
                      {{ run.totalCents | euros }}
                    </td>
                    <td data-label="Blocages" i18n-data-label="@@billing.runs.blockersCell">
                      {{ run.blockers.length }}
                    </td>
                    <td data-label="Calculée le" i18n-data-label="@@billing.runs.computedAtCell">
                      {{ run.computedAt | instantFr }}
                    </td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        }
      } @else if (!listError()) {
        <p i18n="@@billing.runs.loading" role="status">Chargement des campagnes…</p>
      }
    </section>
  `,
  styles: `
    .runs {
      border-collapse: collapse;
      width: 100%;
      background: #fff;
    }
    .runs th,
    .runs td {
      text-align: left;
      padding: 0.5rem;
      border-bottom: 1px solid #d0d0d0;
    }
  `,
})
export class BillingRunsPage implements OnInit {
  private readonly api = inject(BillingAdminApi);
  private readonly router = inject(Router);
  private readonly fb = inject(NonNullableFormBuilder);

  private readonly clock = inject(AppClock);
  protected readonly months = signal(recentMonths(new Date()));
  protected readonly statusLabels = RUN_STATUS_LABELS;
  protected readonly title = periodTitleFr;
  protected readonly errorOf = fieldErrorMessage;
  protected readonly createState = formState('form');
  protected readonly runs = signal<BillingRunView[] | null>(null);
  protected readonly listError = signal<string | null>(null);
  // Last month by default: the month just ended is the one to bill.
  protected readonly form = this.fb.group({
    period: [monthOffset(new Date(), -1), [Validators.required]],
  });

  ngOnInit(): void {
    void this.load();
    void this.clock.now().then((now) => {
      this.months.set(recentMonths(now));
      if (!this.form.dirty) this.form.reset({ period: monthOffset(now, -1) });
    });
  }

  private async load(): Promise<void> {
    try {
      const list = await this.api.runs();
      this.runs.set([...list].sort((a, b) => b.createdAt.localeCompare(a.createdAt)));
    } catch {
      this.listError.set(
        $localize`:@@billing.runs.loadFailed:La liste des campagnes n'a pas pu être chargée.`,
      );
    }
  }

  protected async create(): Promise<void> {
    const run = await submitForm({
      state: this.createState,
      form: this.form,
      invalidMessage: $localize`:@@billing.runs.invalid:Choisissez le mois à facturer.`,
      send: () => this.api.createRun({ period: this.form.getRawValue().period }),
    });
    if (run) await this.router.navigate(['/agent/facturation/campagnes', run.id]);
  }
}

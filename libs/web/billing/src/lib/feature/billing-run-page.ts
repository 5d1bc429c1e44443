import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  ElementRef,
  inject,
  Injector,
  input,
  OnInit,
  signal,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { RouterLink } from '@angular/router';
import {
  type BillingRunHouseholdView,
  BillingRunStatus,
  type BillingRunView,
  type InvoiceLineView,
} from '@foyer/shared/contracts';
import {
  DayFrPipe,
  ErrorAlert,
  EurosPipe,
  focusAfterRender,
  formState,
  InstantFrPipe,
  StatusMessage,
  submitForm,
  toFormError,
} from '@foyer/web/core';
import { BillingAdminApi } from '../data-access/billing-api';
import { InvoiceLines } from '../ui/invoice-lines';
import { periodFr } from '../ui/labels';
import { RUN_STATUS_LABELS } from './billing-runs-page';

/**
 * /agent/facturation/campagnes/:runId: a month's draft, what blocks it, rerun, and finalize after an
 * explicit confirmation (the invoices are then numbered, sent, and never change).
 */
@Component({
  selector: 'foyer-billing-run-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    DayFrPipe,
    ErrorAlert,
    EurosPipe,
    InstantFrPipe,
    InvoiceLines,
    StatusMessage,
  ],
  template: `
    <p>
      <a i18n="@@billing.run.back" routerLink="/agent/facturation/campagnes"
        ><span aria-hidden="true">← </span>Campagnes de facturation</a
      >
    </p>
    <foyer-error-alert [message]="loadError()" />
    @if (run(); as r) {
      <h1 i18n="@@billing.run.title">Campagne de {{ period(r.period) }}</h1>
      <foyer-status-message [message]="action.status()" />
      <foyer-error-alert [message]="action.error()" />

      <section class="panel" aria-labelledby="run-summary-title">
        <h2 i18n="@@billing.run.summary" id="run-summary-title">Résumé</h2>
        <dl class="facts">
          <dt i18n="@@billing.run.status">État</dt>
          <dd>
            <span class="badge" [class.badge-success]="finalized()" [class.badge-neutral]="!finalized()">{{
              statusLabels[r.status]
            }}</span>
          </dd>
          <dt i18n="@@billing.run.computedAt">Calculée le</dt>
          <dd>
            @if (r.computedAt) {
              {{ r.computedAt | instantFr }}
            } @else {
              <ng-container i18n="@@billing.run.notYet">pas encore</ng-container>
            }
          </dd>
          @if (r.finalizedAt) {
            <dt i18n="@@billing.run.finalizedAt">Émise le</dt>
            <dd>{{ r.finalizedAt | instantFr }}</dd>
          }
          <dt i18n="@@billing.run.households">Familles concernées</dt>
          <dd>{{ r.householdCount }}</dd>
          <dt i18n="@@billing.run.total">Montant total</dt>
          <dd>{{ r.totalCents | euros }}</dd>
          @if (finalized()) {
            <dt i18n="@@billing.run.invoiceCount">Factures émises</dt>
            <dd>{{ r.invoiceCount }}</dd>
          }
          <dt i18n="@@billing.run.blockers">Blocages</dt>
          <dd>
            @if (r.blockers.length === 0) {
              <ng-container i18n="@@billing.run.noBlockers">Aucun</ng-container>
            } @else {
              {{ r.blockers.length }}
            }
          </dd>
        </dl>

        @if (r.status === draft) {
          <div class="actions">
            <button
              i18n="@@billing.run.rerun"
              mat-stroked-button
              type="button"
              [disabled]="action.busy()"
              (click)="rerun()"
            >
              Recalculer le brouillon
            </button>
            @if (!confirming()) {
              <button
                i18n="@@billing.run.issue"
                mat-flat-button
                type="button"
                [disabled]="action.busy()"
                (click)="askConfirmation()"
              >
                Émettre les factures…
              </button>
            }
          </div>
          @if (confirming()) {
            <div class="notice notice-warning confirm" role="alert">
              <p>
                @if (r.householdCount > 1) {
                  <ng-container i18n="@@billing.run.confirmMany"
                    ><strong>Confirmez l'émission :</strong> {{ r.householdCount }} factures seront numérotées
                    et envoyées aux familles pour {{ r.totalCents | euros }}, et les présences de
                    {{ period(r.period) }} seront verrouillées. Une facture émise ne change plus : une erreur
                    se corrige ensuite par un avoir.</ng-container
                  >
                } @else {
                  <ng-container i18n="@@billing.run.confirmOne"
                    ><strong>Confirmez l'émission :</strong> {{ r.householdCount }} facture sera numérotée et
                    envoyée aux familles pour {{ r.totalCents | euros }}, et les présences de
                    {{ period(r.period) }} seront verrouillées. Une facture émise ne change plus : une erreur
                    se corrige ensuite par un avoir.</ng-container
                  >
                }
              </p>
              @if (r.blockers.length > 0) {
                <mat-checkbox i18n="@@billing.run.ignoreBlockers" [(ngModel)]="ignoreBlockers">
                  Émettre malgré les {{ r.blockers.length }} blocages (les jours sans présence relevée sont
                  facturés comme réservés)
                </mat-checkbox>
              }
            </div>
            <div class="actions">
              <button
                i18n="@@billing.run.confirmIssue"
                mat-flat-button
                type="button"
                [disabled]="action.busy() || (r.blockers.length > 0 && !ignoreBlockers)"
                (click)="finalize()"
              >
                Confirmer l'émission des factures
              </button>
              <button i18n="@@billing.run.cancel" mat-button type="button" (click)="confirming.set(false)">
                Annuler
              </button>
            </div>
          }
        } @else if (r.status === finalizing) {
          <p i18n="@@billing.run.finalizing" role="status">
            Émission en cours : cette page se met à jour seule.
          </p>
        }
      </section>

      <section class="panel" aria-labelledby="blockers-title">
        <h2 i18n="@@billing.run.blockersTitle" id="blockers-title">Blocages</h2>
        @if (r.blockers.length === 0) {
          <p i18n="@@billing.run.noBlockersText">
            Aucun blocage : toutes les présences sont relevées et chaque enfant a un tarif.
          </p>
        } @else {
          <p i18n="@@billing.run.clearBlockers">
            Levez-les (présences à relever, tarif manquant), puis recalculez le brouillon.
          </p>
          <ul class="blockers">
            @for (blocker of r.blockers; track $index) {
              <li>
                {{ blocker.message }}
                @if (blocker.date) {
                  <span class="muted">({{ blocker.date | dayFr }})</span>
                }
              </li>
            }
          </ul>
        }
      </section>

      <section class="panel" aria-labelledby="households-title">
        <h2 i18n="@@billing.run.householdsTitle" id="households-title">Familles</h2>
        @if (r.households.length === 0) {
          <p i18n="@@billing.run.noHouseholds">Aucune famille n'a de ligne ce mois-ci.</p>
        } @else {
          @if (r.households.length < r.householdCount) {
            <p i18n="@@billing.run.firstOf" class="muted">
              Les {{ r.households.length }} premières sur {{ r.householdCount }}.
            </p>
          }
          <div class="stacked-table">
            <table class="run-households">
              <caption i18n="@@billing.run.caption" class="visually-hidden">
                Montant par famille
              </caption>
              <thead>
                <tr>
                  <th i18n="@@billing.run.household" scope="col">Famille</th>
                  <th i18n="@@billing.run.lines" scope="col">Lignes</th>
                  <th i18n="@@billing.run.amount" scope="col">Montant</th>
                  <th i18n="@@billing.run.invoice" scope="col">Facture</th>
                  <th scope="col"><span i18n="@@billing.run.detail" class="visually-hidden">Détail</span></th>
                </tr>
              </thead>
              <tbody>
                @for (household of r.households; track household.householdId) {
                  <tr>
                    <td data-label="Famille" i18n-data-label="@@billing.run.householdCell">
                      <a [routerLink]="['/agent/familles', household.householdId]">{{ household.label }}</a>
                    </td>
                    <td data-label="Lignes" i18n-data-label="@@billing.run.linesCell">
                      {{ household.lineCount }}
                    </td>
                    <td data-label="Montant" i18n-data-label="@@billing.run.amountCell">
                      {{ household.totalCents | euros }}
                    </td>
                    <td data-label="Facture" i18n-data-label="@@billing.run.invoiceCell">
                      @if (household.invoiceId) {
                        <a [routerLink]="['/agent/facturation/factures', household.invoiceId]">{{
                          household.invoiceNumber
                        }}</a>
                      } @else {
                        —
                      }
                    </td>
                    <td data-label="Détail" i18n-data-label="@@billing.run.detailCell">
                      <button
                        i18n="@@billing.run.seeLines"
                        mat-stroked-button
                        type="button"
                        [attr.aria-pressed]="reviewed()?.householdId === household.householdId"
                        (click)="review(household)"
                      >
                        Voir les lignes<span class="visually-hidden"> de {{ household.label }}</span>
                      </button>
                    </td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        }
      </section>

      @if (reviewed(); as household) {
        <section class="panel" aria-labelledby="review-title">
          <h2 i18n="@@billing.run.reviewTitle" id="review-title" tabindex="-1">
            Lignes de {{ household.label }}
          </h2>
          <foyer-error-alert [message]="reviewError()" />
          @if (reviewLines(); as lines) {
            <foyer-invoice-lines [lines]="lines" [idPrefix]="'review'" />
          } @else if (!reviewError()) {
            <p i18n="@@billing.run.loadingLines" role="status">Chargement des lignes…</p>
          }
        </section>
      }
    } @else if (!loadError()) {
      <h1 i18n="@@billing.run.titleLoading">Campagne de facturation</h1>
      <p i18n="@@billing.run.loading" role="status">Chargement de la campagne…</p>
    }
  `,
  styles: `
    .run-households {
      border-collapse: collapse;
      width: 100%;
      background: #fff;
    }
    .run-households th,
    .run-households td {
      text-align: left;
      padding: 0.5rem;
      border-bottom: 1px solid #d0d0d0;
    }
    .confirm {
      margin-top: 1rem;
    }
  `,
})
export class BillingRunPage implements OnInit {
  readonly runId = input.required<string>();
  private readonly api = inject(BillingAdminApi);

  protected readonly run = signal<BillingRunView | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly confirming = signal(false);
  protected readonly reviewed = signal<BillingRunHouseholdView | null>(null);
  protected readonly reviewLines = signal<InvoiceLineView[] | null>(null);
  protected readonly reviewError = signal<string | null>(null);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  protected ignoreBlockers = false;
  protected readonly action = formState();
  protected readonly statusLabels = RUN_STATUS_LABELS;
  protected readonly draft = BillingRunStatus.Draft;
  protected readonly finalizing = BillingRunStatus.Finalizing;
  protected readonly finalized = computed(() => this.run()?.status === BillingRunStatus.Finalized);
  protected readonly period = periodFr;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.timer && clearTimeout(this.timer));
  }

  ngOnInit(): void {
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.show(await this.api.run(this.runId()));
    } catch (failure) {
      const error = toFormError(failure);
      this.loadError.set(
        error.status === 404
          ? $localize`:@@billing.run.notFound:Cette campagne est introuvable.`
          : $localize`:@@billing.run.loadFailed:La campagne n'a pas pu être chargée. ${error.message}:ERROR:`,
      );
    }
  }

  /** Shows the run; while it is being finalized, reads it again every two seconds. */
  private show(run: BillingRunView): void {
    this.run.set(run);
    if (this.timer) clearTimeout(this.timer);
    if (run.status === BillingRunStatus.Finalizing) {
      this.timer = setTimeout(() => void this.load(), 2000);
    }
  }

  protected async review(household: BillingRunHouseholdView): Promise<void> {
    this.reviewed.set(household);
    this.reviewLines.set(null);
    this.reviewError.set(null);
    focusAfterRender(
      () => this.host.nativeElement.querySelector<HTMLElement>('#review-title'),
      this.injector,
    );
    try {
      this.reviewLines.set(await this.api.runHouseholdLines(this.runId(), household.householdId));
    } catch (failure) {
      this.reviewError.set(
        $localize`:@@billing.run.linesFailed:Les lignes n'ont pas pu être chargées. ${toFormError(failure).message}:ERROR:`,
      );
    }
  }

  protected askConfirmation(): void {
    this.ignoreBlockers = false;
    this.action.clear();
    this.confirming.set(true);
  }

  protected async rerun(): Promise<void> {
    this.confirming.set(false);
    const run = await submitForm({
      state: this.action,
      invalidMessage: '',
      send: () => this.api.rerun(this.runId()),
      success: (r) =>
        r.blockers.length > 1
          ? $localize`:@@billing.run.recomputedMany:Brouillon recalculé : ${r.householdCount}:HOUSEHOLDS: familles, ${r.blockers.length}:BLOCKERS: blocages.`
          : $localize`:@@billing.run.recomputedOne:Brouillon recalculé : ${r.householdCount}:HOUSEHOLDS: familles, ${r.blockers.length}:BLOCKERS: blocage.`,
    });
    if (run) this.show(run);
  }

  protected async finalize(): Promise<void> {
    const run = await submitForm({
      state: this.action,
      invalidMessage: '',
      send: () => this.api.finalize(this.runId(), { ignoreBlockers: this.ignoreBlockers }),
      success: (r) =>
        r.status === BillingRunStatus.Finalized
          ? $localize`:@@billing.run.issued:Factures de ${periodFr(r.period)}:PERIOD: émises : ${r.invoiceCount}:COUNT:. Les familles les reçoivent par e-mail.`
          : $localize`:@@billing.run.issueStarted:Émission lancée : cette page se met à jour seule.`,
    });
    if (run) {
      this.confirming.set(false);
      this.show(run);
    }
  }
}

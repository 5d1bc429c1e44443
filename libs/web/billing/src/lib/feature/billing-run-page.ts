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
      <a routerLink="/agent/facturation/campagnes"
        ><span aria-hidden="true">← </span>Campagnes de facturation</a
      >
    </p>
    <foyer-error-alert [message]="loadError()" />
    @if (run(); as r) {
      <h1>Campagne de {{ period(r.period) }}</h1>
      <foyer-status-message [message]="action.status()" />
      <foyer-error-alert [message]="action.error()" />

      <section class="panel" aria-labelledby="run-summary-title">
        <h2 id="run-summary-title">Résumé</h2>
        <dl class="facts">
          <dt>État</dt>
          <dd>
            <span class="badge" [class.badge-success]="finalized()" [class.badge-neutral]="!finalized()">{{
              statusLabels[r.status]
            }}</span>
          </dd>
          <dt>Calculée le</dt>
          <dd>{{ (r.computedAt | instantFr) || 'pas encore' }}</dd>
          @if (r.finalizedAt) {
            <dt>Émise le</dt>
            <dd>{{ r.finalizedAt | instantFr }}</dd>
          }
          <dt>Familles concernées</dt>
          <dd>{{ r.householdCount }}</dd>
          <dt>Montant total</dt>
          <dd>{{ r.totalCents | euros }}</dd>
          @if (finalized()) {
            <dt>Factures émises</dt>
            <dd>{{ r.invoiceCount }}</dd>
          }
          <dt>Blocages</dt>
          <dd>{{ r.blockers.length === 0 ? 'Aucun' : r.blockers.length }}</dd>
        </dl>

        @if (r.status === draft) {
          <div class="actions">
            <button mat-stroked-button type="button" [disabled]="action.busy()" (click)="rerun()">
              Recalculer le brouillon
            </button>
            @if (!confirming()) {
              <button mat-flat-button type="button" [disabled]="action.busy()" (click)="askConfirmation()">
                Émettre les factures…
              </button>
            }
          </div>
          @if (confirming()) {
            <div class="notice notice-warning confirm" role="alert">
              <p>
                <strong>Confirmez l'émission :</strong> {{ r.householdCount }}
                {{
                  r.householdCount > 1
                    ? 'factures seront numérotées et envoyées'
                    : 'facture sera numérotée et envoyée'
                }}
                aux familles pour {{ r.totalCents | euros }}, et les présences de
                {{ period(r.period) }} seront verrouillées. Une facture émise ne change plus : une erreur se
                corrige ensuite par un avoir.
              </p>
              @if (r.blockers.length > 0) {
                <mat-checkbox [(ngModel)]="ignoreBlockers">
                  Émettre malgré les {{ r.blockers.length }} blocages (les jours sans présence relevée sont
                  facturés comme réservés)
                </mat-checkbox>
              }
            </div>
            <div class="actions">
              <button
                mat-flat-button
                type="button"
                [disabled]="action.busy() || (r.blockers.length > 0 && !ignoreBlockers)"
                (click)="finalize()"
              >
                Confirmer l'émission des factures
              </button>
              <button mat-button type="button" (click)="confirming.set(false)">Annuler</button>
            </div>
          }
        } @else if (r.status === finalizing) {
          <p role="status">Émission en cours : cette page se met à jour seule.</p>
        }
      </section>

      <section class="panel" aria-labelledby="blockers-title">
        <h2 id="blockers-title">Blocages</h2>
        @if (r.blockers.length === 0) {
          <p>Aucun blocage : toutes les présences sont relevées et chaque enfant a un tarif.</p>
        } @else {
          <p>Levez-les (présences à relever, tarif manquant), puis recalculez le brouillon.</p>
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
        <h2 id="households-title">Familles</h2>
        @if (r.households.length === 0) {
          <p>Aucune famille n'a de ligne ce mois-ci.</p>
        } @else {
          @if (r.households.length < r.householdCount) {
            <p class="muted">Les {{ r.households.length }} premières sur {{ r.householdCount }}.</p>
          }
          <div class="stacked-table">
            <table class="run-households">
              <caption class="visually-hidden">
                Montant par famille
              </caption>
              <thead>
                <tr>
                  <th scope="col">Famille</th>
                  <th scope="col">Lignes</th>
                  <th scope="col">Montant</th>
                  <th scope="col">Facture</th>
                  <th scope="col"><span class="visually-hidden">Détail</span></th>
                </tr>
              </thead>
              <tbody>
                @for (household of r.households; track household.householdId) {
                  <tr>
                    <td data-label="Famille">
                      <a [routerLink]="['/agent/familles', household.householdId]">{{ household.label }}</a>
                    </td>
                    <td data-label="Lignes">{{ household.lineCount }}</td>
                    <td data-label="Montant">{{ household.totalCents | euros }}</td>
                    <td data-label="Facture">
                      @if (household.invoiceId) {
                        <a [routerLink]="['/agent/facturation/factures', household.invoiceId]">{{
                          household.invoiceNumber
                        }}</a>
                      } @else {
                        —
                      }
                    </td>
                    <td data-label="Détail">
                      <button
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
          <h2 id="review-title" tabindex="-1">Lignes de {{ household.label }}</h2>
          <foyer-error-alert [message]="reviewError()" />
          @if (reviewLines(); as lines) {
            <foyer-invoice-lines [lines]="lines" idPrefix="review" />
          } @else if (!reviewError()) {
            <p role="status">Chargement des lignes…</p>
          }
        </section>
      }
    } @else if (!loadError()) {
      <h1>Campagne de facturation</h1>
      <p role="status">Chargement de la campagne…</p>
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
          ? 'Cette campagne est introuvable.'
          : `La campagne n'a pas pu être chargée. ${error.message}`,
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
      this.reviewError.set(`Les lignes n'ont pas pu être chargées. ${toFormError(failure).message}`);
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
        `Brouillon recalculé : ${r.householdCount} familles, ${r.blockers.length} blocage${r.blockers.length > 1 ? 's' : ''}.`,
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
          ? `Factures de ${periodFr(r.period)} émises : ${r.invoiceCount}. Les familles les reçoivent par e-mail.`
          : 'Émission lancée : cette page se met à jour seule.',
    });
    if (run) {
      this.confirming.set(false);
      this.show(run);
    }
  }
}

import {
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  OnInit,
  signal,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { type AgentEnrollmentView, EnrollmentStatus } from '@foyer/shared/contracts';
import { ErrorAlert, FormState, StatusMessage, submitForm, toFormError } from '@foyer/web/core';
import { BookingsApi } from '../data-access/bookings-api';
import { formatMomentFr } from '../ui/french-time';
import { documentLabel, ENROLLMENT_STATUS_BADGES, ENROLLMENT_STATUS_LABELS } from '../ui/labels';

/** /agent/inscriptions: enrolment requests, pending first; approve, or refuse with a reason. */
@Component({
  selector: 'foyer-enrollment-requests-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    ErrorAlert,
    StatusMessage,
  ],
  template: `
    <p>
      <a i18n="@@bookings.closures.back" routerLink="/agent"
        ><span aria-hidden="true">← </span>Espace agent</a
      >
    </p>
    <h1 i18n="@@bookings.enrollmentRequests.title">Demandes d'inscription</h1>
    <p i18n="@@bookings.enrollmentRequests.lead" class="lead">
      Les familles demandent l'inscription de leurs enfants aux activités. La famille est prévenue de votre
      décision.
    </p>
    <foyer-error-alert [message]="loadError()" />
    <p role="status">
      @if (loading()) {
        <ng-container i18n="@@bookings.enrollmentRequests.loading">Chargement des demandes…</ng-container>
      } @else {
        {{ pendingText() }}
      }
    </p>

    @if (decidedCount() > 0) {
      <p>
        <button
          mat-button
          type="button"
          [attr.aria-expanded]="showDecided()"
          (click)="showDecided.set(!showDecided())"
        >
          @if (showDecided()) {
            <ng-container i18n="@@bookings.enrollmentRequests.hideDecided"
              >Masquer les demandes traitées</ng-container
            >
          } @else {
            <ng-container i18n="@@bookings.enrollmentRequests.showDecided"
              >Afficher aussi les demandes traitées ({{ decidedCount() }})</ng-container
            >
          }
        </button>
      </p>
    }
    <ul class="plain-list card-grid wide">
      @for (request of shown(); track request.id) {
        <li>
          <article class="panel request" [attr.aria-labelledby]="'req-' + request.id">
            <h2 [id]="'req-' + request.id">{{ request.childName }} — {{ request.activityName }}</h2>
            <dl class="facts">
              <dt i18n="@@bookings.enrollmentRequests.site">Site</dt>
              <dd>{{ request.siteName }}</dd>
              <dt i18n="@@bookings.enrollmentRequests.year">Année</dt>
              <dd>{{ request.schoolYear }}</dd>
              <dt i18n="@@bookings.enrollmentRequests.requestedAt">Demandée le</dt>
              <dd>{{ moment(request.requestedAt) }}</dd>
              <dt i18n="@@bookings.enrollmentRequests.status">État</dt>
              <dd>
                <span [class]="'badge ' + badges[request.status]">{{ statusLabels[request.status] }}</span>
              </dd>
              @if (request.reason) {
                <dt i18n="@@bookings.enrollmentRequests.reason">Motif</dt>
                <dd>{{ request.reason }}</dd>
              }
              <dt i18n="@@bookings.enrollmentRequests.documents">Documents</dt>
              <dd>
                @if (request.missingDocuments.length > 0) {
                  <ng-container i18n="@@bookings.enrollmentRequests.missing"
                    >Manquants : {{ documentsText(request.missingDocuments) }}</ng-container
                  >
                } @else {
                  <ng-container i18n="@@bookings.enrollmentRequests.complete">Complets</ng-container>
                }
              </dd>
            </dl>
            <p>
              <a
                i18n="@@bookings.enrollmentRequests.household"
                [routerLink]="['/agent/familles', request.householdId]"
                >Dossier de la famille</a
              >
            </p>
            <foyer-status-message [message]="stateOf(request.id).status()" />
            <foyer-error-alert [message]="stateOf(request.id).error()" />
            @if (request.status === pending) {
              @if (refusing() === request.id) {
                <form class="form-stack" (ngSubmit)="decide(request, 'refuse')" [id]="'refuse-' + request.id">
                  <mat-form-field>
                    <mat-label i18n="@@bookings.enrollmentRequests.refusalReason">Motif du refus</mat-label>
                    <textarea
                      matInput
                      name="reason"
                      rows="2"
                      required
                      [(ngModel)]="reason"
                      maxlength="500"
                    ></textarea>
                    <mat-hint i18n="@@bookings.enrollmentRequests.refusalHint"
                      >La famille lira ce motif.</mat-hint
                    >
                  </mat-form-field>
                  <div class="actions">
                    <button
                      i18n="@@bookings.enrollmentRequests.confirmRefusal"
                      mat-flat-button
                      type="submit"
                      [disabled]="stateOf(request.id).busy()"
                    >
                      Confirmer le refus
                    </button>
                    <button
                      i18n="@@bookings.enrollmentRequests.cancel"
                      mat-button
                      type="button"
                      (click)="refusing.set(null)"
                    >
                      Annuler
                    </button>
                  </div>
                </form>
              } @else {
                <div class="actions">
                  <button
                    i18n="@@bookings.enrollmentRequests.approve"
                    mat-flat-button
                    type="button"
                    [disabled]="stateOf(request.id).busy()"
                    (click)="decide(request, 'approve')"
                  >
                    Accepter<span class="visually-hidden"> l'inscription de {{ request.childName }}</span>
                  </button>
                  <button
                    i18n="@@bookings.enrollmentRequests.refuse"
                    mat-stroked-button
                    type="button"
                    (click)="startRefusal(request.id)"
                  >
                    Refuser<span class="visually-hidden"> l'inscription de {{ request.childName }}</span>
                  </button>
                </div>
              }
            }
          </article>
        </li>
      }
    </ul>
  `,
  styles: `
    .request h2 {
      font-size: 1.15rem;
    }
  `,
})
export class EnrollmentRequestsPage implements OnInit {
  private readonly api = inject(BookingsApi);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  private readonly injector = inject(Injector);
  private readonly states = new Map<string, FormState>();

  protected readonly requests = signal<AgentEnrollmentView[]>([]);
  protected readonly loading = signal(true);
  protected readonly loadError = signal<string | null>(null);
  protected readonly refusing = signal<string | null>(null);
  protected reason = '';
  protected readonly pending = EnrollmentStatus.Pending;
  protected readonly statusLabels = ENROLLMENT_STATUS_LABELS;
  protected readonly badges = ENROLLMENT_STATUS_BADGES;
  protected readonly moment = formatMomentFr;
  /** Decided requests stay one click away: the list an agent works through is the pending one. */
  protected readonly showDecided = signal(false);
  /** Decided in this visit: kept in view so the agent sees the result. */
  private readonly decidedNow = signal<Set<string>>(new Set());
  protected readonly shown = computed(() =>
    this.showDecided()
      ? this.requests()
      : this.requests().filter((r) => r.status === EnrollmentStatus.Pending || this.decidedNow().has(r.id)),
  );
  protected readonly decidedCount = computed(
    () => this.requests().filter((r) => r.status !== EnrollmentStatus.Pending).length,
  );
  protected readonly pendingText = computed(() => {
    const count = this.requests().filter((r) => r.status === EnrollmentStatus.Pending).length;
    return count === 0
      ? $localize`:@@bookings.enrollmentRequests.noPending:Aucune demande en attente.`
      : count === 1
        ? $localize`:@@bookings.enrollmentRequests.onePending:1 demande attend une décision.`
        : $localize`:@@bookings.enrollmentRequests.manyPending:${count}:COUNT: demandes attendent une décision.`;
  });

  ngOnInit(): void {
    void this.load();
  }

  protected stateOf(id: string): FormState {
    let state = this.states.get(id);
    if (!state) {
      state = new FormState(this.host, this.injector, `#refuse-${id}`);
      this.states.set(id, state);
    }
    return state;
  }

  protected documentsText(types: string[]): string {
    return types.map(documentLabel).join(', ');
  }

  protected startRefusal(id: string): void {
    this.reason = '';
    this.refusing.set(id);
  }

  protected async decide(request: AgentEnrollmentView, decision: 'approve' | 'refuse'): Promise<void> {
    const reason = this.reason.trim();
    const decided = await submitForm({
      state: this.stateOf(request.id),
      invalidMessage: $localize`:@@bookings.enrollmentRequests.invalid:Indiquez le motif du refus.`,
      extraProblem: () =>
        decision === 'refuse' && !reason
          ? $localize`:@@bookings.enrollmentRequests.reasonRequired:Le motif du refus est obligatoire.`
          : null,
      send: () =>
        this.api.decideEnrollment(request.id, decision === 'refuse' ? { decision, reason } : { decision }),
      success: () =>
        decision === 'approve'
          ? $localize`:@@bookings.enrollmentRequests.approved:Inscription de ${request.childName}:CHILD: acceptée. La famille est prévenue.`
          : $localize`:@@bookings.enrollmentRequests.refused:Inscription de ${request.childName}:CHILD: refusée. La famille est prévenue.`,
    });
    if (!decided) return;
    this.refusing.set(null);
    this.decidedNow.update((ids) => new Set([...ids, request.id]));
    this.requests.update((all) => all.map((r) => (r.id === request.id ? { ...r, ...decided } : r)));
  }

  private async load(): Promise<void> {
    try {
      const all = await this.api.agentEnrollments();
      const rank = (r: AgentEnrollmentView) => (r.status === EnrollmentStatus.Pending ? 0 : 1);
      this.requests.set(
        [...all].sort((a, b) => rank(a) - rank(b) || a.requestedAt.localeCompare(b.requestedAt)),
      );
    } catch (failure) {
      this.loadError.set(toFormError(failure).message);
    } finally {
      this.loading.set(false);
    }
  }
}

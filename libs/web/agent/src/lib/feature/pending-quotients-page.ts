import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  inject,
  Injector,
  OnInit,
  signal,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import type { DecideQuotientRequest, PendingQuotientView } from '@foyer/shared/contracts';
import {
  ErrorAlert,
  focusAfterRender,
  formatDayFr,
  type FormError,
  formErrorText,
  saveFile,
  StatusMessage,
  toFormError,
} from '@foyer/web/core';
import { AgentApi } from '../data-access/agent-api';
import { PendingQuotientsStore } from '../data-access/pending-quotients-store';
import { PendingQuotientCard } from '../ui/pending-quotient-card';

@Component({
  selector: 'foyer-pending-quotients-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, ErrorAlert, StatusMessage, PendingQuotientCard],
  template: `
    <p>
      <a routerLink="/agent" i18n="@@agent.pendingQuotients.back"
        ><span aria-hidden="true">← </span>Tableau de bord des agents</a
      >
    </p>
    <h1 #heading tabindex="-1" i18n="@@agent.pendingQuotients.title">Quotients familiaux à valider</h1>
    <p class="lead" i18n="@@agent.pendingQuotients.lead">
      Vérifiez que le quotient déclaré correspond au justificatif. Un quotient validé s'applique à la
      facturation à partir de la date choisie ; un refus est expliqué à la famille.
    </p>

    <foyer-status-message [message]="status()" />
    <foyer-error-alert [message]="store.error()" />

    @if (store.ready()) {
      <p class="summary">{{ summary() }}</p>
      @for (quotient of store.quotients(); track quotient.id) {
        <foyer-pending-quotient-card
          [quotient]="quotient"
          [busy]="store.deciding() === quotient.id"
          [error]="errors()[quotient.id] ?? null"
          (decide)="decide(quotient, $event)"
          (openDocument)="openDocument(quotient)"
        />
      }
    } @else if (store.loading()) {
      <p role="status" i18n="@@agent.pendingQuotients.loading">Chargement des déclarations…</p>
    }
    <div class="actions">
      <button
        mat-stroked-button
        type="button"
        [disabled]="store.loading()"
        (click)="store.load()"
        i18n="@@agent.pendingQuotients.refresh"
      >
        Actualiser la liste
      </button>
    </div>
  `,
})
export class PendingQuotientsPage implements OnInit {
  protected readonly store = inject(PendingQuotientsStore);
  private readonly api = inject(AgentApi);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  private readonly heading = viewChild.required<ElementRef<HTMLElement>>('heading');

  protected readonly status = signal<string | null>(null);
  protected readonly errors = signal<Partial<Record<string, string>>>({});

  protected summary(): string {
    const count = this.store.count();
    return count === 0
      ? $localize`:@@agent.pendingQuotients.summaryNone:Aucune déclaration en attente : tout est à jour.`
      : count === 1
        ? $localize`:@@agent.pendingQuotients.summaryOne:1 déclaration attend une décision.`
        : $localize`:@@agent.pendingQuotients.summaryMany:${count}:count: déclarations attendent une décision, de la plus ancienne à la plus récente.`;
  }

  ngOnInit(): void {
    void this.store.load();
  }

  protected async decide(quotient: PendingQuotientView, request: DecideQuotientRequest): Promise<void> {
    this.errors.update(({ [quotient.id]: _dropped, ...rest }) => rest);
    this.status.set(null);
    try {
      await this.store.decide(quotient, request);
      this.status.set(
        request.decision === 'validate'
          ? $localize`:@@agent.pendingQuotients.validated:Quotient de ${quotient.householdLabel}:household: validé, applicable à partir du ${formatDayFr(request.effectiveFrom)}:date:.`
          : $localize`:@@agent.pendingQuotients.rejected:Quotient de ${quotient.householdLabel}:household: refusé. La famille verra le motif.`,
      );
      // The card is gone: focus returns to the top of the list rather than to nowhere.
      focusAfterRender(() => this.heading().nativeElement, this.injector);
    } catch (failure) {
      const error = failure as FormError;
      this.errors.update((all) => ({
        ...all,
        [quotient.id]: formErrorText(error, Object.values(error.fields ?? {})),
      }));
    }
  }

  /** The attestation the family uploaded, to check the declared quotient against it. */
  protected async openDocument(quotient: PendingQuotientView): Promise<void> {
    if (!quotient.documentId) return;
    this.errors.update(({ [quotient.id]: _dropped, ...rest }) => rest);
    try {
      const file = await this.api.documentContent(quotient.householdId, quotient.documentId);
      const extension = file.type === 'application/pdf' ? 'pdf' : file.type === 'image/png' ? 'png' : 'jpg';
      const name = $localize`:@@agent.pendingQuotients.fileName:justificatif-${quotient.householdLabel}:household:`;
      saveFile(this.document, file, `${name}.${extension}`);
    } catch (failure) {
      this.errors.update((all) => ({
        ...all,
        [quotient.id]: $localize`:@@agent.pendingQuotients.documentFailed:Le justificatif n'a pas pu être ouvert. ${toFormError(failure).message}:reason:`,
      }));
    }
  }
}

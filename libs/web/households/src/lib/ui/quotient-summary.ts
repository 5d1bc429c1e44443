import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { QuotientView } from '@foyer/shared/contracts';
import { DayFrPipe } from '@foyer/web/core';
import {
  formatQuotient,
  QUOTIENT_METHOD_LABELS,
  QUOTIENT_STATUS_LABELS,
  quotientStatusBadge,
} from './labels';

/**
 * The quotient familial (QF) billing uses today. The QF is the household's monthly resources divided
 * by its number of parts; the city's tariffs go down with it.
 */
@Component({
  selector: 'foyer-quotient-summary',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DayFrPipe],
  template: `
    @if (quotient(); as quotient) {
      <p class="qf-value" i18n="@@households.quotientSummary.value">
        {{ format(quotient.value) }} <span class="muted">par mois</span>
      </p>
      <dl class="facts">
        <dt i18n="@@households.quotientSummary.status">Statut</dt>
        <dd>
          <span [class]="badge(quotient.status)">{{ statuses[quotient.status] }}</span>
        </dd>
        <dt i18n="@@households.quotientSummary.method">Justificatif</dt>
        <dd>{{ methods[quotient.method] }}</dd>
        @if (quotient.effectiveFrom) {
          <dt i18n="@@households.quotientSummary.effectiveFrom">Applicable depuis le</dt>
          <dd>{{ quotient.effectiveFrom | dayFr }}</dd>
        }
        @if (quotient.effectiveTo) {
          <dt i18n="@@households.quotientSummary.effectiveTo">Jusqu'au</dt>
          <dd>{{ quotient.effectiveTo | dayFr }}</dd>
        }
      </dl>
    } @else {
      <p>
        <strong i18n="@@households.quotientSummary.none">Aucun quotient familial n'est validé.</strong>
      </p>
      <div class="notice notice-warning">
        <p i18n="@@households.quotientSummary.noneNotice">
          Tant qu'aucun quotient familial n'est validé, le tarif le plus élevé s'applique.
        </p>
      </div>
    }
  `,
  styles: `
    .qf-value {
      font-size: 1.6rem;
      font-weight: 700;
      margin: 0.25rem 0 0.5rem;
    }
    .qf-value .muted {
      font-size: 1rem;
      font-weight: 400;
    }
  `,
})
export class QuotientSummary {
  readonly quotient = input.required<QuotientView | null>();

  protected readonly statuses = QUOTIENT_STATUS_LABELS;
  protected readonly methods = QUOTIENT_METHOD_LABELS;
  protected readonly format = formatQuotient;
  protected readonly badge = quotientStatusBadge;
}

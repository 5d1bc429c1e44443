import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { formatInstantFr } from '../format/format';
import { NetworkStatus } from './network-status';

/**
 * Said in text at the top of every page while the browser is offline: what is shown may be old,
 * and since when; changes need the network.
 */
@Component({
  selector: 'foyer-offline-banner',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div role="status" aria-atomic="true">
      @if (!network.online()) {
        <div class="notice notice-warning offline-banner">
          <p i18n="@@core.offlineBanner.youCanReadWhat">
            <strong>{{ headline() }}</strong>
            Vous pouvez consulter ce qui a déjà été chargé ; les modifications nécessitent une connexion.
          </p>
        </div>
      }
    </div>
  `,
  styles: `
    .offline-banner p {
      margin: 0;
    }
  `,
})
export class OfflineBanner {
  protected readonly network = inject(NetworkStatus);
  protected readonly headline = computed(() => {
    const asOf = this.network.dataAsOf();
    if (!asOf) return $localize`:@@core.offlineBanner.offline:Hors ligne.`;
    const updated = formatInstantFr(asOf);
    return $localize`:@@core.offlineBanner.offlineSince:Hors ligne, mis à jour le ${updated}:updated:.`;
  });
}

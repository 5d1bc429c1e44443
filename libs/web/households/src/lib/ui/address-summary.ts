import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { AddressView } from '@foyer/shared/contracts';

@Component({
  selector: 'foyer-address-summary',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (address(); as address) {
      <address class="address">
        {{ address.line1 }}<br />
        @if (address.line2) {
          {{ address.line2 }}<br />
        }
        {{ address.postalCode }} {{ address.city }}
      </address>
      <p>
        @if (address.inCommune) {
          <ng-container i18n="@@households.address.inCommune"
            ><span class="badge badge-success">Habitant de la commune</span> : les tarifs résidents
            s'appliquent.</ng-container
          >
        } @else {
          <ng-container i18n="@@households.address.outOfCommune"
            ><span class="badge badge-neutral">Hors commune</span> : les tarifs extérieurs
            s'appliquent.</ng-container
          >
        }
      </p>
    } @else {
      <p i18n="@@households.address.none">Aucune adresse n'est renseignée.</p>
    }
  `,
  styles: `
    .address {
      font-style: normal;
      margin-bottom: 0.75rem;
    }
  `,
})
export class AddressSummary {
  readonly address = input.required<AddressView | null>();
}

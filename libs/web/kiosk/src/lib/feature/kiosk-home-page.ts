import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { AuthStore } from '@foyer/web/core';
import { KioskState } from '../data-access/kiosk-state';

/** What a resident does at the terminal once signed in from their phone. */
@Component({
  selector: 'foyer-kiosk-home-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <h1 i18n="@@kiosk.home.title">Bonjour {{ firstName() }}</h1>
    <p i18n="@@kiosk.home.intro">
      Que souhaitez-vous faire ? Touchez « Terminer » en haut de l’écran quand vous avez fini : vos
      informations sont alors effacées de la borne.
    </p>
    <ul class="plain-list kiosk-tiles">
      <li>
        <a class="kiosk-tile" routerLink="/demarches">
          <span class="kiosk-tile-title" i18n="@@kiosk.home.requests">Démarches</span>
          <span i18n="@@kiosk.home.requestsHint">Faire une demande, suivre vos dossiers</span>
        </a>
      </li>
      <li>
        <a class="kiosk-tile" routerLink="/reservations">
          <span class="kiosk-tile-title" i18n="@@kiosk.home.bookings">Réservations</span>
          <span i18n="@@kiosk.home.bookingsHint">Le calendrier de la cantine et des accueils</span>
        </a>
      </li>
      <li>
        <a class="kiosk-tile" routerLink="/factures">
          <span class="kiosk-tile-title" i18n="@@kiosk.home.invoices">Factures et attestations</span>
          <span i18n="@@kiosk.home.invoicesHint"
            >Payer une facture, imprimer une attestation de paiement</span
          >
        </a>
      </li>
    </ul>
    @if (terminalName(); as name) {
      <p class="kiosk-where" i18n="@@kiosk.home.terminal">Borne : {{ name }}</p>
    }
  `,
  styles: `
    .kiosk-tiles {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
      gap: 1rem;
    }
    .kiosk-tile {
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
      min-height: 8rem;
      padding: 1.25rem;
      background: #fff;
      color: #1b1d21;
      border: 2px solid var(--foyer-brand, #1d4f91);
      border-radius: 12px;
      text-decoration: none;
    }
    .kiosk-tile:focus-visible {
      outline: 3px solid #ffbf47;
      outline-offset: 2px;
    }
    .kiosk-tile-title {
      color: var(--foyer-brand, #1d4f91);
      font-size: 1.5rem;
      font-weight: 700;
    }
    .kiosk-where {
      color: #4a4f57;
    }
  `,
})
export class KioskHomePage {
  private readonly auth = inject(AuthStore);
  private readonly state = inject(KioskState);
  protected readonly firstName = computed(() => this.auth.me()?.firstName ?? '');
  protected readonly terminalName = computed(() => this.state.status()?.terminalName ?? null);
}

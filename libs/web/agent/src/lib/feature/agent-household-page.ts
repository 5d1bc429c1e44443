import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import type { HouseholdView } from '@foyer/shared/contracts';
import { ErrorAlert, toFormError } from '@foyer/web/core';
import {
  AddressSummary,
  ChildList,
  ContactList,
  DocumentTable,
  GuardianList,
  householdLabel,
  QuotientHistory,
  QuotientSummary,
} from '@foyer/web/households';
import { HouseholdMessages } from '@foyer/web/notifications';
import { AgentApi } from '../data-access/agent-api';

/** A family's file as an agent reads it: the residents' own components, without the edit buttons. */
@Component({
  selector: 'foyer-agent-household-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    ErrorAlert,
    AddressSummary,
    ChildList,
    ContactList,
    DocumentTable,
    GuardianList,
    QuotientHistory,
    QuotientSummary,
    HouseholdMessages,
  ],
  template: `
    <p>
      <a routerLink="/agent/familles"><span aria-hidden="true">← </span>Recherche de familles</a>
    </p>
    <h1>{{ heading() }}</h1>
    <foyer-error-alert [message]="error()" />

    @if (household(); as household) {
      <p class="muted">Consultation seule.</p>

      <section class="panel" aria-labelledby="guardians-title">
        <h2 id="guardians-title">Responsables légaux</h2>
        <foyer-guardian-list
          [guardians]="household.guardians"
          [pendingInvitationEmail]="household.pendingInvitationEmail"
        />
      </section>

      <section class="panel" aria-labelledby="children-title">
        <h2 id="children-title">Enfants</h2>
        <foyer-child-list [children]="household.children" [detailed]="true" />
      </section>

      <section class="panel" aria-labelledby="quotient-title">
        <h2 id="quotient-title">Quotient familial</h2>
        <foyer-quotient-summary [quotient]="household.currentQuotient" />
        <h3>Historique des déclarations</h3>
        <foyer-quotient-history
          [quotients]="household.quotients"
          caption="Déclarations de quotient familial de la famille"
        />
      </section>

      <section class="panel" aria-labelledby="address-title">
        <h2 id="address-title">Adresse</h2>
        <foyer-address-summary [address]="household.address" />
      </section>

      <section class="panel" aria-labelledby="contacts-title">
        <h2 id="contacts-title">Personnes à contacter</h2>
        <foyer-contact-list [contacts]="household.contacts" />
      </section>

      <section class="panel" aria-labelledby="documents-title">
        <h2 id="documents-title">Documents à renouveler</h2>
        <foyer-document-table
          [documents]="household.documentsExpiringSoon"
          caption="Documents expirés ou qui expirent dans les 30 jours"
          emptyText="Aucun document n'arrive à expiration dans les 30 prochains jours."
        />
      </section>

      <div class="panel">
        <foyer-household-messages [householdId]="household.id" />
      </div>
    } @else if (loading()) {
      <p role="status">Chargement du dossier…</p>
    }
  `,
})
export class AgentHouseholdPage {
  /** From the route (:householdId). */
  readonly householdId = input.required<string>();

  private readonly api = inject(AgentApi);
  protected readonly household = signal<HouseholdView | null>(null);
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly heading = computed(() => {
    const household = this.household();
    if (household) return householdLabel(household.guardians.map((guardian) => guardian.lastName));
    return this.error() ? 'Dossier introuvable' : 'Dossier famille';
  });

  constructor() {
    effect(() => {
      const id = this.householdId();
      untracked(() => void this.load(id));
    });
  }

  private async load(householdId: string): Promise<void> {
    this.loading.set(true);
    this.error.set(null);
    this.household.set(null);
    try {
      this.household.set(await this.api.household(householdId));
    } catch (failure) {
      this.error.set(toFormError(failure).message);
    } finally {
      this.loading.set(false);
    }
  }
}

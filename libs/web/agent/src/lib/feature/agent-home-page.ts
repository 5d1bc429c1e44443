import { ChangeDetectionStrategy, Component, computed, inject, OnInit } from '@angular/core';
import { RouterLink } from '@angular/router';
import { Permission } from '@foyer/shared/contracts';
import { AuthStore } from '@foyer/web/core';
import { PendingQuotientsStore } from '../data-access/pending-quotients-store';

@Component({
  selector: 'foyer-agent-home-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <h1>Espace agent</h1>
    <p class="lead">
      Bonjour {{ auth.me()?.firstName }}. Les dossiers des familles, pour les services de la ville.
    </p>
    <ul class="card-grid plain-list">
      <li class="tile">
        <h2><a routerLink="/agent/familles">Rechercher une famille</a></h2>
        <p>Par le nom d'un parent ou d'un enfant, une adresse e-mail ou un numéro de téléphone.</p>
      </li>
      @if (canProcessRequests()) {
        <li class="tile">
          <h2><a routerLink="/agent/demarches">File de traitement des démarches</a></h2>
          <p>Les demandes des familles à instruire : filtres, attribution, questions, décisions.</p>
        </li>
      }
      @if (canValidate()) {
        <li class="tile">
          <h2><a routerLink="/agent/quotients">Quotients familiaux à valider</a></h2>
          <p role="status">
            @if (quotients.ready()) {
              {{ pendingText() }}
            } @else if (quotients.error()) {
              Le nombre de déclarations en attente n'a pas pu être chargé.
            } @else {
              Chargement…
            }
          </p>
        </li>
      }
    </ul>
  `,
  styles: `
    .tile {
      padding: 1rem 1.25rem;
      background: #fff;
      border: 1px solid #c4c7cf;
      border-top: 4px solid var(--foyer-brand);
      border-radius: 8px;
    }
    .tile h2 {
      margin-top: 0;
      font-size: 1.15rem;
    }
    .tile p {
      margin: 0;
    }
  `,
})
export class AgentHomePage implements OnInit {
  protected readonly auth = inject(AuthStore);
  protected readonly quotients = inject(PendingQuotientsStore);
  protected readonly canValidate = computed(() => this.auth.can(Permission.QuotientValidate));
  protected readonly canProcessRequests = computed(() => this.auth.can(Permission.RequestsProcess));
  protected readonly pendingText = computed(() => {
    const count = this.quotients.count();
    return count === 0
      ? 'Aucune déclaration en attente.'
      : count === 1
        ? '1 déclaration attend une décision.'
        : `${count} déclarations attendent une décision.`;
  });

  ngOnInit(): void {
    if (this.canValidate()) void this.quotients.load();
  }
}

import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  Injector,
  input,
  signal,
  untracked,
} from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import type { HouseholdSummaryView } from '@foyer/shared/contracts';
import { formatFrenchPhone } from '@foyer/shared/domain';
import { ErrorAlert, fieldErrorMessage, focusFirstInvalidField, toFormError } from '@foyer/web/core';
import { AgentApi } from '../data-access/agent-api';

const MIN_QUERY = 2;

/** /agent/familles?q=…: the query lives in the URL, so « Retour » comes back to the same results. */
@Component({
  selector: 'foyer-household-search-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink, MatButtonModule, MatFormFieldModule, MatInputModule, ErrorAlert],
  template: `
    <p>
      <a routerLink="/agent" i18n="@@agent.search.back"
        ><span aria-hidden="true">← </span>Tableau de bord des agents</a
      >
    </p>
    <h1 i18n="@@agent.search.title">Familles</h1>
    <form class="search-form" role="search" [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-form-field class="search-field">
        <mat-label i18n="@@agent.search.label">Rechercher une famille</mat-label>
        <input
          matInput
          type="search"
          formControlName="query"
          autocomplete="off"
          spellcheck="false"
          required
        />
        <mat-hint i18n="@@agent.search.hint"
          >Nom ou prénom d'un parent ou d'un enfant, adresse e-mail ou téléphone.</mat-hint
        >
        <mat-error>{{ errorOf(form.controls.query, queryMessages) }}</mat-error>
      </mat-form-field>
      <button mat-flat-button type="submit" [disabled]="searching()" i18n="@@agent.search.submit">
        Rechercher
      </button>
    </form>

    <foyer-error-alert [message]="error()" />
    <p role="status" class="summary">{{ summary() }}</p>

    @if (results().length > 0) {
      <ul class="plain-list results">
        @for (household of results(); track household.id) {
          <li>
            <h2>
              <a [routerLink]="['/agent/familles', household.id]">{{ names(household) }}</a>
            </h2>
            <dl class="facts">
              <dt i18n="@@agent.search.email">E-mail</dt>
              <dd>{{ household.emails.join(', ') || '—' }}</dd>
              <dt i18n="@@agent.search.phone">Téléphone</dt>
              <dd>{{ phonesOf(household) || '—' }}</dd>
              <dt i18n="@@agent.search.children">Enfants</dt>
              <dd>
                @if (household.childNames.length > 0) {
                  {{ household.childNames.join(', ') }}
                } @else {
                  <ng-container i18n="@@agent.search.noChildren">Aucun enfant enregistré</ng-container>
                }
              </dd>
            </dl>
          </li>
        }
      </ul>
    }
  `,
  styles: `
    .search-form {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      align-items: flex-start;
      margin: 1rem 0;
    }
    .search-field {
      flex: 1 1 20rem;
    }
    .search-form button {
      margin-top: 0.35rem;
    }
    .results li {
      background: #fff;
      border: 1px solid #c4c7cf;
      border-radius: 8px;
      padding: 0.25rem 1.25rem 0.75rem;
      margin: 0.75rem 0;
    }
    .results h2 {
      font-size: 1.15rem;
      margin-top: 0.75rem;
    }
  `,
})
export class HouseholdSearchPage {
  /** The ?q= query parameter. */
  readonly q = input<string>();

  private readonly api = inject(AgentApi);
  private readonly router = inject(Router);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  protected readonly form = new FormGroup({
    query: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.minLength(MIN_QUERY), Validators.maxLength(100)],
    }),
  });
  protected readonly queryMessages = {
    required: $localize`:@@agent.search.required:Saisissez un nom, une adresse e-mail ou un numéro de téléphone.`,
    minlength: $localize`:@@agent.search.minLength:Saisissez au moins ${MIN_QUERY}:count: caractères.`,
  };
  protected readonly errorOf = fieldErrorMessage;
  protected readonly searching = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly results = signal<HouseholdSummaryView[]>([]);
  private readonly searched = signal<string | null>(null);
  private sequence = 0;

  protected readonly summary = computed(() => {
    const query = this.searched();
    if (this.searching()) return $localize`:@@agent.search.searching:Recherche en cours…`;
    if (query === null || this.error()) return '';
    const count = this.results().length;
    if (count === 0)
      return $localize`:@@agent.search.none:Aucune famille ne correspond à « ${query}:query: ».`;
    return count === 1
      ? $localize`:@@agent.search.one:1 famille trouvée pour « ${query}:query: ».`
      : $localize`:@@agent.search.many:${count}:count: familles trouvées pour « ${query}:query: ».`;
  });

  constructor() {
    effect(() => {
      const query = (this.q() ?? '').trim();
      untracked(() => {
        // An emptied ?q= (a refused query) keeps what the agent typed, to correct it.
        if (query) this.form.controls.query.setValue(query);
        if (query.length >= MIN_QUERY) void this.search(query);
        else this.clearResults();
      });
    });
  }

  protected phonesOf(household: HouseholdSummaryView): string {
    return household.phones.map(formatFrenchPhone).join(', ');
  }

  protected names(household: HouseholdSummaryView): string {
    return (
      household.guardianNames.join($localize`:@@agent.search.namesJoin: et `) ||
      $localize`:@@agent.search.noGuardian:Famille sans responsable`
    );
  }

  protected submit(): void {
    const query = this.form.controls.query.value.trim();
    this.form.controls.query.setValue(query);
    if (this.form.invalid) {
      // The previous results answer another query: drop them, and the ?q= that would bring them back.
      this.clearResults();
      this.form.markAllAsTouched();
      focusFirstInvalidField(this.host.nativeElement, this.injector);
      if (this.q()) void this.router.navigate([], { queryParams: { q: null }, replaceUrl: true });
      return;
    }
    if (query === (this.q() ?? '').trim()) {
      void this.search(query);
      return;
    }
    void this.router.navigate([], { queryParams: { q: query }, replaceUrl: false });
  }

  private clearResults(): void {
    this.sequence++;
    this.results.set([]);
    this.searched.set(null);
    this.error.set(null);
    this.searching.set(false);
  }

  private async search(query: string): Promise<void> {
    // Only the latest search may write: an older, slower answer would show results for another query.
    const sequence = ++this.sequence;
    this.searching.set(true);
    this.error.set(null);
    try {
      const results = await this.api.searchHouseholds(query);
      if (sequence !== this.sequence) return;
      this.results.set(results);
      this.searched.set(query);
    } catch (failure) {
      if (sequence !== this.sequence) return;
      this.results.set([]);
      this.searched.set(null);
      this.error.set(toFormError(failure).message);
    } finally {
      if (sequence === this.sequence) this.searching.set(false);
    }
  }
}

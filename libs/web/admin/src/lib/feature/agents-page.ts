import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  inject,
  Injector,
  OnInit,
  signal,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { type AgentScope, type AgentView, Role } from '@foyer/shared/contracts';
import {
  ErrorAlert,
  fieldErrorMessage,
  FormState,
  formState,
  StatusMessage,
  submitForm,
  toFormError,
} from '@foyer/web/core';
import { AdminApi } from '../data-access/admin-api';
import { ROLE_LABELS, SCOPE_LABELS, SCOPES } from '../labels';

@Component({
  selector: 'foyer-agents-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    ErrorAlert,
    StatusMessage,
  ],
  template: `
    <h1 i18n="@@admin.agentsPage.agents">Agents</h1>
    <p i18n="@@admin.agentsPage.everyAgentSeesFamilies" class="lead">
      Chaque agent voit les dossiers des familles ; ses périmètres disent ce qu'il peut y faire de plus.
    </p>

    <section class="panel" aria-labelledby="invite-title">
      <h2 i18n="@@admin.agentsPage.inviteAgent" id="invite-title">Inviter un agent</h2>
      <foyer-status-message [message]="invite.status()" />
      <foyer-error-alert [message]="invite.error()" />
      <form id="invite-agent-form" class="form-stack" [formGroup]="form" (ngSubmit)="create()" novalidate>
        <div class="form-row">
          <mat-form-field>
            <mat-label i18n="@@admin.agentsPage.firstName">Prénom</mat-label>
            <input matInput formControlName="firstName" autocomplete="off" required />
            <mat-error>{{ errorOf(form.controls.firstName) }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label i18n="@@admin.agentsPage.lastName">Nom</mat-label>
            <input matInput formControlName="lastName" autocomplete="off" required />
            <mat-error>{{ errorOf(form.controls.lastName) }}</mat-error>
          </mat-form-field>
        </div>
        <mat-form-field>
          <mat-label i18n="@@admin.agentsPage.workEMailAddress">Adresse e-mail professionnelle</mat-label>
          <input
            matInput
            type="email"
            formControlName="email"
            autocomplete="off"
            spellcheck="false"
            required
          />
          <mat-hint i18n="@@admin.agentsPage.theyWillReceiveLink"
            >Elle recevra un lien pour choisir son mot de passe.</mat-hint
          >
          <mat-error>{{ errorOf(form.controls.email) }}</mat-error>
        </mat-form-field>
        <fieldset class="scopes">
          <legend i18n="@@admin.agentsPage.areas">Périmètres</legend>
          @for (scope of scopes; track scope) {
            <mat-checkbox [checked]="newScopes().includes(scope)" (change)="toggleNew(scope, $event.checked)">
              {{ scopeLabels[scope] }}
            </mat-checkbox>
          }
        </fieldset>
        <div class="form-actions">
          <button
            i18n="@@admin.agentsPage.inviteAgent2"
            mat-flat-button
            type="submit"
            [disabled]="invite.busy()"
          >
            Inviter l'agent
          </button>
        </div>
      </form>
    </section>

    <section class="panel" aria-labelledby="list-title">
      <h2 i18n="@@admin.agentsPage.agentAdministratorAccounts" id="list-title">
        Comptes des agents et administrateurs
      </h2>
      <foyer-error-alert [message]="listError()" />
      <ul class="plain-list">
        @for (agent of agents(); track agent.id) {
          <li class="agent-card">
            <article [attr.aria-labelledby]="'agent-' + agent.id">
              <h3 [id]="'agent-' + agent.id">
                {{ agent.firstName }} {{ agent.lastName }}
                @if (agent.active) {
                  <span i18n="@@admin.agentsPage.active" class="badge badge-success">Actif</span>
                } @else {
                  <span i18n="@@admin.agentsPage.deactivated" class="badge badge-error">Désactivé</span>
                }
              </h3>
              <p>{{ agent.email }} — {{ roleLabels[agent.role] }}</p>
              <foyer-status-message [message]="stateOf(agent).status()" />
              <foyer-error-alert [message]="stateOf(agent).error()" />
              @if (agent.role !== admin) {
                <fieldset class="scopes">
                  <legend i18n="@@admin.agentsPage.areas2">
                    Périmètres de {{ agent.firstName }} {{ agent.lastName }}
                  </legend>
                  @for (scope of scopes; track scope) {
                    <mat-checkbox
                      [checked]="draftOf(agent).includes(scope)"
                      (change)="toggleDraft(agent, scope, $event.checked)"
                    >
                      {{ scopeLabels[scope] }}
                    </mat-checkbox>
                  }
                </fieldset>
              }
              <div class="actions">
                @if (agent.role !== admin) {
                  <button
                    i18n="@@admin.agentsPage.saveAreas"
                    mat-stroked-button
                    type="button"
                    [disabled]="stateOf(agent).busy()"
                    (click)="saveScopes(agent)"
                  >
                    Enregistrer les périmètres<span class="visually-hidden">
                      de {{ agent.firstName }} {{ agent.lastName }}</span
                    >
                  </button>
                }
                <button
                  mat-button
                  type="button"
                  [disabled]="stateOf(agent).busy()"
                  (click)="toggleActive(agent)"
                >
                  @if (agent.active) {
                    <ng-container i18n="@@admin.agentsPage.deactivate"
                      >Désactiver<span class="visually-hidden">
                        {{ agent.firstName }} {{ agent.lastName }}</span
                      ></ng-container
                    >
                  } @else {
                    <ng-container i18n="@@admin.agentsPage.reactivate"
                      >Réactiver<span class="visually-hidden">
                        {{ agent.firstName }} {{ agent.lastName }}</span
                      ></ng-container
                    >
                  }
                </button>
              </div>
            </article>
          </li>
        }
      </ul>
    </section>
  `,
  styles: `
    .scopes {
      border: 0;
      padding: 0;
      margin: 0.5rem 0;
      display: flex;
      flex-direction: column;
    }
    .scopes legend {
      font-weight: 600;
      padding: 0;
    }
    .agent-card {
      border: 1px solid #c4c7cf;
      border-radius: 8px;
      padding: 0.25rem 1rem 0.75rem;
      margin: 0.75rem 0;
      background: #fff;
    }
    .agent-card h3 {
      font-size: 1.1rem;
    }
  `,
})
export class AgentsPage implements OnInit {
  private readonly api = inject(AdminApi);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  protected readonly admin = Role.Admin;
  protected readonly scopes = SCOPES;
  protected readonly scopeLabels = SCOPE_LABELS;
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly errorOf = fieldErrorMessage;
  protected readonly agents = signal<AgentView[]>([]);
  protected readonly listError = signal<string | null>(null);
  protected readonly invite = formState('#invite-agent-form');
  protected readonly newScopes = signal<AgentScope[]>([]);
  protected readonly form = this.fb.group({
    firstName: ['', [Validators.required, Validators.maxLength(100)]],
    lastName: ['', [Validators.required, Validators.maxLength(100)]],
    email: ['', [Validators.required, Validators.email, Validators.maxLength(254)]],
  });
  /** Scopes ticked but not saved yet, per agent. */
  private readonly drafts = signal<Record<string, AgentScope[]>>({});
  private readonly states = new Map<string, FormState>();

  ngOnInit(): void {
    void this.load();
  }

  protected stateOf(agent: AgentView): FormState {
    return this.states.get(agent.id) as FormState;
  }

  protected draftOf(agent: AgentView): AgentScope[] {
    return this.drafts()[agent.id] ?? agent.scopes;
  }

  protected toggleNew(scope: AgentScope, checked: boolean): void {
    this.newScopes.update((all) => (checked ? [...all, scope] : all.filter((s) => s !== scope)));
  }

  protected toggleDraft(agent: AgentView, scope: AgentScope, checked: boolean): void {
    const current = this.draftOf(agent).filter((s) => s !== scope);
    this.drafts.update((all) => ({ ...all, [agent.id]: checked ? [...current, scope] : current }));
  }

  protected async create(): Promise<void> {
    const value = this.form.getRawValue();
    const created = await submitForm({
      state: this.invite,
      form: this.form,
      invalidMessage: $localize`:@@admin.agentsPage.invalid:L'invitation contient des erreurs. Corrigez les champs signalés.`,
      send: () =>
        this.api.createAgent({
          firstName: value.firstName.trim(),
          lastName: value.lastName.trim(),
          email: value.email.trim(),
          scopes: this.newScopes(),
        }),
      resetTo: { firstName: '', lastName: '', email: '' },
      success: (agent) => $localize`:@@admin.agentsPage.invited:Invitation envoyée à ${agent.email}:email:.`,
    });
    if (created) {
      this.newScopes.set([]);
      await this.load();
    }
  }

  protected async saveScopes(agent: AgentView): Promise<void> {
    const scopes = this.draftOf(agent);
    const saved = await submitForm({
      state: this.stateOf(agent),
      invalidMessage: '',
      send: () => this.api.updateAgent(agent.id, { scopes }),
      success: () =>
        $localize`:@@admin.agentsPage.scopesSaved:Périmètres de ${agent.firstName}:firstName: ${agent.lastName}:lastName: enregistrés.`,
    });
    if (saved) this.replace(saved);
  }

  protected async toggleActive(agent: AgentView): Promise<void> {
    const saved = await submitForm({
      state: this.stateOf(agent),
      invalidMessage: '',
      send: () => this.api.updateAgent(agent.id, { active: !agent.active }),
      success: (result) =>
        result.active
          ? $localize`:@@admin.agentsPage.reactivated:${agent.firstName}:firstName: ${agent.lastName}:lastName: peut de nouveau se connecter.`
          : $localize`:@@admin.agentsPage.deactivatedStatus:${agent.firstName}:firstName: ${agent.lastName}:lastName: est désactivé : ses sessions sont fermées.`,
    });
    if (saved) this.replace(saved);
  }

  private replace(agent: AgentView): void {
    this.agents.update((all) => all.map((a) => (a.id === agent.id ? agent : a)));
    this.drafts.update(({ [agent.id]: _saved, ...rest }) => rest);
  }

  private async load(): Promise<void> {
    try {
      const agents = await this.api.agents();
      for (const agent of agents) if (!this.states.has(agent.id)) this.states.set(agent.id, this.newState());
      this.agents.set(agents);
      this.listError.set(null);
    } catch (failure) {
      this.listError.set(toFormError(failure).message);
    }
  }

  private newState(): FormState {
    return new FormState(this.host.nativeElement, this.injector);
  }
}

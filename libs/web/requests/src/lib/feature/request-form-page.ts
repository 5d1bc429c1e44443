import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { Router, RouterLink } from '@angular/router';
import { RequestStatus, type RequestTypeView, type RequestView } from '@foyer/shared/contracts';
import { formatInstantFr, StatusMessage, toFormError } from '@foyer/web/core';
import type { JSONSchema7 } from 'json-schema';
import { RequestsApi } from '../data-access/requests-api';
import { ResidentSchemaContext } from '../forms/resident-context';
import { SCHEMA_FORM_CONTEXT } from '../forms/schema-context';
import { SchemaForm } from '../forms/schema-form';
import { ErrorSummary, type ProblemItem } from '../ui/error-summary';

/**
 * /demarches/nouvelle/:code (a new request) and /demarches/:id/modifier (a draft resumed): the type's
 * form drawn from its JSON Schema, saved as a draft or sent.
 */
@Component({
  selector: 'foyer-request-form-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, SchemaForm, ErrorSummary, StatusMessage],
  providers: [ResidentSchemaContext, { provide: SCHEMA_FORM_CONTEXT, useExisting: ResidentSchemaContext }],
  template: `
    <p>
      <a routerLink="/demarches" i18n="@@requests.form.back"
        ><span aria-hidden="true">← </span>Mes démarches</a
      >
    </p>
    @if (type(); as type) {
      <h1>{{ type.title }}</h1>
      <p class="lead">{{ type.description }}</p>
      @if (draft(); as draft) {
        <p i18n="@@requests.form.draftInfo">
          Brouillon n° {{ draft.number }}, commencé le {{ instant(draft.createdAt) }}.
        </p>
      }
      @if (type.requiredDocuments.length > 0) {
        <div class="notice">
          <p><strong i18n="@@requests.form.requiredDocuments">Pièces à fournir :</strong></p>
          <ul>
            @for (document of type.requiredDocuments; track document.code) {
              <li>
                {{ document.label }}
                @if (document.optional) {
                  <ng-container i18n="@@requests.form.optional">(facultatif)</ng-container>
                }
              </li>
            }
          </ul>
        </div>
      }
      <p class="muted" i18n="@@requests.form.requiredFields">
        Les champs marqués d’un astérisque (*) sont obligatoires.
      </p>

      <foyer-status-message [message]="status()" />
      <foyer-error-summary [items]="problems()" [message]="error()" />

      <form class="request-form" (submit)="$event.preventDefault(); send()" novalidate>
        <foyer-schema-form [schema]="schema()" [initial]="initialData()" />
        <div class="form-actions">
          <button mat-flat-button type="submit" [disabled]="busy()" i18n="@@requests.form.send">
            Envoyer ma demande
          </button>
          <button
            mat-stroked-button
            type="button"
            [disabled]="busy()"
            (click)="saveDraft()"
            i18n="@@requests.form.saveDraft"
          >
            Enregistrer le brouillon
          </button>
        </div>
        <p role="status" class="visually-hidden">
          @if (busy()) {
            <ng-container i18n="@@requests.form.sending">Envoi en cours…</ng-container>
          }
        </p>
      </form>
    } @else if (loadError()) {
      <h1 i18n="@@requests.form.heading">Démarche</h1>
      <div class="notice notice-error" role="alert">
        <p i18n="@@requests.form.loadError"><strong>Erreur :</strong> {{ loadError() }}</p>
      </div>
    } @else {
      <h1 i18n="@@requests.form.heading">Démarche</h1>
      <p role="status" i18n="@@requests.form.loading">Chargement du formulaire…</p>
    }
  `,
})
export class RequestFormPage {
  /** Route parameter of /demarches/nouvelle/:code. */
  readonly code = input<string>();
  /** Route parameter of /demarches/:id/modifier. */
  readonly id = input<string>();

  private readonly api = inject(RequestsApi);
  private readonly router = inject(Router);
  private readonly context = inject(ResidentSchemaContext);
  private readonly form = viewChild(SchemaForm);
  private readonly summary = viewChild(ErrorSummary);

  protected readonly type = signal<RequestTypeView | null>(null);
  protected readonly draft = signal<RequestView | null>(null);
  /** The values the form starts from: set when the page loads, not when a save answers (that would redraw it). */
  protected readonly initialData = signal<Record<string, unknown> | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly problems = signal<ProblemItem[]>([]);
  protected readonly error = signal<string | null>(null);
  protected readonly status = signal<string | null>(null);
  protected readonly schema = computed(() => (this.type()?.form ?? { type: 'object' }) as JSONSchema7);
  protected readonly instant = formatInstantFr;

  constructor() {
    effect(() => {
      const code = this.code();
      const id = this.id();
      untracked(() => void this.load(code, id));
    });
    this.context.ensureRequest = () => this.ensureDraft();
  }

  protected async saveDraft(): Promise<void> {
    if (this.busy()) return;
    this.clear();
    this.busy.set(true);
    try {
      const saved = await this.save(false);
      this.status.set(
        $localize`:@@requests.form.draftSaved:Brouillon n° ${saved.number}:number: enregistré. Vous pouvez le reprendre plus tard depuis « Mes démarches ».`,
      );
    } catch (failure) {
      this.refuse(failure);
    } finally {
      this.busy.set(false);
    }
  }

  protected async send(): Promise<void> {
    const form = this.form();
    if (this.busy() || !form) return;
    this.clear();
    const problems = form.problems();
    if (problems.length > 0) {
      this.problems.set(problems);
      this.summary()?.focus();
      return;
    }
    this.busy.set(true);
    try {
      const sent = await this.save(true);
      await this.router.navigate(['/demarches', sent.id], { queryParams: { envoyee: 1 } });
    } catch (failure) {
      this.refuse(failure);
    } finally {
      this.busy.set(false);
    }
  }

  /** Creates the request (as a draft, or sent at once), or updates the draft and sends it. */
  private async save(submit: boolean): Promise<RequestView> {
    const data = this.form()?.value() ?? {};
    const draft = this.draft();
    let saved: RequestView;
    if (!draft) {
      saved = await this.api.create({
        typeCode: this.type()?.code ?? '',
        data,
        ...(submit ? { submit: true } : {}),
      });
    } else {
      saved = await this.api.updateDraft(draft.id, data);
      if (submit) saved = await this.api.submit(draft.id);
    }
    if (saved.status === RequestStatus.Draft) this.draft.set(saved);
    return saved;
  }

  /** A file chosen before the first save: the draft is saved first, so the file has a request to join. */
  private async ensureDraft(): Promise<string> {
    const draft = this.draft();
    if (draft) return draft.id;
    const saved = await this.api.create({
      typeCode: this.type()?.code ?? '',
      data: this.form()?.value() ?? {},
    });
    this.draft.set(saved);
    this.status.set(
      $localize`:@@requests.form.draftSavedWithFile:Brouillon n° ${saved.number}:number: enregistré avec votre fichier.`,
    );
    return saved.id;
  }

  private clear(): void {
    this.problems.set([]);
    this.error.set(null);
    this.status.set(null);
  }

  private refuse(failure: unknown): void {
    const error = toFormError(failure);
    const orphans = this.form()?.applyServerErrors(error.fields) ?? [];
    const problems = Object.keys(error.fields).length > orphans.length ? (this.form()?.problems() ?? []) : [];
    this.problems.set(problems);
    this.error.set(
      [error.message, ...orphans].filter((part, i, all) => part && all.indexOf(part) === i).join(' '),
    );
    this.summary()?.focus();
  }

  private async load(code: string | undefined, id: string | undefined): Promise<void> {
    this.type.set(null);
    this.loadError.set(null);
    try {
      const draft = id ? await this.api.get(id) : null;
      if (draft && draft.status !== RequestStatus.Draft) {
        await this.router.navigate(['/demarches', draft.id], { replaceUrl: true });
        return;
      }
      const typeCode = draft?.typeCode ?? code;
      const type = (await this.api.types()).find((candidate) => candidate.code === typeCode);
      if (!type) {
        this.loadError.set(
          $localize`:@@requests.form.unknownType:Cette démarche n’existe pas ou n’est plus proposée en ligne.`,
        );
        return;
      }
      this.draft.set(draft);
      this.initialData.set(draft?.data ?? null);
      this.type.set(type);
    } catch (failure) {
      this.loadError.set(toFormError(failure).message);
    }
  }
}

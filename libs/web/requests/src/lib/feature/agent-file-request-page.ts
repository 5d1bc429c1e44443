import { HttpClient } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  Injectable,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import {
  AgentHouseholdRoutes,
  type DocumentView,
  type HouseholdView,
  RequestChannel,
  type RequestTypeView,
} from '@foyer/shared/contracts';
import { apiUrl, toFormError } from '@foyer/web/core';
import { DOCUMENT_TYPE_LABELS } from '@foyer/web/households';
import type { JSONSchema7 } from 'json-schema';
import { firstValueFrom } from 'rxjs';
import { AgentRequestsApi } from '../data-access/requests-api';
import { SCHEMA_FORM_CONTEXT, type SchemaFormContext, type SchemaOption } from '../forms/schema-context';
import { SchemaForm } from '../forms/schema-form';
import { ErrorSummary, type ProblemItem } from '../ui/error-summary';
import { CHANNEL_LABELS } from '../ui/labels';

type OnBehalfChannel = Exclude<RequestChannel, RequestChannel.Online>;

/**
 * The form's context when an agent files for a family: that family's children and documents. A file
 * cannot be uploaded before the request exists (it is submitted at once): the agent attaches it from
 * the request's file afterwards.
 */
@Injectable()
class OnBehalfContext implements SchemaFormContext {
  private readonly http = inject(HttpClient);
  householdId = '';

  async children(): Promise<SchemaOption[]> {
    const household = await firstValueFrom(
      this.http.get<HouseholdView>(
        apiUrl(`${AgentHouseholdRoutes.households}/${encodeURIComponent(this.householdId)}`),
      ),
    );
    return household.children.map((child) => ({
      value: child.id,
      label: `${child.firstName} ${child.lastName}`,
    }));
  }

  async documents(types?: string[]): Promise<SchemaOption[]> {
    const documents = await firstValueFrom(
      this.http.get<DocumentView[]>(
        apiUrl(`${AgentHouseholdRoutes.households}/${encodeURIComponent(this.householdId)}/documents`),
      ),
    ).catch(() => [] as DocumentView[]);
    return documents
      .filter((document) => !types || types.includes(document.type))
      .map((document) => ({
        value: document.id,
        label: `${DOCUMENT_TYPE_LABELS[document.type] ?? document.type} — ${document.fileName}`,
      }));
  }

  upload(): Promise<SchemaOption> {
    return Promise.reject(
      new Error(
        $localize`:@@requests.fileForFamily.uploadLater:Joignez le fichier depuis la fiche de la demande, une fois celle-ci enregistrée.`,
      ),
    );
  }
}

/** /agent/demarches/nouvelle?famille=…: an agent files a request for a family met at the counter, by phone or by mail. */
@Component({
  selector: 'foyer-agent-file-request-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatSelectModule,
    SchemaForm,
    ErrorSummary,
  ],
  providers: [OnBehalfContext, { provide: SCHEMA_FORM_CONTEXT, useExisting: OnBehalfContext }],
  template: `
    <p>
      @if (famille()) {
        <a [routerLink]="['/agent/familles', famille()]" i18n="@@requests.fileForFamily.backToHousehold"
          ><span aria-hidden="true">← </span>Dossier de la famille</a
        >
      } @else {
        <a routerLink="/agent/demarches" i18n="@@requests.fileForFamily.backToQueue"
          ><span aria-hidden="true">← </span>File de traitement</a
        >
      }
    </p>
    <h1 i18n="@@requests.fileForFamily.title">Déposer une démarche pour une famille</h1>
    @if (!famille()) {
      <div class="notice notice-error" role="alert">
        <p i18n="@@requests.fileForFamily.noHousehold">
          <strong>Erreur :</strong> aucune famille choisie. Ouvrez le dossier de la famille depuis
          <a routerLink="/agent/familles">la recherche de familles</a>.
        </p>
      </div>
    } @else {
      @if (householdName()) {
        <p class="lead" i18n="@@requests.fileForFamily.forHousehold">
          Pour la famille {{ householdName() }}.
        </p>
      }
      @if (loadError()) {
        <div class="notice notice-error" role="alert">
          <p i18n="@@requests.fileForFamily.error"><strong>Erreur :</strong> {{ loadError() }}</p>
        </div>
      }
      <p class="muted" i18n="@@requests.fileForFamily.lead">
        La demande est envoyée dès l’enregistrement et inscrite comme déposée par vous, avec son canal.
      </p>
      <div class="form-row">
        <mat-form-field>
          <mat-label i18n="@@requests.fileForFamily.type">Démarche</mat-label>
          <mat-select [formControl]="typeCode">
            @for (type of types(); track type.code) {
              <mat-option [value]="type.code">{{ type.title }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field>
          <mat-label i18n="@@requests.fileForFamily.channel">Canal</mat-label>
          <mat-select [formControl]="channel">
            @for (option of channels; track option.value) {
              <mat-option [value]="option.value">{{ option.label }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      </div>
      @if (type(); as type) {
        <h2>{{ type.title }}</h2>
        <p>{{ type.description }}</p>
        <foyer-error-summary [items]="problems()" [message]="error()" />
        <form (submit)="$event.preventDefault(); send()" novalidate>
          <foyer-schema-form [schema]="schema()" />
          <div class="form-actions">
            <button mat-flat-button type="submit" [disabled]="busy()" i18n="@@requests.fileForFamily.submit">
              Enregistrer et envoyer la demande
            </button>
          </div>
        </form>
      } @else if (loadError()) {
        <div class="notice notice-error" role="alert">
          <p i18n="@@requests.fileForFamily.typeError"><strong>Erreur :</strong> {{ loadError() }}</p>
        </div>
      }
    }
  `,
})
export class AgentFileRequestPage {
  /** ?famille=<household id>. */
  readonly famille = input<string>();

  private readonly api = inject(AgentRequestsApi);
  private readonly router = inject(Router);
  private readonly context = inject(OnBehalfContext);
  private readonly http = inject(HttpClient);
  private readonly form = viewChild(SchemaForm);
  private readonly summary = viewChild(ErrorSummary);

  protected readonly channels = (Object.values(RequestChannel) as RequestChannel[])
    .filter((value): value is OnBehalfChannel => value !== RequestChannel.Online)
    .map((value) => ({ value, label: CHANNEL_LABELS[value] }));
  protected readonly typeCode = new FormControl('', { nonNullable: true });
  protected readonly channel = new FormControl<OnBehalfChannel>(RequestChannel.Counter, {
    nonNullable: true,
  });
  protected readonly types = signal<RequestTypeView[]>([]);
  private readonly selectedCode = signal('');
  protected readonly type = computed(
    () => this.types().find((type) => type.code === this.selectedCode()) ?? null,
  );
  protected readonly schema = computed(() => (this.type()?.form ?? { type: 'object' }) as JSONSchema7);
  protected readonly householdName = signal('');
  protected readonly loadError = signal<string | null>(null);
  protected readonly problems = signal<ProblemItem[]>([]);
  protected readonly error = signal<string | null>(null);
  protected readonly busy = signal(false);

  constructor() {
    this.typeCode.valueChanges.subscribe((code) => {
      this.problems.set([]);
      this.error.set(null);
      this.selectedCode.set(code);
    });
    effect(() => {
      const householdId = this.famille();
      untracked(() => {
        this.context.householdId = householdId ?? '';
        if (householdId) void this.load(householdId);
      });
    });
  }

  protected async send(): Promise<void> {
    const form = this.form();
    const type = this.type();
    const householdId = this.famille();
    if (!form || !type || !householdId || this.busy()) return;
    this.problems.set([]);
    this.error.set(null);
    const problems = form.problems();
    if (problems.length > 0) {
      this.problems.set(problems);
      this.summary()?.focus();
      return;
    }
    this.busy.set(true);
    try {
      const filed = await this.api.fileOnBehalf({
        householdId,
        typeCode: type.code,
        data: form.value(),
        channel: this.channel.value,
      });
      await this.router.navigate(['/agent/demarches', filed.id]);
    } catch (failure) {
      const error = toFormError(failure);
      const orphans = form.applyServerErrors(error.fields);
      this.problems.set(form.problems());
      this.error.set(
        [error.message, ...orphans].filter((part, i, all) => part && all.indexOf(part) === i).join(' '),
      );
      this.summary()?.focus();
    } finally {
      this.busy.set(false);
    }
  }

  private async load(householdId: string): Promise<void> {
    this.loadError.set(null);
    try {
      this.types.set(await this.api.types());
      const household = await firstValueFrom(
        this.http.get<HouseholdView>(
          apiUrl(`${AgentHouseholdRoutes.households}/${encodeURIComponent(householdId)}`),
        ),
      );
      this.householdName.set(
        household.guardians
          .map((g) => `${g.firstName} ${g.lastName}`)
          .join($localize`:@@requests.fileForFamily.namesJoin: et `),
      );
    } catch (failure) {
      this.loadError.set(toFormError(failure).message);
    }
  }
}

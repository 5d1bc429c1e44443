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
import { toSignal } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import {
  AgentScope,
  RequestEffect,
  type RequestFormSchema,
  type RequestTypeView,
  type RequiredDocumentView,
  type SaveRequestTypeRequest,
} from '@foyer/shared/contracts';
import {
  ErrorAlert,
  fieldErrorMessage,
  formState,
  StatusMessage,
  submitForm,
  toFormError,
} from '@foyer/web/core';
import type { JSONSchema7 } from 'json-schema';
import { debounceTime } from 'rxjs';
import { RequestTypesAdminApi } from '../data-access/requests-api';
import { PREVIEW_CONTEXT, SCHEMA_FORM_CONTEXT } from '../forms/schema-context';
import { SchemaForm } from '../forms/schema-form';
import { EFFECT_LABELS, SCOPE_LABELS } from '../ui/admin-labels';
import { ErrorSummary, type ProblemItem } from '../ui/error-summary';

const EMPTY_SCHEMA = `{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "type": "object",
  "additionalProperties": false,
  "required": ["message"],
  "properties": {
    "message": { "type": "string", "title": "Votre message", "maxLength": 2000, "x-foyer-widget": "textarea" }
  }
}`;

/** The schema text's own problem (not JSON, not an object form), said in the page's language, or null. */
function schemaTextProblem(text: string): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (failure) {
    return $localize`:@@requests.typeEditor.notJson:Ce n’est pas du JSON valide : ${(failure as Error).message}:reason:`;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    return $localize`:@@requests.typeEditor.notObject:Le schéma doit être un objet JSON.`;
  const schema = parsed as Record<string, unknown>;
  if (schema['type'] !== 'object')
    return $localize`:@@requests.typeEditor.notObjectType:Le schéma doit avoir "type": "object".`;
  if (!schema['properties'] || typeof schema['properties'] !== 'object') {
    return $localize`:@@requests.typeEditor.noProperties:Le schéma doit décrire ses champs dans "properties".`;
  }
  return null;
}

function schemaValidator(control: AbstractControl): ValidationErrors | null {
  const text = String(control.value ?? '').trim();
  if (!text) return null;
  const problem = schemaTextProblem(text);
  return problem ? { schema: problem } : null;
}

/** « code | libellé » lines, « | facultatif » at the end of an optional one. */
function parseDocuments(text: string): RequiredDocumentView[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const [code, label, optional] = line.split('|').map((part) => part.trim());
      return {
        code: code ?? '',
        label: label || code || '',
        ...(optional?.toLowerCase() === 'facultatif' ? { optional: true } : {}),
      };
    });
}

function documentsText(documents: RequiredDocumentView[]): string {
  return documents
    .map((document) =>
      [document.code, document.label, ...(document.optional ? ['facultatif'] : [])].join(' | '),
    )
    .join('\n');
}

/** /admin/types-demarches/nouveau and /admin/types-demarches/:id: a type, its form and its live preview. */
@Component({
  selector: 'foyer-admin-request-type-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    ErrorAlert,
    StatusMessage,
    SchemaForm,
    ErrorSummary,
  ],
  providers: [{ provide: SCHEMA_FORM_CONTEXT, useValue: PREVIEW_CONTEXT }],
  templateUrl: './admin-request-type-page.html',
  styles: `
    .schema-text textarea {
      font-family: ui-monospace, 'DejaVu Sans Mono', 'Liberation Mono', monospace;
      font-size: 0.875rem;
    }
    .editor {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 26rem), 1fr));
      gap: 0 1.5rem;
      align-items: start;
    }
    .editor > * {
      min-width: 0;
    }
    .server-problems {
      margin: 0.25rem 0 0;
    }
  `,
})
export class AdminRequestTypePage {
  /** Route parameter; absent for a new type. */
  readonly id = input<string>();

  private readonly api = inject(RequestTypesAdminApi);
  private readonly router = inject(Router);

  protected readonly scopes = Object.values(AgentScope).map((value) => ({
    value,
    label: SCOPE_LABELS[value],
  }));
  protected readonly effects = Object.values(RequestEffect).map((value) => ({
    value,
    label: EFFECT_LABELS[value],
  }));
  protected readonly errorOf = fieldErrorMessage;
  protected readonly saving = formState('#type-form');
  protected readonly loaded = signal<RequestTypeView | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly schemaProblems = signal<string[]>([]);
  protected readonly previewProblems = signal<ProblemItem[]>([]);
  protected readonly previewStatus = signal<string | null>(null);
  protected readonly messages = {
    code: {
      pattern: $localize`:@@requests.typeEditor.codePattern:Lettres minuscules, chiffres et tirets seulement, par exemple « inscription-cantine ».`,
    },
    targetDays: {
      pattern: $localize`:@@requests.typeEditor.targetDaysPattern:Saisissez un nombre entier de jours, par exemple 15.`,
    },
  };

  protected readonly form = new FormGroup({
    code: new FormControl('', {
      nonNullable: true,
      validators: [
        Validators.required,
        Validators.maxLength(60),
        Validators.pattern(/^[a-z0-9]+(-[a-z0-9]+)*$/),
      ],
    }),
    title: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(120)],
    }),
    description: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(2000)],
    }),
    scope: new FormControl<AgentScope>(AgentScope.Demarches, { nonNullable: true }),
    effect: new FormControl<RequestEffect>(RequestEffect.None, { nonNullable: true }),
    targetDays: new FormControl('15', {
      nonNullable: true,
      validators: [
        Validators.required,
        Validators.pattern(/^\d{1,3}$/),
        Validators.min(1),
        Validators.max(365),
      ],
    }),
    severalOpenAllowed: new FormControl(false, { nonNullable: true }),
    active: new FormControl(true, { nonNullable: true }),
    requiredDocuments: new FormControl('', { nonNullable: true }),
    schema: new FormControl(EMPTY_SCHEMA, {
      nonNullable: true,
      validators: [Validators.required, schemaValidator],
    }),
  });

  private readonly schemaText = toSignal(this.form.controls.schema.valueChanges.pipe(debounceTime(300)), {
    initialValue: EMPTY_SCHEMA,
  });
  /** The schema the preview draws, or the reason it cannot. */
  protected readonly preview = computed<{ schema: JSONSchema7 | null; problem: string | null }>(() => {
    const text = this.schemaText();
    const problem = schemaTextProblem(text);
    return problem ? { schema: null, problem } : { schema: JSON.parse(text) as JSONSchema7, problem: null };
  });

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.load(id));
    });
  }

  protected async save(): Promise<void> {
    this.schemaProblems.set([]);
    const id = this.loaded()?.id;
    const saved = await submitForm({
      state: this.saving,
      form: this.form,
      invalidMessage: $localize`:@@requests.typeEditor.invalid:Le type de démarche contient des erreurs. Corrigez les champs signalés.`,
      send: () => (id ? this.api.update(id, this.toRequest()) : this.api.create(this.toRequest())),
      success: (type) =>
        $localize`:@@requests.typeEditor.saved:« ${type.title}:title: » est enregistré. Les familles voient le nouveau formulaire dès maintenant.`,
      aliases: { form: 'schema' },
      onError: (error) => {
        // Ajv's findings about the form, one per line under the editor, each naming where it is.
        const problems = Object.entries(error.fields)
          .filter(([field]) => field === 'form' || field.startsWith('form.') || field.startsWith('form/'))
          .map(([field, message]) =>
            field === 'form' ? message : `${field.replace(/^form[./]?/, '')} : ${message}`,
          );
        this.schemaProblems.set(problems);
        return Object.entries(error.fields)
          .filter(([field]) => field.startsWith('form.') || field.startsWith('form/'))
          .map(([, message]) => message);
      },
    });
    if (saved) {
      this.loaded.set(saved);
      if (!id) await this.router.navigate(['/admin/types-demarches', saved.id], { replaceUrl: true });
    }
  }

  /** Tries the preview as a resident would: every field checked, the problems listed. */
  protected tryPreview(form: SchemaForm): void {
    const problems = form.problems();
    this.previewProblems.set(problems);
    this.previewStatus.set(
      problems.length === 0
        ? $localize`:@@requests.typeEditor.previewAccepted:Le formulaire serait accepté. Données envoyées : ${JSON.stringify(form.value())}:data:`
        : null,
    );
  }

  private toRequest(): SaveRequestTypeRequest {
    const value = this.form.getRawValue();
    return {
      code: value.code.trim(),
      title: value.title.trim(),
      description: value.description.trim(),
      form: JSON.parse(value.schema) as RequestFormSchema,
      requiredDocuments: parseDocuments(value.requiredDocuments),
      scope: value.scope,
      effect: value.effect,
      targetDays: Number(value.targetDays),
      severalOpenAllowed: value.severalOpenAllowed,
      active: value.active,
    };
  }

  private async load(id: string | undefined): Promise<void> {
    this.loadError.set(null);
    if (!id) return;
    try {
      const type = await this.api.get(id);
      this.loaded.set(type);
      this.form.setValue({
        code: type.code,
        title: type.title,
        description: type.description,
        scope: type.scope,
        effect: type.effect,
        targetDays: String(type.targetDays),
        severalOpenAllowed: type.severalOpenAllowed,
        active: type.active,
        requiredDocuments: documentsText(type.requiredDocuments),
        schema: JSON.stringify(type.form, null, 2),
      });
    } catch (failure) {
      this.loadError.set(toFormError(failure).message);
    }
  }
}

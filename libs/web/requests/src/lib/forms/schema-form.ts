import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { FormGroup, ReactiveFormsModule } from '@angular/forms';
import { type FormlyFieldConfig, FormlyForm } from '@ngx-formly/core';
import { FormlyJsonschema } from '@ngx-formly/core/json-schema';
import type { JSONSchema7 } from 'json-schema';
import type { ProblemItem } from '../ui/error-summary';
import { SCHEMA_FORM_CONTEXT } from './schema-context';
import { VALIDATION_MESSAGES } from './schema-form-config';
import { schemaToFields } from './schema-fields';

/**
 * A form drawn from a request type's JSON Schema by formly: no hand-written form per type. The page
 * owns the buttons; this component owns the fields, their values and their errors.
 */
@Component({
  selector: 'foyer-schema-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, FormlyForm],
  template: `<formly-form [form]="form" [fields]="view().fields" [model]="view().model" />`,
})
export class SchemaForm {
  readonly schema = input.required<JSONSchema7>();
  /** Values to start from (a draft being resumed). */
  readonly initial = input<Record<string, unknown> | null>(null);

  readonly form = new FormGroup({});
  private readonly jsonschema = inject(FormlyJsonschema);
  private readonly context = inject(SCHEMA_FORM_CONTEXT);

  protected readonly view = computed(() => {
    return {
      fields: [schemaToFields(this.jsonschema, this.schema(), this.context)] as FormlyFieldConfig[],
      model: structuredClone(this.initial() ?? {}) as Record<string, unknown>,
    };
  });

  /** The values as the API takes them: what was left empty is not sent. */
  value(): Record<string, unknown> {
    return prune(this.view().model) as Record<string, unknown>;
  }

  /** Marks every field touched and lists what must be corrected, in the order of the form. */
  problems(): ProblemItem[] {
    this.form.markAllAsTouched();
    const items: ProblemItem[] = [];
    const visit = (field: FormlyFieldConfig, parentLabel: string) => {
      const label = field.props?.label ? String(field.props.label) : parentLabel;
      const errors = field.key !== undefined ? field.formControl?.errors : null;
      if (errors && field.id) {
        const [name, value] = Object.entries(errors)[0];
        const message =
          VALIDATION_MESSAGES[name]?.(value, field) ??
          $localize`:@@requests.validation.invalid:Cette valeur n'est pas valide.`;
        items.push({ id: field.id, label: label || $localize`:@@requests.form.field:Champ`, message });
      }
      field.fieldGroup?.forEach((child, index) =>
        visit(
          child,
          field.type === 'foyer-array'
            ? $localize`:@@requests.form.arrayItem:${label}:label: (choix ${index + 1}:rank:)`
            : label,
        ),
      );
    };
    this.view().fields.forEach((field) => visit(field, ''));
    return items;
  }

  /**
   * Puts the API's messages on their fields ("childId", "data.childId", "data/wishes/0") and answers
   * the ones no field could show.
   */
  applyServerErrors(fields: Record<string, string>): string[] {
    const orphans: string[] = [];
    for (const [path, message] of Object.entries(fields)) {
      const segments = path
        .replace(/^\/?data[./]/, '')
        .split(/[./]/)
        .filter((segment) => segment !== '');
      const control = segments.length > 0 ? this.form.get(segments) : null;
      if (control) {
        control.setErrors({ ...(control.errors ?? {}), server: message });
        control.markAsTouched();
      } else {
        orphans.push(message);
      }
    }
    return orphans;
  }
}

function prune(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(prune);
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined && item !== null && item !== '')
      .map(([key, item]) => [key, prune(item)]);
    return Object.fromEntries(entries);
  }
  return value;
}

import { AsyncPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { angularLocaleId, storedLocale } from '@foyer/web/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatRadioModule } from '@angular/material/radio';
import {
  FieldArrayType,
  FieldType,
  type FieldTypeConfig,
  FormlyField,
  FormlyValidationMessage,
} from '@ngx-formly/core';
import { FormlySelectOptionsPipe } from '@ngx-formly/core/select';
import { toFormError } from '@foyer/web/core';
import { SCHEMA_FORM_CONTEXT } from './schema-context';

/** The portal's upload rules, said before sending: the API checks the same (type, size, content). */
export const ACCEPTED_FILE_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

let sizeFormat: Intl.NumberFormat | null = null;

/** « 10 Mo », « 500 ko » (« 10 MB » on English pages), in the locale Angular's LOCALE_ID is made from. */
export function sizeText(bytes: number): string {
  sizeFormat ??= new Intl.NumberFormat(angularLocaleId(storedLocale()), { maximumFractionDigits: 1 });
  return bytes >= 1024 * 1024
    ? $localize`:@@requests.file.megabytes:${sizeFormat.format(bytes / (1024 * 1024))}:size: Mo`
    : $localize`:@@requests.file.kilobytes:${sizeFormat.format(bytes / 1024)}:size: ko`;
}

/** The reason a file cannot be attached, in the page's language, or null when it can. */
export function fileProblem(file: File, maxBytes = MAX_FILE_BYTES): string | null {
  const byExtension = /\.(pdf|jpe?g|png)$/i.test(file.name);
  if (!ACCEPTED_FILE_TYPES.includes(file.type) && !(file.type === '' && byExtension)) {
    return $localize`:@@requests.file.type:Ce fichier n’est pas accepté : choisissez un PDF, une image JPEG ou PNG.`;
  }
  if (file.size > maxBytes) {
    return $localize`:@@requests.file.tooLarge:Ce fichier dépasse ${sizeText(maxBytes)}:max: : réduisez-le ou scannez-le en plus basse qualité.`;
  }
  if (file.size === 0) return $localize`:@@requests.file.empty:Ce fichier est vide.`;
  return null;
}

/** A group of fields: a fieldset with its legend, except the form itself (the page's heading names it). */
@Component({
  selector: 'foyer-schema-object',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormlyField],
  template: `
    @if (props.label && field.parent) {
      <fieldset class="plain schema-group">
        <legend>{{ props.label }}</legend>
        @if (props.description) {
          <p class="field-hint">{{ props.description }}</p>
        }
        @for (child of field.fieldGroup; track $index) {
          <formly-field [field]="child" />
        }
      </fieldset>
    } @else {
      <div class="form-stack schema-root">
        @for (child of field.fieldGroup; track $index) {
          <formly-field [field]="child" />
        }
      </div>
    }
  `,
})
export class SchemaObjectType extends FieldType {}

/**
 * A list the resident fills in order (a ranked wish list): each entry numbered, removable, movable up,
 * with its limits said in text.
 */
@Component({
  selector: 'foyer-schema-array',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormlyField, FormlyValidationMessage, MatButtonModule],
  template: `
    <fieldset class="plain schema-array" [attr.aria-describedby]="id + '-hint'">
      <legend [id]="id">{{ props.label }}</legend>
      <p class="field-hint" [id]="id + '-hint'">{{ props.description }} {{ limits() }}</p>
      @if (field.fieldGroup?.length) {
        <ol class="schema-array-items">
          @for (item of field.fieldGroup; track item.id; let i = $index; let last = $last) {
            <li>
              <formly-field [field]="item" />
              <div class="actions">
                @if (i > 0) {
                  <button mat-stroked-button type="button" (click)="moveUp(i)" i18n="@@requests.array.moveUp">
                    Monter le choix {{ i + 1 }}
                  </button>
                }
                <button mat-stroked-button type="button" (click)="remove(i)" i18n="@@requests.array.remove">
                  Retirer le choix {{ i + 1 }}
                </button>
              </div>
            </li>
          }
        </ol>
      } @else {
        <p i18n="@@requests.array.none">Aucun choix pour l'instant.</p>
      }
      @if (canAdd()) {
        <div class="actions">
          <button mat-stroked-button type="button" (click)="add()" i18n="@@requests.array.add">
            Ajouter un choix
          </button>
        </div>
      }
      @if (showError) {
        <p class="field-error" [id]="id + '-error'" role="alert">
          <formly-validation-message [field]="field" />
        </p>
      }
    </fieldset>
  `,
})
export class SchemaArrayType extends FieldArrayType {
  protected limits(): string {
    const min = this.props['minItems'] as number | undefined;
    const max = this.props['maxItems'] as number | undefined;
    if (min && max)
      return $localize`:@@requests.array.between:Entre ${min}:min: et ${max}:max: choix, par ordre de préférence.`;
    if (max) return $localize`:@@requests.array.atMost:${max}:max: choix au plus, par ordre de préférence.`;
    if (min) return $localize`:@@requests.array.atLeast:Au moins ${min}:min: choix, par ordre de préférence.`;
    return $localize`:@@requests.array.ordered:Par ordre de préférence.`;
  }

  protected canAdd(): boolean {
    const max = this.props['maxItems'] as number | undefined;
    return max === undefined || (this.field.fieldGroup?.length ?? 0) < max;
  }

  /** Swaps the two ranks' values: formly carries each control's change into the model. */
  protected moveUp(index: number): void {
    const above = this.field.fieldGroup?.[index - 1]?.formControl;
    const current = this.field.fieldGroup?.[index]?.formControl;
    if (!above || !current) return;
    const value = current.value;
    current.setValue(above.value);
    above.setValue(value);
    above.markAsTouched();
    current.markAsTouched();
  }
}

/** Yes/no and short choices: radio buttons under a legend, never a bare group without a name. */
@Component({
  selector: 'foyer-schema-radio',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatRadioModule, AsyncPipe, FormlySelectOptionsPipe, FormlyValidationMessage],
  template: `
    <fieldset class="radio-field schema-radio">
      <legend class="radio-label">
        {{ props.label }}
        @if (props.required) {
          <span aria-hidden="true"> *</span>
        }
      </legend>
      @if (props.description) {
        <p class="field-hint" [id]="id + '-hint'">{{ props.description }}</p>
      }
      <mat-radio-group
        [formControl]="formControl"
        [attr.aria-invalid]="showError ? 'true' : null"
        [attr.aria-describedby]="showError ? id + '-error' : props.description ? id + '-hint' : null"
      >
        @for (option of props.options | formlySelectOptions: field | async; track $index; let i = $index) {
          <mat-radio-button [id]="i === 0 ? id : id + '_' + i" [value]="option.value">{{
            option.label
          }}</mat-radio-button>
        }
      </mat-radio-group>
      @if (showError) {
        <p class="field-error" [id]="id + '-error'"><formly-validation-message [field]="field" /></p>
      }
    </fieldset>
  `,
  styles: `
    fieldset {
      border: 0;
      padding: 0;
      margin: 0;
      min-width: 0;
    }
    legend {
      padding: 0;
    }
  `,
})
export class SchemaRadioType extends FieldType<FieldTypeConfig> {}

/**
 * A file the resident attaches: checked in the browser (type, size), uploaded to the family file at
 * once, and the form keeps the document's id. The API checks the file's content again.
 */
@Component({
  selector: 'foyer-schema-file',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormlyValidationMessage],
  template: `
    <div class="file-field">
      <label [for]="id"
        >{{ props.label }}
        @if (props.required) {
          <span aria-hidden="true"> *</span>
        }
      </label>
      <p class="field-hint" [id]="id + '-hint'">
        {{ props.description ? props.description + ' ' : ''
        }}<ng-container i18n="@@requests.file.hint">PDF, JPEG ou PNG, {{ maxText() }} maximum.</ng-container>
      </p>
      <input
        type="file"
        [id]="id"
        accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
        [attr.aria-invalid]="problem() || showError ? 'true' : null"
        [attr.aria-describedby]="problem() || showError ? id + '-hint ' + id + '-error' : id + '-hint'"
        [disabled]="uploading()"
        (change)="choose($event)"
      />
      <p role="status" class="file-status">
        @if (uploading()) {
          <ng-container i18n="@@requests.file.uploading">Envoi du fichier en cours…</ng-container>
        } @else if (fileName()) {
          <ng-container i18n="@@requests.file.attached">Fichier joint : {{ fileName() }}</ng-container>
        } @else if (formControl.value) {
          <ng-container i18n="@@requests.file.alreadyAttached"
            >Un fichier est déjà joint : choisissez-en un autre pour le remplacer.</ng-container
          >
        }
      </p>
      @if (problem()) {
        <p class="field-error" [id]="id + '-error'">{{ problem() }}</p>
      } @else if (showError) {
        <p class="field-error" [id]="id + '-error'"><formly-validation-message [field]="field" /></p>
      }
    </div>
  `,
})
export class SchemaFileType extends FieldType<FieldTypeConfig> {
  private readonly context = inject(SCHEMA_FORM_CONTEXT);
  protected readonly uploading = signal(false);
  protected readonly problem = signal<string | null>(null);
  protected readonly fileName = signal<string | null>(null);

  protected maxText(): string {
    return sizeText(this.maxBytes());
  }

  private maxBytes(): number {
    const max = this.props['maxBytes'];
    return typeof max === 'number' && max > 0 ? Math.min(max, MAX_FILE_BYTES) : MAX_FILE_BYTES;
  }

  protected async choose(event: Event): Promise<void> {
    const file = (event.target as HTMLInputElement).files?.[0] ?? null;
    this.problem.set(null);
    this.formControl.markAsTouched();
    if (!file) {
      this.formControl.setValue(this.props.required ? '' : undefined);
      this.fileName.set(null);
      return;
    }
    const problem = fileProblem(file, this.maxBytes());
    if (problem) {
      this.problem.set(problem);
      this.formControl.setValue(this.props.required ? '' : undefined);
      this.fileName.set(null);
      return;
    }
    this.uploading.set(true);
    try {
      const uploaded = await this.context.upload(file);
      this.formControl.setValue(uploaded.value);
      this.fileName.set(uploaded.label);
    } catch (failure) {
      const error = toFormError(failure);
      this.problem.set(error.fields['file'] ?? error.message);
      this.formControl.setValue(this.props.required ? '' : undefined);
    } finally {
      this.uploading.set(false);
    }
  }
}

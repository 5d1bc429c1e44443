import type { Provider } from '@angular/core';
import { type FormlyFieldConfig, provideFormlyCore } from '@ngx-formly/core';
import { withFormlyMaterial } from '@ngx-formly/material';
import { SchemaArrayType, SchemaFileType, SchemaObjectType, SchemaRadioType } from './schema-types';

type Message = (error: unknown, field: FormlyFieldConfig) => string;

/** Every message of a form, in the page's language: the same words whether the browser or the API refused. */
export const VALIDATION_MESSAGES: Record<string, Message> = {
  required: () => $localize`:@@requests.validation.required:Ce champ est obligatoire.`,
  minLength: (_e, field) =>
    $localize`:@@requests.validation.minLength:Saisissez au moins ${field.props?.minLength}:count: caractères.`,
  maxLength: (_e, field) =>
    $localize`:@@requests.validation.maxLength:Saisissez au plus ${field.props?.maxLength}:count: caractères.`,
  min: (_e, field) =>
    $localize`:@@requests.validation.min:La valeur doit être au moins ${field.props?.min}:min:.`,
  max: (_e, field) =>
    $localize`:@@requests.validation.max:La valeur doit être au plus ${field.props?.max}:max:.`,
  exclusiveMinimum: (_e, field) =>
    $localize`:@@requests.validation.exclusiveMinimum:La valeur doit être supérieure à ${field.props?.['exclusiveMinimum']}:min:.`,
  exclusiveMaximum: (_e, field) =>
    $localize`:@@requests.validation.exclusiveMaximum:La valeur doit être inférieure à ${field.props?.['exclusiveMaximum']}:max:.`,
  multipleOf: (_e, field) =>
    $localize`:@@requests.validation.multipleOf:La valeur doit être un multiple de ${field.props?.step}:step:.`,
  pattern: () => $localize`:@@requests.validation.pattern:Le format n'est pas valide.`,
  minItems: (_e, field) =>
    $localize`:@@requests.validation.minItems:Ajoutez au moins ${field.props?.['minItems']}:count: choix.`,
  maxItems: (_e, field) =>
    $localize`:@@requests.validation.maxItems:Gardez au plus ${field.props?.['maxItems']}:count: choix.`,
  uniqueItems: () => $localize`:@@requests.validation.uniqueItems:Chaque choix ne peut figurer qu’une fois.`,
  type: (_e, field) =>
    field.props?.type === 'number'
      ? $localize`:@@requests.validation.number:Saisissez un nombre, par exemple 12.`
      : $localize`:@@requests.validation.invalid:Cette valeur n'est pas valide.`,
  enum: () => $localize`:@@requests.validation.enum:Choisissez une des valeurs proposées.`,
  const: () => $localize`:@@requests.validation.invalid:Cette valeur n'est pas valide.`,
  /** A message the API gave for this field, shown as it came. */
  server: (error) => String(error),
};

/** Formly, its Material widgets, the portal's own field types and the French messages. */
export function provideSchemaForms(): Provider[] {
  return [
    provideFormlyCore([
      ...withFormlyMaterial(),
      {
        types: [
          { name: 'foyer-object', component: SchemaObjectType },
          { name: 'foyer-array', component: SchemaArrayType },
          { name: 'foyer-radio', component: SchemaRadioType },
          { name: 'foyer-file', component: SchemaFileType },
        ],
        validationMessages: Object.entries(VALIDATION_MESSAGES).map(([name, message]) => ({ name, message })),
      },
    ]),
  ];
}

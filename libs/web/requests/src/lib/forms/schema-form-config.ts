import type { Provider } from '@angular/core';
import { type FormlyFieldConfig, provideFormlyCore } from '@ngx-formly/core';
import { withFormlyMaterial } from '@ngx-formly/material';
import { SchemaArrayType, SchemaFileType, SchemaObjectType, SchemaRadioType } from './schema-types';

type Message = (error: unknown, field: FormlyFieldConfig) => string;

/** Every message of a form, in French: the same words whether the browser or the API refused. */
export const VALIDATION_MESSAGES: Record<string, Message> = {
  required: () => 'Ce champ est obligatoire.',
  minLength: (_e, field) => `Saisissez au moins ${field.props?.minLength} caractères.`,
  maxLength: (_e, field) => `Saisissez au plus ${field.props?.maxLength} caractères.`,
  min: (_e, field) => `La valeur doit être au moins ${field.props?.min}.`,
  max: (_e, field) => `La valeur doit être au plus ${field.props?.max}.`,
  exclusiveMinimum: (_e, field) => `La valeur doit être supérieure à ${field.props?.['exclusiveMinimum']}.`,
  exclusiveMaximum: (_e, field) => `La valeur doit être inférieure à ${field.props?.['exclusiveMaximum']}.`,
  multipleOf: (_e, field) => `La valeur doit être un multiple de ${field.props?.step}.`,
  pattern: () => "Le format n'est pas valide.",
  minItems: (_e, field) => `Ajoutez au moins ${field.props?.['minItems']} choix.`,
  maxItems: (_e, field) => `Gardez au plus ${field.props?.['maxItems']} choix.`,
  uniqueItems: () => 'Chaque choix ne peut figurer qu’une fois.',
  type: (_e, field) =>
    field.props?.type === 'number'
      ? 'Saisissez un nombre, par exemple 12.'
      : "Cette valeur n'est pas valide.",
  enum: () => 'Choisissez une des valeurs proposées.',
  const: () => "Cette valeur n'est pas valide.",
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

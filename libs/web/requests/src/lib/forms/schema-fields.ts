import type { FormlyFieldConfig } from '@ngx-formly/core';
import type { FormlyJsonschema } from '@ngx-formly/core/json-schema';
import type { JSONSchema7 } from 'json-schema';
import { from } from 'rxjs';
import {
  FOYER_DOCUMENT_TYPES_KEYWORD,
  FOYER_KIND_KEYWORD,
  FOYER_MAX_BYTES_KEYWORD,
  FOYER_ORDER_KEYWORD,
  FOYER_WIDGET_KEYWORD,
  FoyerFieldKind,
} from '@foyer/shared/contracts';
import type { SchemaFormContext } from './schema-context';

/** Radio buttons up to this many choices; a list beyond. */
const MAX_RADIO_CHOICES = 5;
/** A text longer than this is written in a multi-line box. */
const LONG_TEXT = 200;

type PortalSchema = JSONSchema7 & Record<string, unknown>;

/**
 * The formly fields of a JSON Schema: FormlyJsonschema does the mapping (types, required, limits,
 * enums with their titles); this adds the portal's kinds (a child of the household, a document of the
 * family file, a file) and picks the widget each field deserves.
 */
export function schemaToFields(
  jsonschema: FormlyJsonschema,
  schema: JSONSchema7,
  context: SchemaFormContext,
): FormlyFieldConfig {
  return jsonschema.toFieldConfig(ordered(schema), {
    map: (field, source) => mapField(field, source as PortalSchema, context),
  });
}

function mapField(
  field: FormlyFieldConfig,
  source: PortalSchema,
  context: SchemaFormContext,
): FormlyFieldConfig {
  const props = (field.props ??= {});
  // Every field has a visible label, even one the administrator left without a title (the API refuses
  // such a form when saved, but its preview must stay usable meanwhile).
  if (!props.label && field.type !== 'object' && field.type !== 'array') {
    props.label = field.key !== undefined ? String(field.key) : $localize`:@@requests.form.choice:Choix`;
  }
  const kind = source[FOYER_KIND_KEYWORD];
  if (kind === FoyerFieldKind.Child) {
    return {
      ...field,
      type: 'select',
      props: {
        ...props,
        options: from(context.children()),
        placeholder: $localize`:@@requests.form.chooseChild:Choisissez un enfant`,
      },
    };
  }
  if (kind === FoyerFieldKind.FamilyDocument) {
    const types = source[FOYER_DOCUMENT_TYPES_KEYWORD];
    return {
      ...field,
      type: 'select',
      props: {
        ...props,
        options: from(context.documents(Array.isArray(types) ? (types as string[]) : undefined)),
        placeholder: $localize`:@@requests.form.chooseDocument:Choisissez un document de votre dossier famille`,
      },
    };
  }
  if (kind === FoyerFieldKind.File) {
    const maxBytes = source[FOYER_MAX_BYTES_KEYWORD];
    return {
      ...field,
      type: 'foyer-file',
      props: { ...props, maxBytes: typeof maxBytes === 'number' ? maxBytes : undefined },
    };
  }

  switch (field.type) {
    case 'object':
      return { ...field, type: 'foyer-object' };
    case 'array':
      props['minItems'] = source.minItems;
      props['maxItems'] = source.maxItems;
      return { ...field, type: 'foyer-array' };
    case 'boolean':
      return {
        ...field,
        type: 'foyer-radio',
        props: {
          ...props,
          options: [
            { value: true, label: $localize`:@@requests.form.yes:Oui` },
            { value: false, label: $localize`:@@requests.form.no:Non` },
          ],
        },
      };
    case 'enum': {
      const count = Array.isArray(props.options) ? props.options.length : 0;
      if (props['multiple']) {
        // A list of choices is a ranked list (crèche wishes): one select per rank, in order, never checkboxes.
        const items = (
          typeof source.items === 'object' && !Array.isArray(source.items) ? source.items : {}
        ) as PortalSchema;
        return {
          ...field,
          type: 'foyer-array',
          props: { ...props, multiple: false, minItems: source.minItems, maxItems: source.maxItems },
          fieldArray: {
            type: 'select',
            props: {
              options: props.options,
              required: true,
              placeholder: $localize`:@@requests.form.choose:Choisissez`,
            },
            // « Choix 1 », « Choix 2 »…: each rank has its own name for screen readers and the error summary.
            expressions: {
              'props.label': (item: FormlyFieldConfig) =>
                `${items.title ?? $localize`:@@requests.form.choice:Choix`} ${Number(item.key) + 1}`,
            },
          },
        };
      }
      return { ...field, type: count > 0 && count <= MAX_RADIO_CHOICES ? 'foyer-radio' : 'select' };
    }
    case 'number':
    case 'integer':
      return { ...field, type: 'input', props: { ...props, type: 'number' } };
    case 'string': {
      if (source.format === 'date') return { ...field, type: 'input', props: { ...props, type: 'date' } };
      if (source.format === 'email') {
        return {
          ...field,
          type: 'input',
          props: { ...props, type: 'email', attributes: { autocomplete: 'email' } },
        };
      }
      const long = source[FOYER_WIDGET_KEYWORD] === 'textarea' || (source.maxLength ?? 0) > LONG_TEXT;
      if (long) return { ...field, type: 'textarea', props: { ...props, rows: 5 } };
      return { ...field, type: 'input' };
    }
    default:
      return field;
  }
}

/** The properties in the order `x-foyer-order` gives (the others after, as written). */
function ordered(schema: JSONSchema7): JSONSchema7 {
  const order = (schema as PortalSchema)[FOYER_ORDER_KEYWORD];
  if (!Array.isArray(order) || !schema.properties) return schema;
  const properties: NonNullable<JSONSchema7['properties']> = {};
  for (const key of order as string[]) if (schema.properties[key]) properties[key] = schema.properties[key];
  for (const [key, value] of Object.entries(schema.properties)) properties[key] ??= value;
  return { ...schema, properties } as JSONSchema7;
}

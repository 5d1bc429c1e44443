import { BadRequestException, Injectable } from '@nestjs/common';
import Ajv2020, { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import localizeFr from 'ajv-i18n/localize/fr';
import {
  FieldErrorView,
  FOYER_DOCUMENT_TYPES_KEYWORD,
  FOYER_KIND_KEYWORD,
  FOYER_MAX_BYTES_KEYWORD,
  FOYER_ORDER_KEYWORD,
  FOYER_WIDGET_KEYWORD,
  FoyerFieldKind,
  RequestFormSchema,
} from '@foyer/shared/contracts';
import { describeFields } from '@foyer/api/core';

/**
 * What the portal kinds are checked against, for one household and one request: passed to Ajv as
 * `this` of the keyword (`passContext`), so a compiled validator is shared by every submission.
 */
export interface FormContext {
  childIds: ReadonlySet<string>;
  /** Attachments of this request: id → size in bytes. */
  attachments: ReadonlyMap<string, number>;
  /** Documents of the household's family file: id → DocumentType. */
  familyDocuments: ReadonlyMap<string, string>;
}

const KINDS = Object.values(FoyerFieldKind) as string[];
const FIELD_TYPES = ['string', 'number', 'integer', 'boolean', 'array'];
const PROPERTY_NAME = /^[a-zA-Z][a-zA-Z0-9_]{0,63}$/;

/** The sentence of a portal-kind refusal, kept on the error so localisation does not overwrite it. */
interface KindError extends ErrorObject {
  params: { fr: string };
}

/** Without instancePath: Ajv fills in the field's path. */
function kindError(fr: string): KindError {
  return { keyword: FOYER_KIND_KEYWORD, params: { fr }, message: fr } as unknown as KindError;
}

/**
 * Validates request-type forms (JSON Schema draft 2020-12 plus the portal's keywords) when an admin
 * saves them, and submissions against them, with French messages naming each field (ajv-i18n).
 */
@Injectable()
export class FormValidator {
  private readonly ajv: Ajv2020;
  private readonly cache = new Map<string, { full: ValidateFunction; draft: ValidateFunction }>();

  constructor() {
    this.ajv = new Ajv2020({
      allErrors: true,
      // Unknown keywords are refused (a typo in a form is an error); types and required are checked by our own rules.
      strictSchema: true,
      strictNumbers: true,
      strictTypes: false,
      strictTuples: false,
      strictRequired: false,
      passContext: true,
    });
    addFormats(this.ajv, ['date', 'email', 'time', 'date-time', 'uri']);
    const kindKeyword = function (
      this: FormContext | undefined,
      kind: string,
      data: unknown,
      parentSchema?: Record<string, unknown>,
    ): boolean {
      const self = kindKeyword as unknown as { errors: ErrorObject[] | null };
      self.errors = null;
      // Without a context (a draft checked for shape only), the kind is not checked here.
      if (!this || typeof data !== 'string') return true;
      const fail = (fr: string) => {
        self.errors = [kindError(fr)];
        return false;
      };
      switch (kind) {
        case FoyerFieldKind.Child:
          return this.childIds.has(data) || fail('ne désigne pas un enfant de votre foyer');
        case FoyerFieldKind.File: {
          const size = this.attachments.get(data);
          if (size === undefined) return fail('ne désigne pas un fichier joint à cette démarche');
          const max = parentSchema?.[FOYER_MAX_BYTES_KEYWORD];
          if (typeof max === 'number' && size > max) {
            return fail(`dépasse la taille maximale autorisée (${formatBytes(max)})`);
          }
          return true;
        }
        case FoyerFieldKind.FamilyDocument: {
          const type = this.familyDocuments.get(data);
          if (type === undefined) return fail('ne désigne pas un document de votre dossier famille');
          const types = parentSchema?.[FOYER_DOCUMENT_TYPES_KEYWORD];
          if (Array.isArray(types) && !types.includes(type)) {
            return fail('n’est pas un document du type attendu');
          }
          return true;
        }
        default:
          return true;
      }
    };
    this.ajv.addKeyword({
      keyword: FOYER_KIND_KEYWORD,
      schemaType: 'string',
      metaSchema: { enum: KINDS },
      errors: true,
      validate: kindKeyword,
    });
    this.ajv.addKeyword({
      keyword: FOYER_MAX_BYTES_KEYWORD,
      schemaType: 'number',
      metaSchema: { type: 'integer', minimum: 1 },
    });
    this.ajv.addKeyword({
      keyword: FOYER_DOCUMENT_TYPES_KEYWORD,
      schemaType: 'array',
      metaSchema: { type: 'array', items: { type: 'string' } },
    });
    this.ajv.addKeyword({
      keyword: FOYER_WIDGET_KEYWORD,
      schemaType: 'string',
      metaSchema: { enum: ['textarea'] },
    });
    this.ajv.addKeyword({
      keyword: FOYER_ORDER_KEYWORD,
      schemaType: 'array',
      metaSchema: { type: 'array', items: { type: 'string' } },
    });
  }

  /**
   * The problems of a form definition, each naming where (`form.properties.<name>…`): the meta-schema
   * of draft 2020-12, then the portal's rules (closed object, a French title on every field, known
   * kinds on strings only, required fields that exist), then compiling it (strict: unknown keywords).
   */
  definitionProblems(form: unknown): FieldErrorView[] {
    const problems: FieldErrorView[] = [];
    const add = (field: string, message: string) => {
      const found = problems.find((p) => p.field === field);
      if (found) found.messages.push(message);
      else problems.push({ field, messages: [message] });
    };
    if (typeof form !== 'object' || form === null || Array.isArray(form)) {
      add('form', 'doit être un schéma JSON (un objet)');
      return problems;
    }
    const schema = form as Record<string, unknown>;
    if (!this.ajv.validateSchema(schema)) {
      const errors = (this.ajv.errors ?? []).map((e) => ({ ...e }));
      localizeFr(errors);
      for (const error of errors) {
        add(`form${toDotted(error.instancePath)}`, error.message ?? 'n’est pas valide');
      }
      return problems;
    }
    if (
      schema['$schema'] !== undefined &&
      schema['$schema'] !== 'https://json-schema.org/draft/2020-12/schema'
    ) {
      add('form.$schema', 'doit être https://json-schema.org/draft/2020-12/schema');
    }
    if (schema['type'] !== 'object') add('form.type', 'doit valoir « object »');
    if (schema['additionalProperties'] !== false) {
      add('form.additionalProperties', 'doit valoir false : un champ inconnu doit être refusé');
    }
    const text = JSON.stringify(schema);
    if (/"\$(ref|dynamicRef|id|anchor|dynamicAnchor)"/.test(text)) {
      add('form', 'ne doit pas utiliser de références ($ref, $id) : chaque champ est décrit sur place');
    }
    const properties = schema['properties'];
    if (typeof properties !== 'object' || properties === null || Object.keys(properties).length === 0) {
      add('form.properties', 'doit décrire au moins un champ');
      return problems;
    }
    for (const [name, value] of Object.entries(properties as Record<string, unknown>)) {
      const at = `form.properties.${name}`;
      if (!PROPERTY_NAME.test(name)) {
        add(at, 'nom de champ invalide : lettres, chiffres et « _ », en commençant par une lettre');
      }
      if (typeof value !== 'object' || value === null) {
        add(at, 'doit être un objet décrivant le champ');
        continue;
      }
      const property = value as Record<string, unknown>;
      if (typeof property['title'] !== 'string' || property['title'].trim() === '') {
        add(`${at}.title`, 'chaque champ doit avoir un libellé (title) en français');
      }
      const type = property['type'];
      if (typeof type !== 'string' || !FIELD_TYPES.includes(type)) {
        add(`${at}.type`, `doit être l’un de : ${FIELD_TYPES.join(', ')}`);
      }
      const kind = property[FOYER_KIND_KEYWORD];
      if (kind !== undefined && (typeof kind !== 'string' || !KINDS.includes(kind))) {
        add(`${at}.${FOYER_KIND_KEYWORD}`, `type de champ inconnu : ${KINDS.join(', ')}`);
      } else if (kind !== undefined && type !== 'string') {
        add(`${at}.${FOYER_KIND_KEYWORD}`, 'ne s’applique qu’à un champ de type « string » (un identifiant)');
      }
      if (type === 'array') {
        const items = property['items'];
        if (
          typeof items !== 'object' ||
          items === null ||
          !['string', 'number', 'integer'].includes(String((items as Record<string, unknown>)['type']))
        ) {
          add(`${at}.items`, 'une liste doit décrire ses éléments (type string, number ou integer)');
        }
      }
    }
    const required = schema['required'];
    if (Array.isArray(required)) {
      required.forEach((name, i) => {
        if (typeof name !== 'string' || !(name in (properties as object))) {
          add(`form.required.${i}`, `« ${String(name)} » n’est pas un champ du formulaire`);
        }
      });
    }
    if (problems.length === 0) {
      try {
        this.ajv.compile(schema);
      } catch (error) {
        const keyword = /unknown keyword: "([^"]+)"/.exec((error as Error).message)?.[1];
        add(
          'form',
          keyword
            ? `utilise un mot-clé inconnu : « ${keyword} »`
            : 'ne peut pas être compilé : vérifiez les mots-clés et les formats utilisés',
        );
      }
    }
    return problems;
  }

  /** Throws 400 naming each problem of the definition. */
  assertDefinition(form: unknown, extra: FieldErrorView[] = []): asserts form is RequestFormSchema {
    const problems = [...this.definitionProblems(form), ...extra];
    if (problems.length > 0) throw badRequest(problems);
  }

  /**
   * The problems of a submission, each naming its field (`data.<name>`), in French. A draft is checked
   * for its shape only (no required field, but no unknown field nor wrong type either).
   */
  dataProblems(
    cacheKey: string,
    form: RequestFormSchema,
    data: unknown,
    context: FormContext,
    mode: 'draft' | 'full',
  ): FieldErrorView[] {
    const validators = this.validatorsFor(cacheKey, form);
    const validate = mode === 'full' ? validators.full : validators.draft;
    if (validate.call(context, data)) return [];
    const errors = (validate.errors ?? []).map((e) => ({ ...e }));
    localizeFr(errors);
    const fields: FieldErrorView[] = [];
    for (const error of errors) {
      const { field, message } = describe(error);
      const found = fields.find((f) => f.field === field);
      if (found) {
        if (!found.messages.includes(message)) found.messages.push(message);
      } else fields.push({ field, messages: [message] });
    }
    return fields;
  }

  assertData(
    cacheKey: string,
    form: RequestFormSchema,
    data: unknown,
    context: FormContext,
    mode: 'draft' | 'full',
  ): void {
    const problems = this.dataProblems(cacheKey, form, data, context, mode);
    if (problems.length > 0) throw badRequest(problems);
  }

  private validatorsFor(cacheKey: string, form: RequestFormSchema) {
    let validators = this.cache.get(cacheKey);
    if (!validators) {
      validators = {
        full: this.ajv.compile(form),
        draft: this.ajv.compile(withoutRequired(form)),
      };
      this.cache.set(cacheKey, validators);
    }
    return validators;
  }
}

/** The same schema, with no required field and no minimum count: what a draft must respect. */
function withoutRequired(schema: RequestFormSchema): RequestFormSchema {
  const properties: RequestFormSchema['properties'] = {};
  for (const [name, property] of Object.entries(schema.properties)) {
    const copy = { ...property };
    delete copy.minItems;
    delete copy.minLength;
    properties[name] = copy;
  }
  const copy = { ...schema, properties };
  delete copy.required;
  return copy;
}

function toDotted(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => '.' + part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('');
}

function describe(error: ErrorObject): { field: string; message: string } {
  const base = `data${toDotted(error.instancePath)}`;
  switch (error.keyword) {
    case 'required':
      return { field: `${base}.${String(error.params['missingProperty'])}`, message: 'est obligatoire' };
    case 'additionalProperties':
      return {
        field: `${base}.${String(error.params['additionalProperty'])}`,
        message: 'n’est pas un champ de ce formulaire',
      };
    case FOYER_KIND_KEYWORD:
      return { field: base, message: String(error.params['fr']) };
    case 'format':
      if (error.params['format'] === 'date') {
        return { field: base, message: 'doit être une date au format AAAA-MM-JJ' };
      }
      return { field: base, message: error.message ?? 'n’est pas valide' };
    default:
      return { field: base, message: error.message ?? 'n’est pas valide' };
  }
}

export function badRequest(fields: FieldErrorView[]): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: describeFields(fields),
    fields,
  });
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} Mo`.replace('.', ',');
  return `${Math.ceil(bytes / 1024)} Ko`;
}

import { ValidationError } from 'class-validator';
import { FieldErrorView } from '@foyer/shared/contracts';

/**
 * class-validator speaks English; residents read French. Each constraint name maps to a French
 * sentence; numbers are taken from the English default message ("at least 12 characters").
 */
const numberIn = (text: string): string => /(-?\d+(?:\.\d+)?)/.exec(text)?.[1] ?? '';

const FRENCH: Record<string, (english: string) => string> = {
  whitelistValidation: () => "n'est pas un champ attendu",
  isDefined: () => 'est obligatoire',
  isNotEmpty: () => 'est obligatoire',
  isString: () => 'doit être un texte',
  isEmail: () => 'doit être une adresse e-mail valide',
  isInt: () => 'doit être un nombre entier',
  isNumber: () => 'doit être un nombre',
  isBoolean: () => 'doit valoir vrai ou faux',
  isEnum: () => "n'est pas une valeur autorisée",
  isIn: () => "n'est pas une valeur autorisée",
  isUUID: () => 'doit être un identifiant valide',
  isUuid: () => 'doit être un identifiant valide',
  isLength: () => "n'a pas la longueur attendue",
  isPositive: () => 'doit être un nombre positif',
  isDate: () => 'doit être une date valide',
  isNumberString: () => 'doit être un nombre',
  isNotEmptyObject: () => 'est obligatoire',
  isMobilePhone: () => 'doit être un numéro de téléphone mobile valide',
  isIsoDate: () => 'doit être une date valide au format AAAA-MM-JJ',
  isDateString: () => 'doit être une date valide',
  isIso8601: () => 'doit être une date et une heure valides (AAAA-MM-JJTHH:MM, avec le fuseau)',
  isArray: () => 'doit être une liste',
  isObject: () => 'doit être un objet',
  isUrl: () => 'doit être une adresse web valide',
  isPhoneNumber: () => 'doit être un numéro de téléphone valide',
  isPostalCode: () => 'doit être un code postal valide',
  matches: () => "n'a pas le format attendu",
  minLength: (m) => `doit contenir au moins ${numberIn(m)} caractères`,
  maxLength: (m) => `doit contenir au plus ${numberIn(m)} caractères`,
  min: (m) => `doit être supérieur ou égal à ${numberIn(m)}`,
  max: (m) => `doit être inférieur ou égal à ${numberIn(m)}`,
  arrayMinSize: (m) => `doit contenir au moins ${numberIn(m)} élément(s)`,
  arrayMaxSize: (m) => `doit contenir au plus ${numberIn(m)} élément(s)`,
  arrayNotEmpty: () => 'ne doit pas être vide',
  nestedValidation: () => "n'est pas valide",
  arrayUnique: () => 'ne doit pas contenir deux fois le même élément',
  isNotCommonPassword: () => 'est trop courant',
  isStrongPassword: () => 'est trop facile à deviner',
  equals: () => "n'est pas la valeur attendue",
  isNotIn: () => "n'est pas une valeur autorisée",
  isNumberOrString: () => 'doit être un nombre ou un texte',
};

/** Constraint names with a French sentence: the test listing every constraint the DTOs use reads it. */
export const TRANSLATED_CONSTRAINTS: ReadonlySet<string> = new Set(Object.keys(FRENCH));

/**
 * At most this many fields are reported: an array of 150,000 bad elements must not answer a
 * 15 MB error built field by field (the arrays themselves are capped at parse time, input-guard.ts).
 */
export const MAX_REPORTED_FIELDS = 20;

/** class-validator's default messages are English sentences ("x must be…", "All x's elements must…"). */
const ENGLISH = /\b(must|should)\b/;

/** Decorators may carry their own French message, recognisable by starting with a lowercase French word. */
function translate(constraint: string, message: string): string {
  const known = FRENCH[constraint];
  if (known) return known(message);
  // A constraint nobody translated yet still answers in French (the unit test lists them all).
  return "n'est pas valide";
}

export function flattenValidationErrors(
  errors: ValidationError[],
  prefix = '',
  fields: FieldErrorView[] = [],
): FieldErrorView[] {
  for (const error of errors) {
    if (fields.length >= MAX_REPORTED_FIELDS) break;
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints && Object.keys(error.constraints).length > 0) {
      fields.push({
        field: path,
        messages: Object.entries(error.constraints).map(([constraint, message]) =>
          // A decorator given an explicit French message keeps it; defaults are translated.
          ENGLISH.test(message) || constraint === 'whitelistValidation'
            ? translate(constraint, message)
            : message,
        ),
      });
    }
    if (error.children?.length) flattenValidationErrors(error.children, path, fields);
  }
  return fields.length > MAX_REPORTED_FIELDS ? fields.slice(0, MAX_REPORTED_FIELDS) : fields;
}

/** The 400's sentence naming every field; in English when the fields' messages already are. */
export function describeFields(fields: FieldErrorView[], locale: 'fr' | 'en' = 'fr'): string {
  if (locale === 'en') {
    const parts = fields.map((f) => `"${f.field}" ${f.messages.join(', ')}`);
    return `Some fields are invalid: ${parts.join('; ')}.`;
  }
  const parts = fields.map((f) => `« ${f.field} » ${f.messages.join(', ')}`);
  return `Certains champs sont invalides : ${parts.join(' ; ')}.`;
}

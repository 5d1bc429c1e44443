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
  isISO8601: () => 'doit être une date au format AAAA-MM-JJ',
  isIsoDate: () => 'doit être une date valide au format AAAA-MM-JJ',
  isDateString: () => 'doit être une date valide',
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
};

/** Decorators may carry their own French message, recognisable by starting with a lowercase French word. */
function translate(constraint: string, message: string): string {
  const known = FRENCH[constraint];
  if (known) return known(message);
  return message;
}

export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldErrorView[] {
  const fields: FieldErrorView[] = [];
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints && Object.keys(error.constraints).length > 0) {
      fields.push({
        field: path,
        messages: Object.entries(error.constraints).map(([constraint, message]) =>
          // A decorator given an explicit French message keeps it; defaults are translated.
          /^[a-z].* (must|should) /.test(message) || constraint === 'whitelistValidation'
            ? translate(constraint, message)
            : message,
        ),
      });
    }
    if (error.children?.length) fields.push(...flattenValidationErrors(error.children, path));
  }
  return fields;
}

export function describeFields(fields: FieldErrorView[]): string {
  const parts = fields.map((f) => `« ${f.field} » ${f.messages.join(', ')}`);
  return `Certains champs sont invalides : ${parts.join(' ; ')}.`;
}

/**
 * A French phone number as residents write it: 10 digits starting with 0, or +33 and 9 digits,
 * with optional spaces, dots or hyphens between pairs (« 06 12 34 56 78 », « +33 6.12.34.56.78 »).
 * The web form and the API validate with this one pattern.
 */
export const FRENCH_PHONE_PATTERN = /^(?:\+33 ?|0)[1-9](?:[ .-]?\d{2}){4}$/;

export function isFrenchPhone(value: unknown): value is string {
  return typeof value === 'string' && FRENCH_PHONE_PATTERN.test(value.trim());
}

/**
 * How the portal shows a phone number, whoever typed it: « 06 12 34 56 78 », « +33 6 12 34 56 78 ».
 * Anything it does not recognise is shown as written.
 */
export function formatFrenchPhone(value: string | null | undefined): string {
  if (!value) return '';
  const digits = value.replace(/[^\d+]/g, '');
  const national = /^0[1-9]\d{8}$/.exec(digits);
  if (national) return digits.replace(/(\d{2})(?=\d)/g, '$1 ');
  const international = /^\+33([1-9])(\d{8})$/.exec(digits);
  if (international) return `+33 ${international[1]} ${international[2].replace(/(\d{2})(?=\d)/g, '$1 ')}`;
  return value;
}

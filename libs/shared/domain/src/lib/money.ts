/**
 * Money is always an integer number of euro cents. Floats never carry an amount:
 * 0.1 + 0.2 !== 0.3, and a city's accounts must add up to the cent.
 */
export type Cents = number;

export function isCents(value: unknown): value is Cents {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

export function assertCents(value: number, what = 'amount'): Cents {
  if (!isCents(value)) {
    throw new RangeError(`${what} must be an integer number of cents, got ${value}`);
  }
  return value;
}

const euroFormats = new Map<string, Intl.NumberFormat>();

/**
 * « 1 234,50 € », with the narrow no-break spaces French typography requires. The web passes its
 * page's locale (`en-GB` → « €1,234.50 »); the API's e-mails and PDFs keep the French default.
 */
export function formatEuros(cents: Cents, locale = 'fr-FR'): string {
  assertCents(cents);
  let format = euroFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' });
    euroFormats.set(locale, format);
  }
  return format.format(cents / 100);
}

/**
 * Parses an amount typed by a person in French or English notation ("12,50", "1 234,5", "12.50 €")
 * into cents. Returns null when the text is not an amount with at most two decimals.
 */
export function parseEuros(text: string): Cents | null {
  const cleaned = text.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  const [, sign, units, decimals = ''] = match;
  const cents = Number(units) * 100 + Number(decimals.padEnd(2, '0'));
  if (!Number.isSafeInteger(cents)) return null;
  return sign === '-' ? -cents : cents;
}

/** Sum of amounts in cents, exact by construction. */
export function sumCents(amounts: readonly Cents[]): Cents {
  return amounts.reduce((total, amount) => total + assertCents(amount), 0);
}

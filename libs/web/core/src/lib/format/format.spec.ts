import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatCentsFr, formatDayFr, formatFileSize, formatInstantFr } from './format';

/** The app's English file for web/core (read, not imported: an app is no dependency of a lib). */
const en: Record<string, string> = JSON.parse(
  readFileSync(join(__dirname, '../../../../../../apps/web/src/i18n/en/core.json'), 'utf8'),
);

/**
 * A stand-in for Angular's runtime `$localize` (its ESM build does not load under this Jest): the
 * same message ids and `:name:` placeholders, translated from the real English file.
 */
function localize(translations: Record<string, string> | null) {
  return (strings: TemplateStringsArray, ...values: unknown[]): string => {
    const [, id, first] = /^:@@([^:]+):([\s\S]*)$/.exec(strings[0]) ?? [];
    const parts = strings.slice(1).map((part) => /^:([^:]+):([\s\S]*)$/.exec(part) ?? ['', '', part]);
    const translated = translations?.[id];
    if (!translated) return first + parts.map(([, , text], i) => String(values[i]) + text).join('');
    return translated.replace(/\{\$([^}]+)\}/g, (_, name: string) =>
      String(values[parts.findIndex(([, placeholder]) => placeholder === name)]),
    );
  };
}

/** The page's language as storedLocale() reads it: the device's remembered choice. */
function pageIn(locale: 'fr' | 'en'): void {
  Object.defineProperty(globalThis, 'localStorage', {
    configurable: true,
    value: { getItem: () => locale, setItem: () => undefined },
  });
  Object.defineProperty(globalThis, '$localize', {
    configurable: true,
    value: localize(locale === 'en' ? en : null),
  });
}

describe('formatting follows the page language', () => {
  afterAll(() => {
    delete (globalThis as { localStorage?: unknown }).localStorage;
    delete (globalThis as { $localize?: unknown }).$localize;
  });

  it('writes French on a French page: dates, Paris time, euros, sizes', () => {
    pageIn('fr');
    expect(formatDayFr('2027-01-04')).toBe('04/01/2027');
    expect(formatInstantFr('2027-01-14T08:30:00Z')).toBe('14/01/2027 à 09:30');
    expect(formatCentsFr(123450)).toBe('1\u202f234,50\u00a0€');
    expect(formatFileSize(2.4 * 1024 * 1024)).toBe('2,4 Mo');
    expect(formatFileSize(512)).toBe('512 octets');
  });

  it('writes British English on an English page, still in Paris time', () => {
    pageIn('en');
    expect(formatDayFr('2027-01-04')).toBe('04/01/2027');
    expect(formatInstantFr('2027-01-14T08:30:00Z')).toBe('14/01/2027 at 09:30');
    expect(formatCentsFr(123450)).toBe('€1,234.50');
    expect(formatFileSize(2.4 * 1024 * 1024)).toBe('2.4 MB');
    expect(formatFileSize(850 * 1024)).toBe('850 KB');
  });

  it('says nothing for nothing', () => {
    expect(formatDayFr(null)).toBe('');
    expect(formatCentsFr(undefined)).toBe('');
  });
});

// Unit tests run without Angular: a minimal `$localize` that gives the French source text, as the
// page does before any translation is loaded (drops the `:@@id:` and `:NAME:` markers).
const g = globalThis as unknown as { $localize?: unknown };
g.$localize ??= (strings: TemplateStringsArray, ...values: unknown[]): string =>
  strings.reduce(
    (text, part, i) => text + (i > 0 ? String(values[i - 1]) : '') + part.replace(/^:[^:]*:/, ''),
    '',
  );
export {};

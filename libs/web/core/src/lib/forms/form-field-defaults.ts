/**
 * Defaults for Material form fields: outlined fields keep a visible border at rest, and "dynamic"
 * lets long French error messages wrap. Each feature's routes provide them
 * (`{ provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: FORM_FIELD_DEFAULTS }`) so that Material's
 * form-field code stays out of the first download.
 */
export const FORM_FIELD_DEFAULTS = { appearance: 'outline', subscriptSizing: 'dynamic' } as const;

import { Injectable } from '@angular/core';
import type { AbstractControl } from '@angular/forms';

/**
 * Defaults for Material widgets, provided by each feature's routes rather than by the app so that
 * Material's code stays out of the first download:
 *
 *   providers: [
 *     { provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: FORM_FIELD_DEFAULTS },
 *     { provide: MATERIAL_ANIMATIONS, useValue: MATERIAL_ANIMATION_DEFAULTS },
 *     { provide: ErrorStateMatcher, useClass: TouchedErrorStateMatcher },
 *   ]
 */

/**
 * Outlined fields keep a visible border at rest; labels always sit above the field (never over it,
 * where they hide what was typed and catch clicks); "dynamic" lets long French messages wrap.
 */
export const FORM_FIELD_DEFAULTS = {
  appearance: 'outline',
  floatLabel: 'always',
  subscriptSizing: 'dynamic',
} as const;

/** No sliding or fading: calmer for people sensitive to motion, and every state shows at once. */
export const MATERIAL_ANIMATION_DEFAULTS = { animationsDisabled: true } as const;

/**
 * Material's default shows a field's error once its form was submitted, even after the form is reset:
 * a just-emptied required field then says « Ce champ est obligatoire. ». This one shows a field's error
 * only once it is touched; submitForm() marks every field touched when it refuses a submission.
 * (Same shape as Material's ErrorStateMatcher, without importing Material into the first download.)
 */
@Injectable()
export class TouchedErrorStateMatcher {
  isErrorState(control: AbstractControl | null): boolean {
    return !!control && control.invalid && control.touched;
  }
}

import { AbstractControl, FormGroup } from '@angular/forms';
import type { FormError } from '../http/form-error';

/**
 * Puts the API's field messages on the matching controls (Material then shows them in <mat-error>,
 * linked by aria-describedby, and sets aria-invalid). `aliases` maps an API field name to a control
 * path when they differ. Returns the messages no control could show, for the form's alert.
 */
export function applyFieldErrors(
  form: FormGroup,
  error: FormError,
  aliases: Record<string, string> = {},
): string[] {
  const orphans: string[] = [];
  for (const [field, message] of Object.entries(error.fields)) {
    const control = form.get(aliases[field] ?? field);
    if (control) {
      control.setErrors({ ...(control.errors ?? {}), server: message });
      control.markAsTouched();
    } else {
      orphans.push(message);
    }
  }
  return orphans;
}

/** The sentence for a control's first error (in the page's language), or '' when it is valid. */
export function fieldErrorMessage(
  control: AbstractControl | null | undefined,
  custom: Record<string, string> = {},
): string {
  const errors = control?.errors;
  if (!errors) return '';
  const [key, value] = Object.entries(errors)[0] as [string, unknown];
  if (custom[key]) return custom[key];
  switch (key) {
    case 'server':
      return String(value);
    case 'required':
      return $localize`:@@core.fieldErrors.required:Ce champ est obligatoire.`;
    case 'email':
      return $localize`:@@core.fieldErrors.email:Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.`;
    case 'minlength': {
      const length = (value as { requiredLength: number }).requiredLength;
      return $localize`:@@core.fieldErrors.minLength:Saisissez au moins ${length}:length: caractères.`;
    }
    case 'maxlength': {
      const length = (value as { requiredLength: number }).requiredLength;
      return $localize`:@@core.fieldErrors.maxLength:Saisissez au plus ${length}:length: caractères.`;
    }
    case 'min': {
      const min = (value as { min: number }).min;
      return $localize`:@@core.fieldErrors.min:La valeur doit être au moins ${min}:min:.`;
    }
    case 'max': {
      const max = (value as { max: number }).max;
      return $localize`:@@core.fieldErrors.max:La valeur doit être au plus ${max}:max:.`;
    }
    case 'pattern':
      return $localize`:@@core.fieldErrors.pattern:Le format n'est pas valide.`;
    default:
      return $localize`:@@core.fieldErrors.invalid:Cette valeur n'est pas valide.`;
  }
}

/** The error text of a whole form: the API's sentence followed by the messages no field could show. */
export function formErrorText(error: FormError, orphans: string[]): string {
  return [error.message, ...orphans]
    .filter((part, index, all) => part && all.indexOf(part) === index)
    .join(' ');
}

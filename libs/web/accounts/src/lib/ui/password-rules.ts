import { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';

/** The API's rule, said to people as text next to the field. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_RULE_TEXT = $localize`:@@accounts.passwordRules.rule:Au moins ${PASSWORD_MIN_LENGTH}:min: caractères. Une phrase de plusieurs mots est facile à retenir.`;

/** On the confirmation field: equal to the sibling control named `passwordControl`. */
export function sameAs(passwordControl: string): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const password = control.parent?.get(passwordControl)?.value as string | undefined;
    return !control.value || control.value === password ? null : { mismatch: true };
  };
}

export const PASSWORD_MESSAGES: Record<string, string> = {
  minlength: $localize`:@@accounts.passwordRules.minLength:Le mot de passe doit contenir au moins ${PASSWORD_MIN_LENGTH}:min: caractères.`,
  mismatch: $localize`:@@accounts.passwordRules.mismatch:Les deux mots de passe ne sont pas identiques.`,
};

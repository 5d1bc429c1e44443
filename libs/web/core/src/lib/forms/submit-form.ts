import { ElementRef, inject, Injector, signal } from '@angular/core';
import type { AbstractControl, FormGroup } from '@angular/forms';
import { type FormError, toFormError } from '../http/form-error';
import { applyFieldErrors, formErrorText } from './field-errors';
import { focusFirstInvalidField } from './focus';

/**
 * The state of one form: busy while it sends, its own error and its own confirmation. One per form,
 * so a message always sits next to the form it is about.
 */
export class FormState {
  readonly busy = signal(false);
  readonly error = signal<string | null>(null);
  readonly status = signal<string | null>(null);

  constructor(
    private readonly host: HTMLElement,
    private readonly injector: Injector,
    /** CSS selector of the form inside the host, where focus goes after a refusal. */
    private readonly scope?: string,
  ) {}

  clear(): void {
    this.error.set(null);
    this.status.set(null);
  }

  /** Shows a refusal and puts the keyboard on the first field to correct. */
  refuse(message: string): void {
    this.status.set(null);
    this.error.set(message);
    this.focusFirstInvalid();
  }

  focusFirstInvalid(): void {
    const root = (this.scope && this.host.querySelector<HTMLElement>(this.scope)) || this.host;
    focusFirstInvalidField(root, this.injector);
  }
}

/** Creates a form's state; call it in a field initializer (it injects the host element). */
export function formState(scope?: string): FormState {
  return new FormState(inject<ElementRef<HTMLElement>>(ElementRef).nativeElement, inject(Injector), scope);
}

export interface SubmitFormOptions<T> {
  state: FormState;
  /** Checked before sending; every control is marked touched when it is invalid. */
  form?: FormGroup;
  /** Only these controls are checked (a form whose fields depend on a choice). Default: the whole form. */
  controls?: AbstractControl[];
  /** Said when the form cannot be sent as typed. */
  invalidMessage: string;
  /** A problem the form's controls do not hold (a file), or null. */
  extraProblem?: () => string | null;
  send: () => Promise<T>;
  /** The confirmation to say after success, or null. */
  success?: (result: T) => string | null;
  /**
   * The form's values after success. The form is reset untouched, so its emptied required fields
   * do not turn red (the app's ErrorStateMatcher shows errors of touched controls only).
   */
  resetTo?: Record<string, unknown>;
  /** API field name → control path, where they differ. */
  aliases?: Record<string, string>;
  /** Called with a refusal of the API; returns the messages the page showed itself (next to a file input). */
  onError?: (error: FormError) => string[];
  /** Other forms of the page: their old messages go when this one is sent. */
  siblings?: FormState[];
}

/**
 * The routine every form follows: check, say what is wrong, send once, show the API's field errors on
 * their fields, confirm, reset. Returns what `send` returned, or undefined when nothing was saved.
 */
export async function submitForm<T>(options: SubmitFormOptions<T>): Promise<T | undefined> {
  const { state, form } = options;
  if (state.busy()) return undefined;
  for (const sibling of options.siblings ?? []) if (sibling !== state) sibling.clear();
  const controls = options.controls ?? (form ? [form] : []);
  controls.forEach((control) => control.markAllAsTouched());
  const extraProblem = options.extraProblem?.() ?? null;
  if (controls.some((control) => control.invalid) || extraProblem) {
    state.refuse(options.invalidMessage);
    return undefined;
  }
  state.busy.set(true);
  state.clear();
  try {
    const result = await options.send();
    if (form && options.resetTo) form.reset(options.resetTo);
    state.status.set(options.success?.(result) ?? null);
    return result;
  } catch (failure) {
    const error = toFormError(failure);
    const handled = options.onError?.(error) ?? [];
    const orphans = form
      ? applyFieldErrors(form, error, options.aliases).filter((message) => !handled.includes(message))
      : [];
    state.refuse(formErrorText(error, orphans));
    return undefined;
  } finally {
    state.busy.set(false);
  }
}

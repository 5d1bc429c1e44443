import { afterNextRender, ElementRef, inject, Injector, signal } from '@angular/core';
import type { AbstractControl, FormGroup } from '@angular/forms';
import { type FormError, toFormError } from '../http/form-error';
import { applyFieldErrors, formErrorText } from './field-errors';
import { focusFirstInvalidField, INVALID_FIELD } from './focus';

/** One field to correct, as the error summary lists it. */
export interface ErrorSummaryEntry {
  /** The id of the element the link leads to. */
  fieldId: string;
  label: string;
  message: string;
}

/**
 * The state of one form: busy while it sends, its own error and its own confirmation. One per form,
 * so a message always sits next to the form it is about.
 */
export class FormState {
  readonly busy = signal(false);
  readonly error = signal<string | null>(null);
  readonly status = signal<string | null>(null);
  /** The fields to correct after a refusal, when a <foyer-form-error-summary> shows this state. */
  readonly summary = signal<ErrorSummaryEntry[]>([]);
  /** Set by FormErrorSummary while it shows this state. */
  summaryShown = false;

  constructor(
    private readonly host: HTMLElement,
    private readonly injector: Injector,
    /** CSS selector of the form inside the host, where focus goes after a refusal. */
    private readonly scope?: string,
  ) {}

  clear(): void {
    this.error.set(null);
    this.status.set(null);
    this.summary.set([]);
  }

  /**
   * Shows a refusal and puts the keyboard on what to correct: the error summary when the form has
   * one (it lists the invalid fields and takes the focus), else the first invalid field. `local`: the
   * form was not sent (the summary then says it all; the message shows only if no field is listed).
   */
  refuse(message: string, local = false): void {
    this.status.set(null);
    if (!this.summaryShown) {
      this.error.set(message);
      this.focusFirstInvalid();
      return;
    }
    this.error.set(local ? null : message);
    afterNextRender(
      () => {
        const entries = invalidFieldEntries(this.root());
        this.summary.set(entries);
        if (entries.length === 0) {
          this.error.set(message);
          this.focusFirstInvalid();
        }
      },
      { injector: this.injector },
    );
  }

  focusFirstInvalid(): void {
    focusFirstInvalidField(this.root(), this.injector);
  }

  private root(): HTMLElement {
    return (this.scope && this.host.querySelector<HTMLElement>(this.scope)) || this.host;
  }
}

let generatedIds = 0;

/** The invalid fields under `root`, in page order, with their label and the message shown for them. */
export function invalidFieldEntries(root: HTMLElement): ErrorSummaryEntry[] {
  const entries: ErrorSummaryEntry[] = [];
  const seen = new Set<Element>();
  for (const field of Array.from(root.querySelectorAll<HTMLElement>(INVALID_FIELD))) {
    // A Material select is marked invalid on its host and its inner parts: list it once.
    const control = field.closest('mat-select, mat-radio-group') ?? field;
    if (seen.has(control)) continue;
    seen.add(control);
    const target = control.matches('mat-radio-group')
      ? (control.querySelector<HTMLElement>('input') ?? (control as HTMLElement))
      : (control as HTMLElement);
    if (!target.id) target.id = `champ-a-corriger-${++generatedIds}`;
    entries.push({
      fieldId: target.id,
      label: labelOf(control as HTMLElement),
      message: messageOf(control as HTMLElement),
    });
  }
  return entries;
}

function textOf(element: Element | null | undefined): string {
  if (!element) return '';
  const copy = element.cloneNode(true) as Element;
  // Material's required marker « * » is aria-hidden: not part of the name.
  copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function byIds(ids: string | null): string {
  return (ids ?? '')
    .split(/\s+/)
    .map((id) => textOf(id ? document.getElementById(id) : null))
    .filter(Boolean)
    .join(' ');
}

function labelOf(field: HTMLElement): string {
  const formField = field.closest('mat-form-field');
  const label =
    textOf(formField?.querySelector('mat-label')) ||
    textOf((field as HTMLInputElement).labels?.[0]) ||
    byIds(field.getAttribute('aria-labelledby')) ||
    field.getAttribute('aria-label') ||
    textOf(field.closest('fieldset')?.querySelector('legend'));
  return label || field.getAttribute('name') || '';
}

function messageOf(field: HTMLElement): string {
  const formField = field.closest('mat-form-field');
  return textOf(formField?.querySelector('mat-error')) || byIds(field.getAttribute('aria-errormessage'));
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
    state.refuse(options.invalidMessage, true);
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

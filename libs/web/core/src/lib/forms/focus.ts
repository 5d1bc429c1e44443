import { afterNextRender, Injector } from '@angular/core';

export const INVALID_FIELD =
  'input.ng-invalid, textarea.ng-invalid, select.ng-invalid, mat-select.ng-invalid, mat-radio-group.ng-invalid, [aria-invalid="true"]';

/** After a refused submit, keyboard and screen-reader users land on the first field to correct. */
export function focusFirstInvalidField(host: HTMLElement, injector: Injector): void {
  afterNextRender(
    () => {
      const field = host.querySelector<HTMLElement>(INVALID_FIELD);
      if (!field) return;
      const target = field.matches('mat-radio-group') ? field.querySelector<HTMLElement>('input') : field;
      target?.focus();
    },
    { injector },
  );
}

/** Moves focus to an element once the view shows it (a new heading, a confirmation). */
export function focusAfterRender(find: () => HTMLElement | null | undefined, injector: Injector): void {
  afterNextRender(() => find()?.focus(), { injector });
}

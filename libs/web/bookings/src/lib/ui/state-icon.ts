import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { StateIcon } from './labels';

const PATHS: Record<StateIcon, string> = {
  check: 'M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4z',
  clock:
    'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm0 18a8 8 0 1 1 0-16 8 8 0 0 1 0 16zm.5-13H11v6l5.2 3.2.8-1.3-4.5-2.7z',
  block:
    'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zM4 12a8 8 0 0 1 12.9-6.3L5.7 16.9A7.9 7.9 0 0 1 4 12zm8 8a7.9 7.9 0 0 1-4.9-1.7L18.3 7.1A8 8 0 0 1 12 20z',
  lock: 'M18 8h-1V6a5 5 0 0 0-10 0v2H6a2 2 0 0 0-2 2v10a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V10a2 2 0 0 0-2-2zM9 6a3 3 0 0 1 6 0v2H9z',
  closed: 'M19 3H5a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h14a2 2 0 0 0 2-2V5a2 2 0 0 0-2-2zM7 11h10v2H7z',
  plus: 'M19 13h-6v6h-2v-6H5v-2h6V5h2v6h6z',
  minus: 'M19 13H5v-2h14z',
  info: 'M11 7h2v2h-2zm0 4h2v6h-2zm1-9a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm0 18a8 8 0 1 1 0-16 8 8 0 0 1 0 16z',
};

/** A small decorative icon; the text next to it says the same thing. */
@Component({
  selector: 'foyer-state-icon',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="18" height="18">
    <path fill="currentColor" [attr.d]="paths[icon()]" />
  </svg>`,
  styles: `
    :host {
      display: inline-flex;
      vertical-align: -0.2em;
      margin-right: 0.25rem;
    }
  `,
})
export class StateIconComponent {
  readonly icon = input.required<StateIcon>();
  protected readonly paths = PATHS;
}

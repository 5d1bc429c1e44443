import { Locator, Page } from 'playwright-core';

/**
 * Keyboard-only driving for the RGAA evidence journeys: Tab until an element has the focus, and on
 * the way, check that every element the focus lands on shows it (WCAG 2.4.7, RGAA 10.7).
 */

/** What the focused element is, and how its focus shows; `indicator` is null when nothing shows it. */
export interface FocusStop {
  element: string;
  indicator: string | null;
}

/**
 * Describes document.activeElement and its visible focus indicator, looked for where this app draws
 * one: its own outline or box-shadow (the global :focus-visible rule), Angular Material's strong focus
 * indicator (a ::before ring on a .mat-focus-indicator inside or around the control), or the
 * thickened outline of a focused Material form field.
 */
export async function focusStop(page: Page): Promise<FocusStop> {
  return page.evaluate(() => {
    // Focus inside a same-origin iframe or shadow root is not used by this app.
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { element: 'body', indicator: null };
    const text = (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
    const element = `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${
      el.getAttribute('role') ? '[role=' + el.getAttribute('role') + ']' : ''
    } « ${text.slice(0, 60)} »`;

    const shows = (style: CSSStyleDeclaration): string | null => {
      if (style.display === 'none' || style.visibility === 'hidden') return null;
      if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) {
        return `outline ${style.outlineWidth} ${style.outlineStyle} ${style.outlineColor}`;
      }
      if (style.boxShadow && style.boxShadow !== 'none') return `box-shadow ${style.boxShadow}`;
      return null;
    };
    const own = shows(getComputedStyle(el));
    if (own) return { element, indicator: own };

    // Material's strong focus indicator: a ring drawn by ::before once the control has the focus.
    const host = el.closest(
      '.mat-mdc-button-base, .mat-mdc-checkbox, .mat-mdc-radio-button, .mat-mdc-slide-toggle, ' +
        '.mat-mdc-option, .mat-mdc-list-item, .mat-mdc-tab, .mat-datepicker-toggle, .mat-calendar-body-cell',
    );
    const rings = [
      ...(el.classList.contains('mat-focus-indicator') ? [el] : []),
      ...Array.from(el.querySelectorAll('.mat-focus-indicator')),
      ...(host ? Array.from(host.querySelectorAll('.mat-focus-indicator')) : []),
      ...(host?.classList.contains('mat-focus-indicator') ? [host] : []),
    ];
    for (const ring of rings) {
      const before = getComputedStyle(ring, '::before');
      if (
        before.content !== 'none' &&
        before.display !== 'none' &&
        before.borderStyle !== 'none' &&
        parseFloat(before.borderWidth) > 0
      ) {
        return {
          element,
          indicator: `ring ${before.borderWidth} ${before.borderStyle} ${before.borderColor}`,
        };
      }
    }

    // A focused Material form field (input, select): its outline thickens and takes the focus colour.
    const field = el.closest('.mat-mdc-form-field');
    if (field?.classList.contains('mat-focused')) {
      const edge = field.querySelector('.mdc-notched-outline__leading');
      const style = edge ? getComputedStyle(edge) : null;
      if (style && style.borderStyle !== 'none' && parseFloat(style.borderTopWidth) >= 2) {
        return { element, indicator: `field outline ${style.borderTopWidth} ${style.borderTopColor}` };
      }
    }
    return { element, indicator: null };
  });
}

export interface TabOptions {
  /** Most key presses before giving up. */
  max?: number;
  /** 'Shift+Tab' to go backwards. */
  key?: 'Tab' | 'Shift+Tab';
}

/**
 * Presses Tab until `target` has the focus. Fails with the elements the focus passed through when
 * it is not reached within `max` presses, or at the first one that does not show its focus.
 * Returns the stops on the way (for the evidence).
 */
export async function tabTo(page: Page, target: Locator, options: TabOptions = {}): Promise<FocusStop[]> {
  const max = options.max ?? 40;
  const stops: FocusStop[] = [];
  await target.first().waitFor();
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(options.key ?? 'Tab');
    const stop = await focusStop(page);
    stops.push(stop);
    if (stop.element !== 'body' && !stop.indicator) {
      throw new Error(
        `no visible focus on ${stop.element}; passed through:\n${stops.map((s) => '  ' + s.element).join('\n')}`,
      );
    }
    if (
      await target.evaluate(
        (node) => node === document.activeElement || node.contains(document.activeElement),
      )
    ) {
      return stops;
    }
  }
  throw new Error(
    `not reached in ${max} × ${options.key ?? 'Tab'}: ${target.toString()}; passed through:\n${stops
      .map((s) => `  ${s.element} — ${s.indicator ?? 'no focus shown'}`)
      .join('\n')}`,
  );
}

/** True when `target` (or an element inside it) has the focus. */
export async function hasFocus(target: Locator): Promise<boolean> {
  return target.evaluate((node) => node === document.activeElement || node.contains(document.activeElement));
}

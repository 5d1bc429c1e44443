import {
  afterRenderEffect,
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  inject,
  input,
  OnInit,
  viewChild,
} from '@angular/core';
import type { FormState } from './submit-form';

const FOCUSABLE = 'input:not([type=hidden]), select, textarea, [tabindex]:not([tabindex="-1"])';

/**
 * The list of what to correct at the top of a refused form (RGAA 11.10 and 11.11, GOV.UK's error
 * summary): « Le formulaire contient 2 erreurs », then one link per field that puts the keyboard on
 * it. Place it once in the form's template, `<foyer-form-error-summary [state]="signIn" />`: from then
 * on submitForm() fills it on a refused submit and it takes the focus, so it is read first.
 */
@Component({
  selector: 'foyer-form-error-summary',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div role="alert">
      @if (state().summary(); as entries) {
        @if (entries.length > 0) {
          <div #box class="notice notice-error form-error-summary" tabindex="-1">
            <h2 class="summary-title">{{ title(entries.length) }}</h2>
            <ul>
              @for (entry of entries; track entry.fieldId) {
                <li>
                  <a [href]="'#' + entry.fieldId" (click)="goTo($event, entry.fieldId)"
                    >{{ entry.label }}
                    @if (entry.message) {
                      : {{ entry.message }}
                    }
                  </a>
                </li>
              }
            </ul>
          </div>
        }
      }
    </div>
  `,
  styles: `
    .summary-title {
      font-size: 1.1rem;
      margin: 0 0 0.5rem;
    }
    ul {
      margin: 0;
      padding-left: 1.25rem;
    }
    a {
      color: #5c0b0e;
    }
  `,
})
export class FormErrorSummary implements OnInit {
  readonly state = input.required<FormState>();
  private readonly box = viewChild<ElementRef<HTMLElement>>('box');

  constructor() {
    // Tell the form's state a summary shows it, so a refusal lists the fields here.
    inject(DestroyRef).onDestroy(() => (this.state().summaryShown = false));
    // Each refusal builds a new list: the focus comes back to the box, even with the same errors.
    afterRenderEffect(() => {
      if (this.state().summary().length > 0) this.box()?.nativeElement.focus();
    });
  }

  /** « Le formulaire contient 2 erreurs ». */
  protected title(count: number): string {
    return count === 1
      ? $localize`:@@rgaa.errorSummary.titleOne:Le formulaire contient 1 erreur`
      : $localize`:@@rgaa.errorSummary.titleOther:Le formulaire contient ${count}:count: erreurs`;
  }

  ngOnInit(): void {
    this.state().summaryShown = true;
  }

  protected goTo(event: Event, id: string): void {
    // The base href is "/": the link's own href would leave the page.
    event.preventDefault();
    const element = document.getElementById(id);
    if (!element) return;
    const target = element.matches(FOCUSABLE) ? element : element.querySelector<HTMLElement>(FOCUSABLE);
    (target ?? element).scrollIntoView({ block: 'center' });
    (target ?? element).focus();
  }
}

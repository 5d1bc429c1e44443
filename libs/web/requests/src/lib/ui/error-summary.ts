import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  inject,
  Injector,
  input,
  afterNextRender,
} from '@angular/core';

/** One field to correct: where it is, what it is called, what is wrong. */
export interface ProblemItem {
  id: string;
  label: string;
  message: string;
}

const FOCUSABLE = 'input:not([type=hidden]), select, textarea, [tabindex]:not([tabindex="-1"])';

/**
 * The list of what to correct, at the top of a refused form (GOV.UK's error summary): it takes the
 * focus, each line is a link that puts the keyboard on its field.
 */
@Component({
  selector: 'foyer-error-summary',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (items().length > 0 || message()) {
      <div class="notice notice-error error-summary" tabindex="-1" aria-labelledby="error-summary-title">
        <h2 id="error-summary-title" class="summary-title" i18n="@@requests.errorSummary.title">
          <strong>Erreur :</strong> {{ title() }}
        </h2>
        @if (message()) {
          <p>{{ message() }}</p>
        }
        @if (items().length > 0) {
          <ul>
            @for (item of items(); track item.id + item.message) {
              <li>
                <a [href]="'#' + item.id" (click)="goTo($event, item.id)" i18n="@@requests.errorSummary.item"
                  >{{ item.label }} : {{ item.message }}</a
                >
              </li>
            }
          </ul>
        }
      </div>
    }
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
export class ErrorSummary {
  readonly items = input<ProblemItem[]>([]);
  readonly message = input<string | null>(null);

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  protected title(): string {
    const count = this.items().length;
    if (count === 0)
      return $localize`:@@requests.errorSummary.notSaved:la demande n’a pas pu être enregistrée.`;
    return count === 1
      ? $localize`:@@requests.errorSummary.one:1 champ est à corriger.`
      : $localize`:@@requests.errorSummary.many:${count}:count: champs sont à corriger.`;
  }

  /** Puts the focus on the summary once it shows, so it is read first. */
  focus(): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>('.error-summary')?.focus(), {
      injector: this.injector,
    });
  }

  protected goTo(event: Event, id: string): void {
    event.preventDefault();
    const element = document.getElementById(id);
    if (!element) return;
    const target = element.matches(FOCUSABLE) ? element : element.querySelector<HTMLElement>(FOCUSABLE);
    (target ?? element).scrollIntoView({ block: 'center' });
    (target ?? element).focus();
  }
}

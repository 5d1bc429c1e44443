import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { HouseholdSummaryView } from '@foyer/shared/contracts';
import { ErrorAlert, fieldErrorMessage, formState, submitForm } from '@foyer/web/core';
import { BillingAdminApi } from '../data-access/billing-api';

/** « Monique Durand et Paul Durand », the way agents name a household. */
export function householdLabel(household: HouseholdSummaryView): string {
  return (
    household.guardianNames.join($localize`:@@billing.householdPicker.and: et `) ||
    $localize`:@@billing.householdPicker.noGuardian:Famille sans responsable`
  );
}

/** Search a household by a guardian's or a child's name, an e-mail or a phone; pick one. */
@Component({
  selector: 'foyer-household-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, ErrorAlert],
  template: `
    <foyer-error-alert [message]="state.error()" />
    <form class="form-row picker-form" [formGroup]="form" (ngSubmit)="search()" novalidate>
      <mat-form-field>
        <mat-label i18n="@@billing.householdPicker.query">Nom, e-mail ou téléphone</mat-label>
        <input matInput formControlName="q" type="search" required />
        <mat-error>{{ errorOf(form.controls.q, messages) }}</mat-error>
      </mat-form-field>
      <div class="actions">
        <button
          i18n="@@billing.householdPicker.search"
          mat-flat-button
          type="submit"
          [disabled]="state.busy()"
        >
          Rechercher
        </button>
      </div>
    </form>
    <div role="status">
      @if (results(); as list) {
        <p>{{ countText(list.length) }}</p>
      }
    </div>
    @if (results(); as list) {
      <ul class="plain-list results">
        @for (household of list; track household.id) {
          <li>
            <button
              mat-stroked-button
              type="button"
              [attr.aria-pressed]="selectedId() === household.id"
              (click)="choose(household)"
            >
              {{ label(household) }}
            </button>
            @if (household.childNames.length > 0) {
              <span i18n="@@billing.householdPicker.children" class="muted"
                >Enfants : {{ household.childNames.join(', ') }}</span
              >
            }
          </li>
        }
      </ul>
    }
  `,
  styles: `
    .results li {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      align-items: center;
      margin: 0.5rem 0;
    }
  `,
})
export class HouseholdPicker {
  /** The household currently picked, marked as pressed. */
  readonly selectedId = input<string | null>(null);
  readonly picked = output<HouseholdSummaryView>();

  private readonly api = inject(BillingAdminApi);
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly state = formState('.picker-form');
  protected readonly results = signal<HouseholdSummaryView[] | null>(null);
  protected readonly errorOf = fieldErrorMessage;
  protected readonly label = householdLabel;
  protected readonly messages = {
    required: $localize`:@@billing.householdPicker.required:Saisissez un nom, un e-mail ou un numéro de téléphone.`,
  };
  protected readonly form = this.fb.group({ q: ['', [Validators.required]] });

  protected countText(count: number): string {
    if (count === 0) return $localize`:@@billing.householdPicker.none:Aucune famille trouvée.`;
    return count === 1
      ? $localize`:@@billing.householdPicker.one:1 famille trouvée.`
      : $localize`:@@billing.householdPicker.many:${count}:COUNT: familles trouvées.`;
  }

  protected async search(): Promise<void> {
    const list = await submitForm({
      state: this.state,
      form: this.form,
      invalidMessage: $localize`:@@billing.householdPicker.invalid:Saisissez ce que vous cherchez.`,
      send: () => this.api.searchHouseholds(this.form.getRawValue().q.trim()),
    });
    if (list) this.results.set(list);
  }

  protected choose(household: HouseholdSummaryView): void {
    this.picked.emit(household);
  }
}

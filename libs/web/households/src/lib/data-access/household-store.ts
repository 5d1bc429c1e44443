import { computed, inject, Injectable, signal } from '@angular/core';
import type { HouseholdView } from '@foyer/shared/contracts';
import { AuthStore, toFormError } from '@foyer/web/core';
import { HouseholdsApi } from './households-api';

/** The signed-in resident's household, shared by the family pages. */
@Injectable({ providedIn: 'root' })
export class HouseholdStore {
  private readonly api = inject(HouseholdsApi);
  private readonly auth = inject(AuthStore);
  private readonly state = signal<HouseholdView | null>(null);
  private readonly busy = signal(false);
  private readonly failure = signal<string | null>(null);
  /** Whose household `state` is: another person signing in on this tab must not see it. */
  private ownerId: string | null = null;

  readonly household = this.state.asReadonly();
  readonly loading = this.busy.asReadonly();
  readonly error = this.failure.asReadonly();
  /** A confirmation to show on the next page (« Léa a été ajoutée. »), read once. */
  readonly flash = signal<string | null>(null);
  readonly children = computed(() => this.state()?.children ?? []);
  readonly contacts = computed(() => this.state()?.contacts ?? []);

  async load(): Promise<void> {
    const userId = this.auth.me()?.id ?? null;
    if (userId !== this.ownerId) {
      this.state.set(null);
      this.ownerId = userId;
    }
    this.busy.set(true);
    this.failure.set(null);
    try {
      this.state.set(await this.api.household());
    } catch (error) {
      this.failure.set(toFormError(error).message);
    } finally {
      this.busy.set(false);
    }
  }

  /** After a call that answers the whole household (address update). */
  replace(household: HouseholdView): void {
    this.state.set(household);
  }

  takeFlash(): string | null {
    const message = this.flash();
    this.flash.set(null);
    return message;
  }
}

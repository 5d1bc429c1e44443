import { computed, inject, Injectable, signal } from '@angular/core';
import type { DecideQuotientRequest, PendingQuotientView } from '@foyer/shared/contracts';
import { toFormError } from '@foyer/web/core';
import { AgentApi } from './agent-api';

/** Quotients familiaux waiting for an agent, oldest first: first declared, first served. */
@Injectable({ providedIn: 'root' })
export class PendingQuotientsStore {
  private readonly api = inject(AgentApi);
  private readonly list = signal<PendingQuotientView[]>([]);
  private readonly busy = signal(false);
  private readonly loaded = signal(false);
  private readonly failure = signal<string | null>(null);

  readonly quotients = computed(() =>
    [...this.list()].sort((a, b) => a.submittedAt.localeCompare(b.submittedAt)),
  );
  readonly count = computed(() => this.list().length);
  readonly loading = this.busy.asReadonly();
  readonly ready = this.loaded.asReadonly();
  readonly error = this.failure.asReadonly();
  /** The quotient whose decision is being sent. */
  readonly deciding = signal<string | null>(null);

  async load(): Promise<void> {
    this.busy.set(true);
    this.failure.set(null);
    try {
      this.list.set(await this.api.pendingQuotients());
      this.loaded.set(true);
    } catch (error) {
      this.failure.set(toFormError(error).message);
    } finally {
      this.busy.set(false);
    }
  }

  /** Sends the decision; on success the quotient leaves the list. Rejects with the form error. */
  async decide(quotient: PendingQuotientView, request: DecideQuotientRequest): Promise<void> {
    this.deciding.set(quotient.id);
    try {
      await this.api.decide(quotient.id, request);
      this.list.update((all) => all.filter((q) => q.id !== quotient.id));
    } catch (error) {
      throw toFormError(error);
    } finally {
      this.deciding.set(null);
    }
  }
}

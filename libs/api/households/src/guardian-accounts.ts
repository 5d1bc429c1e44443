import type { AccountSummary } from '@foyer/api/core';

export type { AccountSummary };

/**
 * The accounts domain as households sees it: the same method names as the accounts service
 * (`findByIds`, `findByEmail`, `searchIds`, `anonymise`): HouseholdsModule binds AccountsService to it. Depending
 * on this narrow port keeps what households needs of accounts visible in one place.
 */
export abstract class GuardianAccounts {
  abstract findByIds(ids: string[]): Promise<AccountSummary[]>;
  abstract findByEmail(email: string): Promise<AccountSummary | null>;
  /**
   * Blanks a person's identity (RGPD closure). Must be idempotent (an account already anonymised is
   * left as it is): a closure that failed half-way is retried from the start.
   */
  abstract anonymise(userId: string, actor?: { id: string; role: string } | null): Promise<void>;
  /** Ids of accounts whose name, e-mail or phone contains the text (agent search). */
  abstract searchIds(text: string, limit: number): Promise<string[]>;
}

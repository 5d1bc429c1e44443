import type { MeView } from '@foyer/shared/contracts';

/** What other domains may know of an account (the accounts domain answers with it): who, and how to reach them. */
export type AccountSummary = Pick<MeView, 'id' | 'email' | 'firstName' | 'lastName' | 'phone' | 'role'>;

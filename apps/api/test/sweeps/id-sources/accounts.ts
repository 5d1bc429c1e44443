import type { IdSource } from '../support/world';

/** An agent account (admin routes). */
export const accountsIds: IdSource = async ({ agents }) => ({ agentId: agents.enfance.id ?? '' });

import { Role } from '@foyer/shared/contracts';

/** What other domains may know of an account: the accounts domain answers with it. */
export interface AccountSummary {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  phone: string | null;
  role: Role;
}

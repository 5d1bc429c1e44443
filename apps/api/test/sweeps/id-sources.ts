import { accountsIds } from './id-sources/accounts';
import { announcementsIds } from './id-sources/announcements';
import { cityIds } from './id-sources/city';
import { householdsIds } from './id-sources/households';
import { notificationsIds } from './id-sources/notifications';
import { bookingsIds } from './id-sources/bookings';
import { requestsIds } from './id-sources/requests';
import { billingIds } from './id-sources/billing';
import { paymentsIds } from './id-sources/payments';
import { kioskIds } from './id-sources/kiosk';
import type { IdSource } from './support/world';

/**
 * Where the sweeps find real ids of household A's objects (and of the city, for public routes).
 * Each domain adds ONE function here (see docs/architecture.md, "Route sweeps"): it creates or
 * looks up A's objects through the API, as A or as an admin, and returns them by path-parameter
 * name (`childId`, `invoiceId`…). An operation whose path parameter no source fills fails the sweeps.
 */
export const ID_SOURCES: IdSource[] = [
  cityIds,
  accountsIds,
  householdsIds,
  notificationsIds,
  bookingsIds,
  requestsIds,
  announcementsIds,
  billingIds,
  paymentsIds,
  kioskIds,
];

import { AuditEntryEntity } from '@foyer/api/core';
import { cityEntities } from '@foyer/api/city/entities';
import { householdsEntities } from '@foyer/api/households/entities';
import { accountsEntities } from '@foyer/api/accounts/entities';
import { notificationsEntities } from '@foyer/api/notifications/entities';
import { billingEntities } from '@foyer/api/billing/entities';
import { paymentsEntities } from '@foyer/api/payments/entities';
import { bookingsEntities } from '@foyer/api/bookings/entities';
import { requestsEntities } from '@foyer/api/requests/entities';
import { announcementsEntities } from '@foyer/api/announcements/entities';
import { kioskEntities } from '@foyer/api/kiosk/entities';

/** Every entity of every domain: what the migration generator compares the schema against. */
export const allEntities = [
  AuditEntryEntity,
  ...cityEntities,
  ...accountsEntities,
  ...householdsEntities,
  ...notificationsEntities,
  ...billingEntities,
  ...paymentsEntities,
  ...bookingsEntities,
  ...requestsEntities,
  ...announcementsEntities,
  ...kioskEntities,
];

import { AuditEntryEntity } from '@foyer/api/core';
import { cityEntities } from '@foyer/api/city/entities';
import { householdsEntities } from '@foyer/api/households/entities';
import { accountsEntities } from '@foyer/api/accounts/entities';
import { notificationsEntities } from '@foyer/api/notifications/entities';
import { bookingsEntities } from '@foyer/api/bookings/entities';
import { requestsEntities } from '@foyer/api/requests/entities';

/** Every entity of every domain: what the migration generator compares the schema against. */
export const allEntities = [
  AuditEntryEntity,
  ...cityEntities,
  ...accountsEntities,
  ...householdsEntities,
  ...notificationsEntities,
  ...bookingsEntities,
  ...requestsEntities,
];

import { AuditEntryEntity } from '@foyer/api/core';
import { cityEntities } from '@foyer/api/city';
import { householdsEntities } from '@foyer/api/households';
import { accountsEntities } from '@foyer/api/accounts';
import { notificationsEntities } from '@foyer/api/notifications/entities';

/** Every entity of every domain: what the migration generator compares the schema against. */
export const allEntities = [
  AuditEntryEntity,
  ...cityEntities,
  ...accountsEntities,
  ...householdsEntities,
  ...notificationsEntities,
];

import { DataSource } from 'typeorm';
import { seedCity } from '@foyer/api/city';
import { seedHouseholds } from '@foyer/api/households';
import { seedAccounts } from '@foyer/api/accounts';
import { seedNotifications } from '@foyer/api/notifications';
import { seedRequests } from '@foyer/api/requests';

/**
 * The demo city. Every step upserts on natural keys, so seeding twice changes nothing. With
 * `documentsDir`, the demo family's CAF attestation is stored there.
 */
export async function seedDemo(
  dataSource: DataSource,
  options: { documentsDir?: string } = {},
): Promise<void> {
  await seedCity(dataSource);
  await seedAccounts(dataSource);
  await seedHouseholds(dataSource, options);
  await seedNotifications(dataSource);
  await seedRequests(dataSource);
}

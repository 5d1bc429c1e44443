import { DataSource } from 'typeorm';
import { seedCity } from '@foyer/api/city';
import { seedHouseholds } from '@foyer/api/households';
import { seedAccounts } from '@foyer/api/accounts';
import { seedNotifications } from '@foyer/api/notifications';
import { seedBookings } from '@foyer/api/bookings';
import { seedBilling } from '@foyer/api/billing';
import { parisDateOf } from '@foyer/shared/domain';
import { seedRequests } from '@foyer/api/requests';
import { seedAnnouncements } from '@foyer/api/announcements';
import { seedKiosk } from '@foyer/api/kiosk';

/**
 * The demo city. Every step upserts on natural keys, so seeding twice changes nothing. With
 * `documentsDir`, the demo family's CAF attestation is stored there. Bookings are laid around `today`
 * (default: FOYER_NOW's date, or the real one).
 */
export async function seedDemo(
  dataSource: DataSource,
  options: { documentsDir?: string; today?: string } = {},
): Promise<void> {
  await seedCity(dataSource);
  await seedAccounts(dataSource);
  await seedHouseholds(dataSource, options);
  await seedNotifications(dataSource);
  // Bookings around today (FOYER_NOW's day in demos), so the calendar is alive on the first start.
  const now = process.env['FOYER_NOW'] ? new Date(process.env['FOYER_NOW']) : new Date();
  const today = options.today ?? parisDateOf(Number.isNaN(now.getTime()) ? new Date() : now);
  await seedBookings(dataSource, { today });
  // Tariffs for every activity, and the demo family's last two invoices (one paid, one to pay).
  await seedBilling(dataSource, { today });
  await seedRequests(dataSource);
  await seedAnnouncements(dataSource);
  await seedKiosk(dataSource);
}

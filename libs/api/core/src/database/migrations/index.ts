import type { MigrationInterface } from 'typeorm';
// Every migration, in order. `npm run db:migration:generate -- Name` writes a file here and adds it
// to this list; a unit test fails when a migration file is missing from it.
// @migration-imports
import { AddKioskConfirmation1796405675547 } from './1796405675547-AddKioskConfirmation';
import { AddKiosk1796400613643 } from './1796400613643-AddKiosk';
import { LinkAnnouncementsToActivities1796325764795 } from './1796325764795-LinkAnnouncementsToActivities';
import { CreateBookings1796320700801 } from './1796320700801-CreateBookings';
import { CreateBilling1796320770641 } from './1796320770641-CreateBilling';
import { CreateRequests1796321253304 } from './1796321253304-CreateRequests';
import { AddPushSubscriptions1796321614437 } from './1796321614437-AddPushSubscriptions';
import { AddAnnouncements1796320774908 } from './1796320774908-AddAnnouncements';
import { AddMessageDocumentType1796312936146 } from './1796312936146-AddMessageDocumentType';
import { AddHouseholdForeignKeys1796309063956 } from './1796309063956-AddHouseholdForeignKeys';
import { DropHouseholdNotifySwitches1796309561595 } from './1796309561595-DropHouseholdNotifySwitches';
import { CreateNotifications1796307180955 } from './1796307180955-CreateNotifications';
import { AddSessionVersion1796308715524 } from './1796308715524-AddSessionVersion';
import { CreateHouseholds1795775564978 } from './1795775564978-CreateHouseholds';
import { CreateAccounts1795775481136 } from './1795775481136-CreateAccounts';
import { CreateAuditLog1795774967924 } from './1795774967924-CreateAuditLog';
import { CreateCity1795774709420 } from './1795774709420-CreateCity';

type MigrationClass = new () => MigrationInterface;

export const migrations: MigrationClass[] = [
  CreateCity1795774709420,
  CreateAuditLog1795774967924,
  CreateAccounts1795775481136,
  CreateHouseholds1795775564978,
  CreateNotifications1796307180955,
  AddSessionVersion1796308715524,
  AddHouseholdForeignKeys1796309063956,
  DropHouseholdNotifySwitches1796309561595,
  AddMessageDocumentType1796312936146,
  CreateBookings1796320700801,
  CreateBilling1796320770641,
  AddAnnouncements1796320774908,
  CreateRequests1796321253304,
  AddPushSubscriptions1796321614437,
  LinkAnnouncementsToActivities1796325764795,
  AddKiosk1796400613643,
  AddKioskConfirmation1796405675547,
];

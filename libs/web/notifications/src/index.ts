export * from './lib/notifications.routes';
// Pieces other pages insert: the header bell, the account page's preferences, the family file's messages.
export { NotificationBell } from './lib/ui/notification-bell';
export { NotificationPreferences } from './lib/feature/notification-preferences';
export { HouseholdMessages } from './lib/ui/household-messages';

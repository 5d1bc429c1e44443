export * from './lib/announcements.routes';
// The home page's news section (the app hands it to web/core's HomePage) and the text renderer.
export { HomeAnnouncements } from './lib/ui/home-announcements';
export { AnnouncementText } from './lib/ui/announcement-text';

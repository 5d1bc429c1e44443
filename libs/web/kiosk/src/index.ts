export * from './lib/kiosk.routes';
// Mounted by the app on every page (web/core cannot import a feature lib).
export { KioskFrame } from './lib/feature/kiosk-frame';

export * from './kiosk.module';
export { KioskService } from './kiosk.service';
export type { KioskTerminal } from './kiosk.service';
export { seedKiosk } from './seed/seed-kiosk';

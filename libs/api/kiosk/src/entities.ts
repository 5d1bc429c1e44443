/**
 * The tables of the kiosk domain, for apps/api only (it assembles every domain's entities for
 * TypeORM and the migration generator): `@foyer/api/kiosk/entities`.
 */
import { KioskSessionEntity } from './entities/kiosk-session.entity';
import { KioskSignInRequestEntity } from './entities/kiosk-sign-in-request.entity';
import { KioskTerminalEntity } from './entities/kiosk-terminal.entity';

export { KioskSessionEntity, KioskSignInRequestEntity, KioskTerminalEntity };
export const kioskEntities = [KioskTerminalEntity, KioskSignInRequestEntity, KioskSessionEntity];

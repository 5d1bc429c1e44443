import { MeView, permissionsOf } from '@foyer/shared/contracts';
import { UserEntity } from './entities';

export function toMeView(user: UserEntity): MeView {
  return {
    id: user.id,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    phone: user.phone,
    role: user.role,
    scopes: user.scopes ?? [],
    permissions: [...permissionsOf({ role: user.role, scopes: user.scopes ?? [] })],
    emailVerified: user.emailVerifiedAt !== null,
    franceConnectLinked: user.franceConnectSub !== null,
  };
}

/** May this account open or keep a session? */
export function canSignIn(user: UserEntity): boolean {
  return user.active && user.anonymisedAt === null;
}

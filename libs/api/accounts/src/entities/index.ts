import { LoginAttemptEntity } from './login-attempt.entity';
import { LoginLockEntity } from './login-lock.entity';
import { RefreshTokenEntity } from './refresh-token.entity';
import { UserTokenEntity } from './user-token.entity';
import { UserEntity } from './user.entity';

export * from './login-attempt.entity';
export * from './login-lock.entity';
export * from './refresh-token.entity';
export * from './user-token.entity';
export * from './user.entity';

export const accountsEntities = [
  UserEntity,
  UserTokenEntity,
  RefreshTokenEntity,
  LoginAttemptEntity,
  LoginLockEntity,
];

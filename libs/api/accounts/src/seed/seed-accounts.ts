import { AgentScope, Role } from '@foyer/shared/contracts';
import { DataSource } from 'typeorm';
import { UserEntity } from '../entities';
import { hashPassword, verifyPassword } from '../passwords/password-policy';

/** The demo accounts. Other seeds find them by e-mail (the parent gets a household). */
export const DEMO_ACCOUNTS = {
  parent: {
    email: 'parent@demo.test',
    password: 'Demo-parent-2026!',
    firstName: 'Camille',
    lastName: 'Martin',
    phone: '0612345678',
    role: Role.Resident,
    scopes: [] as AgentScope[],
  },
  agent: {
    email: 'agent@demo.test',
    password: 'Demo-agent-2026!',
    firstName: 'Karim',
    lastName: 'Benali',
    phone: null,
    role: Role.Agent,
    scopes: [AgentScope.Enfance, AgentScope.Facturation, AgentScope.Demarches],
  },
  admin: {
    email: 'admin@demo.test',
    password: 'Demo-admin-2026!',
    firstName: 'Sophie',
    lastName: 'Durand',
    phone: null,
    role: Role.Admin,
    scopes: [] as AgentScope[],
  },
} as const;

/** Upserts the demo accounts by e-mail; a password that already verifies is not hashed again. */
export async function seedAccounts(dataSource: DataSource): Promise<void> {
  const users = dataSource.getRepository(UserEntity);
  for (const account of Object.values(DEMO_ACCOUNTS)) {
    const existing = await users
      .createQueryBuilder('u')
      .where('lower(u.email) = :email', { email: account.email })
      .getOne();
    const wanted = {
      firstName: account.firstName,
      lastName: account.lastName,
      phone: account.phone,
      role: account.role,
      scopes: [...account.scopes],
      active: true,
    };
    if (!existing) {
      await users.insert({
        email: account.email,
        passwordHash: await hashPassword(account.password),
        emailVerifiedAt: new Date(),
        ...wanted,
      });
      continue;
    }
    const changes: Partial<UserEntity> = {};
    for (const [key, value] of Object.entries(wanted) as [keyof typeof wanted, unknown][]) {
      if (JSON.stringify(existing[key]) !== JSON.stringify(value))
        (changes as Record<string, unknown>)[key] = value;
    }
    if (!existing.passwordHash || !(await verifyPassword(existing.passwordHash, account.password))) {
      changes.passwordHash = await hashPassword(account.password);
    }
    if (!existing.emailVerifiedAt) changes.emailVerifiedAt = new Date();
    if (Object.keys(changes).length > 0) await users.update({ id: existing.id }, changes);
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import { MeView } from '@foyer/shared/contracts';
import { foldText } from '@foyer/shared/domain';
import { AuditService, AuthenticatedUser, escapeLike, foldSql, NotFoundError } from '@foyer/api/core';
import type { AccountSummary } from '@foyer/api/core';
import { RefreshTokenEntity, UserEntity, UserTokenEntity } from './entities';
import { normaliseEmail } from './tokens';
import { canSignIn, toMeView } from './users';

function toSummary(user: UserEntity): AccountSummary {
  return {
    id: user.id,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    phone: user.phone,
    role: user.role,
  };
}

/** The accounts domain as other domains see it: look people up, close an account (RGPD). */
@Injectable()
export class AccountsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly audit: AuditService,
  ) {}

  async findById(id: string): Promise<AccountSummary | null> {
    const user = await this.users.findOneBy({ id });
    return user ? toSummary(user) : null;
  }

  async findByIds(ids: string[]): Promise<AccountSummary[]> {
    if (ids.length === 0) return [];
    const users = await this.users.findBy({ id: In([...new Set(ids)]) });
    return users.map(toSummary);
  }

  async findByEmail(email: string): Promise<AccountSummary | null> {
    const user = await this.users
      .createQueryBuilder('u')
      .where('lower(u.email) = :email', { email: normaliseEmail(email) })
      .getOne();
    return user ? toSummary(user) : null;
  }

  /**
   * Ids of residents whose name, e-mail or phone contains the text (agent search), ignoring case and
   * accents ("Hélène" finds "helene"); a phone matches on its digits whatever the spacing.
   */
  async searchIds(text: string, limit: number): Promise<string[]> {
    const folded = foldText(text).trim();
    if (folded.length < 2) return [];
    const digits = text.replace(/\D/g, '');
    const pattern = `%${escapeLike(folded)}%`;
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM users
        WHERE role = 'resident' AND anonymised_at IS NULL AND (
              ${foldSql("first_name || ' ' || last_name")} LIKE $1
           OR ${foldSql("last_name || ' ' || first_name")} LIKE $1
           OR lower(email) LIKE $1
           OR ($2 <> '' AND regexp_replace(coalesce(phone, ''), '\\D', '', 'g') LIKE '%' || $2 || '%'))
        ORDER BY last_name, first_name
        LIMIT $3`,
      [pattern, digits.length >= 4 ? digits : '', Math.min(limit, 200)],
    );
    return rows.map((r) => r.id);
  }

  /**
   * The person's current session version, to mint an access token outside a sign-in (a kiosk
   * session): signing out everywhere then ends it too. Null when the account may not sign in.
   */
  async sessionVersionOf(id: string): Promise<number | null> {
    const user = await this.users.findOneBy({ id });
    return user && canSignIn(user) ? user.sessionVersion : null;
  }

  async getMe(id: string): Promise<MeView> {
    const user = await this.users.findOneBy({ id });
    if (!user || !canSignIn(user)) throw new NotFoundError('Ce compte est introuvable.');
    return toMeView(user);
  }

  /**
   * Closes an account (RGPD): personal fields are blanked, sign-in is off, every session and link is
   * revoked. The row stays so that bookings and invoices keep a (now anonymous) owner.
   */
  async anonymise(
    userId: string,
    actor: Pick<AuthenticatedUser, 'id' | 'role'> | null = null,
  ): Promise<void> {
    await this.db.transaction(async (manager) => {
      const user = await manager.getRepository(UserEntity).findOneBy({ id: userId });
      if (!user) throw new NotFoundError('Ce compte est introuvable.');
      if (user.anonymisedAt) return;
      const now = new Date();
      await manager.getRepository(UserEntity).update(
        { id: userId },
        {
          email: `anonyme-${userId}@foyer.invalid`,
          passwordHash: null,
          firstName: 'Anonyme',
          lastName: '',
          phone: null,
          birthDate: null,
          franceConnectSub: null,
          emailVerifiedAt: null,
          scopes: [],
          active: false,
          anonymisedAt: now,
        },
      );
      await manager.getRepository(RefreshTokenEntity).update({ userId }, { revokedAt: now });
      await manager.getRepository(UserTokenEntity).delete({ userId });
      await this.audit.record(
        { actor, action: 'user.anonymise', entity: 'user', entityId: userId, details: {} },
        manager,
      );
    });
  }
}

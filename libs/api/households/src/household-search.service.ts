import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { HouseholdSummaryView } from '@foyer/shared/contracts';
import { foldText } from '@foyer/shared/domain';
import { escapeLike, foldSql } from '@foyer/api/core';
import { ChildEntity, GuardianEntity, HouseholdEntity } from './entities';
import { GuardianAccounts } from './guardian-accounts';
import { HouseholdAccess } from './household-access';

const SEARCH_LIMIT = 50;

/**
 * Agents find a family by a guardian's name, e-mail or phone (asked of the accounts domain) or a
 * child's name, ignoring case and accents.
 */
@Injectable()
export class HouseholdSearchService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: HouseholdAccess,
    private readonly accounts: GuardianAccounts,
  ) {}

  async search(text: string | undefined): Promise<HouseholdSummaryView[]> {
    const ids = await this.matchingIds((text ?? '').trim());
    if (ids.length === 0) return [];
    const [guardians, children] = await Promise.all([
      this.access.guardiansOf(ids),
      this.dataSource
        .getRepository(ChildEntity)
        .find({ where: { householdId: In(ids) }, order: { birthDate: 'ASC' } }),
    ]);
    return ids.map((id) => {
      const g = guardians.get(id) ?? [];
      return {
        id,
        guardianNames: g.map((x) => `${x.firstName} ${x.lastName}`.trim()).filter(Boolean),
        emails: g.map((x) => x.email).filter(Boolean),
        phones: g.map((x) => x.phone).filter((p): p is string => !!p),
        childNames: children.filter((c) => c.householdId === id).map((c) => `${c.firstName} ${c.lastName}`),
      };
    });
  }

  /** The newest households for an empty search; else those whose guardians or children match. */
  private async matchingIds(text: string): Promise<string[]> {
    if (text.length === 0) {
      const rows = await this.dataSource
        .getRepository(HouseholdEntity)
        .find({ select: { id: true }, order: { createdAt: 'DESC' }, take: SEARCH_LIMIT });
      return rows.map((r) => r.id);
    }
    const pattern = `%${escapeLike(foldText(text))}%`;
    const [childRows, userIds] = await Promise.all([
      this.dataSource.query(
        `SELECT DISTINCT household_id FROM children
          WHERE ${foldSql(`first_name || ' ' || last_name`)} LIKE $1 OR ${foldSql(`last_name || ' ' || first_name`)} LIKE $1
          LIMIT ${SEARCH_LIMIT}`,
        [pattern],
      ) as Promise<{ household_id: string }[]>,
      this.accounts.searchIds(text, SEARCH_LIMIT),
    ]);
    const guardianRows = userIds.length
      ? await this.dataSource.getRepository(GuardianEntity).findBy({ userId: In(userIds) })
      : [];
    return [
      ...new Set([...guardianRows.map((g) => g.householdId), ...childRows.map((r) => r.household_id)]),
    ].slice(0, SEARCH_LIMIT);
  }
}

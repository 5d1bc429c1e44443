import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { HouseholdSummaryView } from '@foyer/shared/contracts';
import { foldText } from '@foyer/shared/domain';
import { escapeLike, foldSql } from '@foyer/api/core';
import { GuardianAccounts } from './guardian-accounts';

const SEARCH_LIMIT = 50;

interface SummaryRow {
  id: string;
  guardians: { userId: string }[];
  children: string[];
}

/**
 * Agents find a family by a guardian's name, e-mail or phone (asked of the accounts domain) or a
 * child's name, ignoring case and accents. Three statements: the matching accounts, the matching
 * households with their guardians and children, the guardians' names.
 */
@Injectable()
export class HouseholdSearchService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: GuardianAccounts,
  ) {}

  async search(text: string | undefined): Promise<HouseholdSummaryView[]> {
    const q = (text ?? '').trim();
    // Households whose guardians match come first, then those whose children do; or the newest.
    const [matched, params] =
      q.length === 0
        ? [
            `SELECT id AS household_id, row_number() OVER (ORDER BY created_at DESC) AS ord FROM households ORDER BY created_at DESC LIMIT ${SEARCH_LIMIT}`,
            [],
          ]
        : [
            `SELECT household_id, row_number() OVER (ORDER BY min(rank), household_id) AS ord FROM (
                SELECT household_id, 0 AS rank FROM household_guardians WHERE user_id = ANY($1::uuid[])
                UNION ALL
                SELECT household_id, 1 FROM children
                 WHERE ${foldSql(`first_name || ' ' || last_name`)} LIKE $2
                    OR ${foldSql(`last_name || ' ' || first_name`)} LIKE $2
              ) m GROUP BY household_id ORDER BY ord LIMIT ${SEARCH_LIMIT}`,
            [await this.accounts.searchIds(q, SEARCH_LIMIT), `%${escapeLike(foldText(q))}%`],
          ];
    const rows: SummaryRow[] = await this.dataSource.query(
      `SELECT m.household_id AS id,
         (SELECT coalesce(json_agg(json_build_object('userId', g.user_id) ORDER BY g.rank), '[]')
            FROM household_guardians g WHERE g.household_id = m.household_id) AS guardians,
         (SELECT coalesce(json_agg(c.first_name || ' ' || c.last_name ORDER BY c.birth_date, c.id), '[]')
            FROM children c WHERE c.household_id = m.household_id) AS children
       FROM (${matched}) m ORDER BY m.ord`,
      params,
    );
    const userIds = [...new Set(rows.flatMap((r) => r.guardians.map((g) => g.userId)))];
    const accounts = new Map(
      (userIds.length ? await this.accounts.findByIds(userIds) : []).map((a) => [a.id, a]),
    );
    return rows.map((row) => {
      const guardians = row.guardians.flatMap((g) => accounts.get(g.userId) ?? []);
      return {
        id: row.id,
        guardianNames: guardians.map((x) => `${x.firstName} ${x.lastName}`.trim()).filter(Boolean),
        emails: guardians.map((x) => x.email).filter(Boolean),
        phones: guardians.map((x) => x.phone).filter((p): p is string => !!p),
        childNames: row.children,
      };
    });
  }
}

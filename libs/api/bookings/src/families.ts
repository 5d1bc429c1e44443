import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Diet } from '@foyer/shared/contracts';
import { NotFoundError } from '@foyer/api/core';
import type { NotificationRecipient } from '@foyer/api/notifications';
import { Actor, HouseholdAccess } from '@foyer/api/households';

export interface ChildRef {
  id: string;
  householdId: string;
  firstName: string;
  lastName: string;
  schoolSiteId: string | null;
}

export interface ChildCare extends ChildRef {
  classLevel: string | null;
  allergies: string | null;
  diet: Diet;
  pai: boolean;
  authorisedPickups: { name: string; phone: string | null; relation: string | null }[];
}

/**
 * What bookings reads of the households domain. Ownership goes through HouseholdAccess (the
 * resident's household); the rows themselves are read in SQL, through the caller's EntityManager
 * when inside a transaction (the embedded database has a single connection). These are reads of
 * households' tables only (children, guardians, contacts): bookings never writes them.
 */
@Injectable()
export class Families {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: HouseholdAccess,
  ) {}

  householdOf(user: Actor): Promise<string> {
    return this.access.householdIdOf(user);
  }

  /** The child if it belongs to the caller's household; any other id is "not found". */
  async ownChild(user: Actor, childId: string): Promise<ChildRef> {
    const householdId = await this.access.householdIdOf(user);
    const child = await this.child(childId);
    if (!child || child.householdId !== householdId) throw new NotFoundError('Cet enfant est introuvable.');
    return child;
  }

  async child(childId: string, m: EntityManager = this.dataSource.manager): Promise<ChildRef | null> {
    const rows: ChildRow[] = await m.query(
      `SELECT c.id, c.household_id, c.first_name, c.last_name, c.school_site_id
         FROM children c JOIN households h ON h.id = c.household_id
        WHERE c.id = $1 AND h.closed_at IS NULL`,
      [childId],
    );
    return rows[0] ? toChildRef(rows[0]) : null;
  }

  async children(ids: string[], m: EntityManager = this.dataSource.manager): Promise<Map<string, ChildCare>> {
    if (ids.length === 0) return new Map();
    const rows: (ChildRow & {
      class_level: string | null;
      allergies: string | null;
      diet: Diet;
      pai: boolean;
      pickups: { name: string; phone: string | null; relation: string | null }[];
    })[] = await m.query(
      `SELECT c.id, c.household_id, c.first_name, c.last_name, c.school_site_id, c.class_level,
              c.allergies, c.diet, c.pai,
              coalesce((SELECT json_agg(json_build_object('name', hc.first_name || ' ' || hc.last_name,
                         'phone', hc.phone, 'relation', hc.relationship) ORDER BY hc.last_name, hc.first_name)
                  FROM child_pickup_contacts p JOIN household_contacts hc ON hc.id = p.contact_id
                 WHERE p.child_id = c.id), '[]') AS pickups
         FROM children c WHERE c.id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(
      rows.map((r) => [
        r.id,
        {
          ...toChildRef(r),
          classLevel: r.class_level,
          allergies: r.allergies,
          diet: r.diet,
          pai: r.pai,
          authorisedPickups: r.pickups,
        },
      ]),
    );
  }

  /** The guardians of households with their current e-mail, to notify them inside a transaction. */
  async recipients(m: EntityManager, householdIds: string[]): Promise<Map<string, NotificationRecipient[]>> {
    const result = new Map<string, NotificationRecipient[]>();
    if (householdIds.length === 0) return result;
    const rows: { household_id: string; user_id: string; email: string | null }[] = await m.query(
      `SELECT g.household_id, g.user_id, u.email
         FROM household_guardians g JOIN users u ON u.id = g.user_id
        WHERE g.household_id = ANY($1::uuid[]) AND u.active
        ORDER BY g.rank`,
      [[...new Set(householdIds)]],
    );
    for (const row of rows) {
      const list = result.get(row.household_id) ?? [];
      list.push({ userId: row.user_id, email: row.email, householdId: row.household_id });
      result.set(row.household_id, list);
    }
    return result;
  }

  /** Locks the household row in the caller's transaction (a closed household refuses). */
  lockHousehold(m: EntityManager, householdId: string): Promise<unknown> {
    return this.access.lockHousehold(m, householdId);
  }

  /** Opens a household write (lock, audit, one transaction): see HouseholdAccess.write. */
  write: HouseholdAccess['write'] = (householdId, actor, fn) => this.access.write(householdId, actor, fn);
}

interface ChildRow {
  id: string;
  household_id: string;
  first_name: string;
  last_name: string;
  school_site_id: string | null;
}

function toChildRef(r: ChildRow): ChildRef {
  return {
    id: r.id,
    householdId: r.household_id,
    firstName: r.first_name,
    lastName: r.last_name,
    schoolSiteId: r.school_site_id,
  };
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, EntityTarget, In } from 'typeorm';
import {
  AddressView,
  AuditEntryView,
  DocumentType,
  GuardianView,
  HouseholdView,
  QuotientStatus,
} from '@foyer/shared/contracts';
import { addDays } from '@foyer/shared/domain';
import { AuditService, Clock, ConflictError, NotFoundError } from '@foyer/api/core';
import type { AuditRecord, AuthenticatedUser } from '@foyer/api/core';
import { CityService } from '@foyer/api/city';
import {
  ChildEntity,
  ContactEntity,
  DocumentEntity,
  GuardianEntity,
  HouseholdEntity,
  QuotientEntity,
} from './entities';
import { DocumentTypeFilter } from './document-access';
import { AccountSummary, GuardianAccounts } from './guardian-accounts';
import { EXPIRY_WARNING_DAYS, toChildView, toContactView, toDocumentView, toQuotientView } from './mappers';

/** Who acts: a resident on their own household, or an agent on the family's behalf. */
export type Actor = Pick<AuthenticatedUser, 'id' | 'role'>;

/** What a write gets: the transaction, the locked household, and the audit log of this household. */
export interface HouseholdWrite {
  m: EntityManager;
  household: HouseholdEntity;
  /** Records an entry in the same transaction, by the writing actor, on this household. */
  audit(entry: Omit<AuditRecord, 'actor' | 'householdId'>): Promise<void>;
}

/**
 * Which household a person reaches and how a household is read and written: the one service every
 * household domain (quotients, documents, privacy, later bookings and billing) depends on.
 * Ownership is decided here: a resident reaches only the household they belong to, and an id from
 * another household is "not found".
 */
@Injectable()
export class HouseholdAccess {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly city: CityService,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly accounts: GuardianAccounts,
  ) {}

  async findHouseholdIdOf(userId: string): Promise<string | null> {
    const guardian = await this.dataSource.getRepository(GuardianEntity).findOneBy({ userId });
    return guardian?.householdId ?? null;
  }

  /** The resident's household; a resident who has none gets an empty one, as its first guardian. */
  async householdIdOf(user: Actor): Promise<string> {
    const existing = await this.findHouseholdIdOf(user.id);
    if (existing) return existing;
    try {
      return await this.dataSource.transaction(async (m) => {
        const household = await m
          .getRepository(HouseholdEntity)
          .save(m.getRepository(HouseholdEntity).create({}));
        await m.getRepository(GuardianEntity).insert({ householdId: household.id, userId: user.id, rank: 1 });
        await this.audit.record(
          {
            actor: user,
            action: 'household.create',
            entity: 'household',
            entityId: household.id,
            householdId: household.id,
          },
          m,
        );
        return household.id;
      });
    } catch (error) {
      // Two first requests at once: the unique key on user_id let one win; use its household.
      const winner = await this.findHouseholdIdOf(user.id);
      if (winner) return winner;
      throw error;
    }
  }

  /** An agent names a household by id: it must exist. */
  async requireHousehold(householdId: string): Promise<HouseholdEntity> {
    const household = await this.dataSource.getRepository(HouseholdEntity).findOneBy({ id: householdId });
    if (!household) throw new NotFoundError('Ce foyer est introuvable.');
    return household;
  }

  /**
   * Locks the household row for the rest of the transaction: edits of one household run one at a time.
   * Every write goes through here, so it is also where a closed (RGPD-erased) household refuses them.
   */
  async lockHousehold(m: EntityManager, householdId: string): Promise<HouseholdEntity> {
    const household = await m
      .getRepository(HouseholdEntity)
      .createQueryBuilder('h')
      .setLock('pessimistic_write')
      .where('h.id = :householdId', { householdId })
      .getOne();
    if (!household) throw new NotFoundError('Ce foyer est introuvable.');
    if (household.closedAt) throw new ConflictError('Ce compte famille est clôturé.');
    return household;
  }

  /**
   * One write to a household: opens the transaction, locks the household (a closed one refuses),
   * runs `fn`, and commits only if `fn` recorded what it did in the audit log. Inside `fn`, every
   * query goes through `m` (on the embedded database another connection would wait forever).
   */
  async write<T>(householdId: string, actor: Actor, fn: (write: HouseholdWrite) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (m) => {
      const household = await this.lockHousehold(m, householdId);
      let audited = false;
      const result = await fn({
        m,
        household,
        audit: async (entry) => {
          audited = true;
          await this.audit.record({ ...entry, actor, householdId }, m);
        },
      });
      if (!audited) throw new Error('A household write must record what it did in the audit log');
      return result;
    });
  }

  // --- Reading ------------------------------------------------------------------------------

  /** The resident's household file, in one query when they have one (the portal's hottest read). */
  async getOwnView(user: Actor): Promise<HouseholdView> {
    const view = await this.readView({ userId: user.id });
    return view ?? this.getView(await this.householdIdOf(user));
  }

  /** `documentTypes`: for an agent, the types their scope may read (see `readableTypes`). */
  async getView(householdId: string, documentTypes?: DocumentTypeFilter): Promise<HouseholdView> {
    const view = await this.readView({ householdId }, documentTypes);
    if (!view) throw new NotFoundError('Ce foyer est introuvable.');
    return view;
  }

  /**
   * The whole file in one round trip (household, guardians, pending invitation, children with their
   * pick-up contacts, contacts, quotients, documents expiring soon), the sites in parallel, then the
   * guardians' names from the accounts domain: three statements where there were ten.
   */
  private async readView(
    by: { householdId: string } | { userId: string },
    documentTypes?: DocumentTypeFilter,
  ): Promise<HouseholdView | null> {
    const today = this.clock.today();
    const which =
      'householdId' in by
        ? 'h.id = $1'
        : 'h.id = (SELECT household_id FROM household_guardians WHERE user_id = $1)';
    const [rows, schoolNames] = await Promise.all([
      this.dataSource.query(
        `SELECT row_to_json(h) AS household,
           (SELECT coalesce(json_agg(g ORDER BY g.rank), '[]') FROM household_guardians g
             WHERE g.household_id = h.id) AS guardians,
           (SELECT i.email FROM household_invitations i
             WHERE i.household_id = h.id AND i.accepted_at IS NULL AND i.expires_at > $3
             ORDER BY i.created_at DESC LIMIT 1) AS invitation_email,
           (SELECT coalesce(json_agg(c ORDER BY c.birth_date, c.id), '[]') FROM (
              SELECT ch.*, ARRAY(SELECT p.contact_id FROM child_pickup_contacts p WHERE p.child_id = ch.id)
                AS pickup_contact_ids
              FROM children ch WHERE ch.household_id = h.id) c) AS children,
           (SELECT coalesce(json_agg(c ORDER BY c.created_at, c.id), '[]') FROM household_contacts c
             WHERE c.household_id = h.id) AS contacts,
           (SELECT coalesce(json_agg(q ORDER BY q.submitted_at DESC, q.id), '[]') FROM quotients q
             WHERE q.household_id = h.id) AS quotients,
           (SELECT coalesce(json_agg(d ORDER BY d.expires_on), '[]') FROM household_documents d
             WHERE d.household_id = h.id AND d.expires_on IS NOT NULL AND d.expires_on <= $2) AS documents
         FROM households h WHERE ${which}`,
        ['householdId' in by ? by.householdId : by.userId, addDays(today, EXPIRY_WARNING_DAYS), new Date()],
      ) as Promise<ReadViewRow[]>,
      this.schoolNames(),
    ]);
    const row = rows[0];
    if (!row) return null;
    const household = this.hydrate(HouseholdEntity, row.household);
    const guardianRows = row.guardians.map((g) => this.hydrate(GuardianEntity, g));
    const accounts = await this.accountsById(guardianRows.map((g) => g.userId));
    const children = row.children.map((c) => {
      const child = this.hydrate(ChildEntity, c);
      child.pickupContacts = (c['pickup_contact_ids'] as string[]).map((id) => ({ id }) as ContactEntity);
      return child;
    });
    const quotients = row.quotients.map((q) => this.hydrate(QuotientEntity, q));
    const current = quotients.find(
      (q) =>
        q.status === QuotientStatus.Validated &&
        q.effectiveFrom !== null &&
        q.effectiveFrom <= today &&
        (q.effectiveTo === null || q.effectiveTo >= today),
    );
    return {
      id: household.id,
      address: toAddressView(household),
      guardians: guardianRows.map((g) => toGuardianView(g, accounts.get(g.userId))),
      pendingInvitationEmail: row.invitation_email,
      children: children.map((c) => toChildView(c, schoolNames)),
      contacts: row.contacts.map((c) => toContactView(this.hydrate(ContactEntity, c))),
      currentQuotient: current ? toQuotientView(current) : null,
      quotients: quotients.map(toQuotientView),
      documentsExpiringSoon: row.documents
        .map((d) => this.hydrate(DocumentEntity, d))
        .filter((d) => !documentTypes || documentTypes.has(d.type))
        .map((d) => toDocumentView(d, today)),
    };
  }

  /** A row as `row_to_json` writes it (column names, JSON types) turned into the entity TypeORM would load. */
  private hydrate<T extends object>(target: EntityTarget<T>, row: Record<string, unknown>): T {
    const metadata = this.dataSource.getMetadata(target);
    const entity = metadata.create() as T;
    for (const column of metadata.columns) {
      if (column.databaseName in row) {
        column.setEntityValue(
          entity,
          this.dataSource.driver.prepareHydratedValue(row[column.databaseName], column),
        );
      }
    }
    return entity;
  }

  private async schoolNames(): Promise<Map<string, string>> {
    const sites = await this.city.listSites();
    return new Map(sites.map((s) => [s.id, s.name]));
  }

  /** Guardians of each household, with their names from the accounts domain. */
  async guardiansOf(householdIds: string[]): Promise<Map<string, GuardianView[]>> {
    const result = new Map<string, GuardianView[]>();
    if (householdIds.length === 0) return result;
    const rows = await this.dataSource
      .getRepository(GuardianEntity)
      .find({ where: { householdId: In(householdIds) }, order: { rank: 'ASC' } });
    const accounts = await this.accountsById(rows.map((r) => r.userId));
    for (const row of rows) {
      const list = result.get(row.householdId) ?? [];
      list.push(toGuardianView(row, accounts.get(row.userId)));
      result.set(row.householdId, list);
    }
    return result;
  }

  private async accountsById(ids: string[]): Promise<Map<string, AccountSummary>> {
    if (ids.length === 0) return new Map();
    const accounts = await this.accounts.findByIds([...new Set(ids)]);
    return new Map(accounts.map((a) => [a.id, a]));
  }

  /** How an agent sees a household in a list: the guardians' names, or a short id. */
  async labelsOf(householdIds: string[]): Promise<Map<string, string>> {
    const guardians = await this.guardiansOf([...new Set(householdIds)]);
    const labels = new Map<string, string>();
    for (const id of householdIds) {
      const names = (guardians.get(id) ?? [])
        .map((g) => `${g.firstName} ${g.lastName}`.trim())
        .filter((n) => n.length > 0);
      labels.set(id, names.length ? names.join(' et ') : `Foyer ${id.slice(0, 8)}`);
    }
    return labels;
  }

  /**
   * The household's history. For an agent (`documentTypes` given), a document entry of a type their
   * scope may not read keeps its action and date but loses its details (file name, type).
   */
  async auditOf(householdId: string, documentTypes?: DocumentTypeFilter): Promise<AuditEntryView[]> {
    await this.requireHousehold(householdId);
    const entries = await this.audit.list({ householdId, limit: 500 });
    if (!documentTypes) return entries;
    return entries.map((e) =>
      e.entity === 'document' && !documentTypes.has(e.details['type'] as DocumentType)
        ? { ...e, details: {} }
        : e,
    );
  }

  /** Guardians' account ids of a household (closure). */
  async guardianUserIds(m: EntityManager, householdId: string): Promise<string[]> {
    const rows = await m.getRepository(GuardianEntity).findBy({ householdId });
    return rows.map((r) => r.userId);
  }
}

interface ReadViewRow {
  household: Record<string, unknown>;
  guardians: Record<string, unknown>[];
  invitation_email: string | null;
  children: Record<string, unknown>[];
  contacts: Record<string, unknown>[];
  quotients: Record<string, unknown>[];
  documents: Record<string, unknown>[];
}

function toAddressView(h: HouseholdEntity): AddressView | null {
  if (!h.addressLine1 || !h.postalCode || !h.city) return null;
  return {
    line1: h.addressLine1,
    line2: h.addressLine2,
    postalCode: h.postalCode,
    city: h.city,
    inCommune: h.inCommune,
  };
}

function toGuardianView(row: GuardianEntity, account: AccountSummary | undefined): GuardianView {
  return {
    userId: row.userId,
    firstName: account?.firstName ?? '',
    lastName: account?.lastName ?? '',
    email: account?.email ?? '',
    phone: account?.phone ?? null,
    rank: row.rank,
  };
}

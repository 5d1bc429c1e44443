import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull, MoreThan } from 'typeorm';
import {
  AddressView,
  AuditEntryView,
  ChildView,
  ContactView,
  Diet,
  DocumentType,
  GuardianView,
  HouseholdSummaryView,
  HouseholdView,
  QuotientStatus,
  SiteKind,
  SiteView,
} from '@foyer/shared/contracts';
import { addDays, ageOn } from '@foyer/shared/domain';
import {
  APP_CONFIG,
  AuditService,
  Clock,
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  Mailer,
  NotFoundError,
} from '@foyer/api/core';
import type { AppConfig, AuthenticatedUser } from '@foyer/api/core';
import { CityService } from '@foyer/api/city';
import { AddressDto, ContactDto, UpdateContactDto } from './dto/household.dto';
import { CreateChildDto, UpdateChildDto } from './dto/child.dto';
import {
  ChildEntity,
  ContactEntity,
  DocumentEntity,
  GuardianEntity,
  HouseholdEntity,
  InvitationEntity,
  QuotientEntity,
} from './entities';
import { DocumentTypeFilter } from './document-access';
import { AccountSummary, GuardianAccounts } from './guardian-accounts';
import {
  changes,
  EXPIRY_WARNING_DAYS,
  fold,
  foldSql,
  toChildView,
  toContactView,
  toDocumentView,
  toQuotientView,
} from './mappers';

/** Who acts: a resident on their own household, or an agent on the family's behalf. */
export type Actor = Pick<AuthenticatedUser, 'id' | 'role'>;

const INVITATION_TTL_MS = 7 * 24 * 3600 * 1000;
const SEARCH_LIMIT = 50;
const MIN_CHILD_AGE = 2;
const MAX_CHILD_AGE = 12;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The household file: guardians, address, contacts, children. Ownership is decided here: a resident
 * reaches only the household they belong to, and an id from another household is "not found".
 */
@Injectable()
export class HouseholdsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly city: CityService,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly accounts: GuardianAccounts,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    // Provided globally by the accounts domain; absent until it is wired.
    @Optional() private readonly mailer?: Mailer,
  ) {}

  // --- Access -------------------------------------------------------------------------------

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

  // --- Reading ------------------------------------------------------------------------------

  /** `documentTypes`: for an agent, the types their scope may read (see `readableTypes`). */
  async getView(householdId: string, documentTypes?: DocumentTypeFilter): Promise<HouseholdView> {
    const household = await this.requireHousehold(householdId);
    const today = this.clock.today();
    const [guardians, invitation, children, contacts, quotients, documents, schoolNames] = await Promise.all([
      this.guardiansOf([householdId]),
      this.dataSource.getRepository(InvitationEntity).findOne({
        where: { householdId, acceptedAt: IsNull(), expiresAt: MoreThan(new Date()) },
        order: { createdAt: 'DESC' },
      }),
      this.dataSource.getRepository(ChildEntity).find({
        where: { householdId },
        relations: { pickupContacts: true },
        order: { birthDate: 'ASC', id: 'ASC' },
      }),
      this.dataSource
        .getRepository(ContactEntity)
        .find({ where: { householdId }, order: { createdAt: 'ASC', id: 'ASC' } }),
      this.dataSource
        .getRepository(QuotientEntity)
        .find({ where: { householdId }, order: { submittedAt: 'DESC', id: 'ASC' } }),
      this.dataSource
        .getRepository(DocumentEntity)
        .createQueryBuilder('d')
        .where('d.household_id = :householdId', { householdId })
        .andWhere('d.expires_on IS NOT NULL AND d.expires_on <= :limit', {
          limit: addDays(today, EXPIRY_WARNING_DAYS),
        })
        .orderBy('d.expires_on', 'ASC')
        .getMany(),
      this.schoolNames(),
    ]);
    const current = quotients.find(
      (q) =>
        q.status === QuotientStatus.Validated &&
        q.effectiveFrom !== null &&
        q.effectiveFrom <= today &&
        (q.effectiveTo === null || q.effectiveTo >= today),
    );
    return {
      id: household.id,
      address: this.toAddressView(household),
      guardians: guardians.get(householdId) ?? [],
      pendingInvitationEmail: invitation?.email ?? null,
      children: children.map((c) => toChildView(c, schoolNames)),
      contacts: contacts.map(toContactView),
      currentQuotient: current ? toQuotientView(current) : null,
      quotients: quotients.map(toQuotientView),
      documentsExpiringSoon: documents
        .filter((d) => !documentTypes || documentTypes.has(d.type))
        .map((d) => toDocumentView(d, today)),
    };
  }

  private toAddressView(h: HouseholdEntity): AddressView | null {
    if (!h.addressLine1 || !h.postalCode || !h.city) return null;
    return {
      line1: h.addressLine1,
      line2: h.addressLine2,
      postalCode: h.postalCode,
      city: h.city,
      inCommune: h.inCommune,
    };
  }

  private async schoolNames(): Promise<Map<string, string>> {
    const sites = await this.city.listSites();
    return new Map(sites.map((s) => [s.id, s.name]));
  }

  /**
   * Read before a transaction opens: inside one, every query must go through its EntityManager (the
   * embedded PostgreSQL runs one transaction at a time, so another connection would wait forever).
   */
  private async sitesById(): Promise<Map<string, SiteView>> {
    const sites = await this.city.listSites();
    return new Map(sites.map((s) => [s.id, s]));
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
      const account = accounts.get(row.userId);
      const list = result.get(row.householdId) ?? [];
      list.push({
        userId: row.userId,
        firstName: account?.firstName ?? '',
        lastName: account?.lastName ?? '',
        email: account?.email ?? '',
        phone: account?.phone ?? null,
        rank: row.rank,
      });
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

  // --- Address -----------------------------------------------------------------------------

  isInCommune(postalCode: string, city: string): boolean {
    return (
      this.config.communePostalCodes.includes(postalCode) &&
      fold(city).replace(/[^a-z]/g, '') === fold(this.config.communeName).replace(/[^a-z]/g, '')
    );
  }

  async updateAddress(
    householdId: string,
    dto: AddressDto,
    actor: Actor,
    documentTypes?: DocumentTypeFilter,
  ): Promise<HouseholdView> {
    await this.dataSource.transaction(async (m) => {
      const household = await this.lockHousehold(m, householdId);
      const before = { ...household };
      household.addressLine1 = dto.line1;
      household.addressLine2 = dto.line2?.trim() ? dto.line2 : null;
      household.postalCode = dto.postalCode;
      household.city = dto.city;
      household.inCommune = this.isInCommune(dto.postalCode, dto.city);
      await m.getRepository(HouseholdEntity).save(household);
      await this.audit.record(
        {
          actor,
          action: 'household.address.update',
          entity: 'household',
          entityId: householdId,
          householdId,
          details: changes(before, household, [
            'addressLine1',
            'addressLine2',
            'postalCode',
            'city',
            'inCommune',
          ]),
        },
        m,
      );
    });
    return this.getView(householdId, documentTypes);
  }

  // --- Second guardian ----------------------------------------------------------------------

  async invite(householdId: string, email: string, actor: Actor): Promise<HouseholdView> {
    if (!this.mailer) throw new Error('No Mailer is provided: the accounts module must be imported');
    const token = randomBytes(32).toString('base64url');
    const current = await this.guardiansOf([householdId]);
    if ((current.get(householdId) ?? []).some((g) => g.email.toLowerCase() === email)) {
      throw new InvalidInputError('Cette adresse est déjà celle d’un responsable du foyer.', 'email');
    }
    await this.dataSource.transaction(async (m) => {
      await this.lockHousehold(m, householdId);
      const guardians = await m.getRepository(GuardianEntity).find({ where: { householdId } });
      if (guardians.length >= 2) {
        throw new ConflictError('Ce foyer a déjà deux responsables légaux.');
      }
      // One pending invitation at a time: a new one replaces the previous.
      await m.getRepository(InvitationEntity).delete({ householdId, acceptedAt: IsNull() });
      await m.getRepository(InvitationEntity).insert({
        householdId,
        email,
        tokenHash: hashToken(token),
        invitedBy: actor.id,
        // Security timing keeps real time, like the other tokens (see Clock).
        expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
        acceptedAt: null,
      });
      await this.audit.record(
        {
          actor,
          action: 'household.guardian.invite',
          entity: 'household',
          entityId: householdId,
          householdId,
          details: { email },
        },
        m,
      );
    });
    const link = `${this.config.publicUrl}/famille/rejoindre?token=${encodeURIComponent(token)}`;
    await this.mailer.send({
      to: email,
      subject: 'Invitation à rejoindre un foyer sur le portail famille',
      text: [
        'Bonjour,',
        '',
        'Vous êtes invité(e) à rejoindre, en tant que second responsable légal, le foyer d’une famille sur le portail famille de la ville.',
        '',
        'Pour accepter, connectez-vous ou créez votre compte, puis ouvrez ce lien (valable 7 jours) :',
        link,
        '',
        'Si vous ne vous attendiez pas à cette invitation, ignorez ce message.',
      ].join('\n'),
    });
    return this.getView(householdId);
  }

  async acceptInvitation(user: Actor, token: string): Promise<HouseholdView> {
    // Read before the transaction (see sitesById). The link alone is not enough: a forwarded or
    // leaked one must not make its holder a guardian with access to the children's file.
    const [account] = await this.accounts.findByIds([user.id]);
    const householdId = await this.dataSource.transaction(async (m) => {
      const invitation = await m.getRepository(InvitationEntity).findOneBy({ tokenHash: hashToken(token) });
      if (!invitation || invitation.acceptedAt || invitation.expiresAt.getTime() <= Date.now()) {
        throw new InvalidInputError(
          'Cette invitation n’est plus valable. Demandez au responsable du foyer de vous en envoyer une nouvelle.',
          'token',
        );
      }
      if (!account || account.email.toLowerCase() !== invitation.email.toLowerCase()) {
        throw new ForbiddenError('Cette invitation a été envoyée à une autre adresse e-mail.');
      }
      const target = invitation.householdId;
      await this.lockHousehold(m, target);
      const own = await m.getRepository(GuardianEntity).findOneBy({ userId: user.id });
      if (own?.householdId === target) throw new ConflictError('Vous faites déjà partie de ce foyer.');
      if (own) {
        await this.lockHousehold(m, own.householdId);
        if (!(await this.isEmpty(m, own.householdId))) {
          throw new ConflictError(
            'Votre compte est déjà rattaché à un foyer qui contient des informations : il ne peut en rejoindre un autre.',
          );
        }
        // The empty household created on the resident's first visit: replaced by the one they join.
        await m.getRepository(HouseholdEntity).delete({ id: own.householdId });
      }
      const count = await m.getRepository(GuardianEntity).countBy({ householdId: target });
      if (count >= 2) throw new ConflictError('Ce foyer a déjà deux responsables légaux.');
      await m.getRepository(GuardianEntity).insert({ householdId: target, userId: user.id, rank: 2 });
      invitation.acceptedAt = new Date();
      await m.getRepository(InvitationEntity).save(invitation);
      await this.audit.record(
        {
          actor: user,
          action: 'household.guardian.join',
          entity: 'household',
          entityId: target,
          householdId: target,
          details: { rank: 2 },
        },
        m,
      );
      return target;
    });
    return this.getView(householdId);
  }

  /** Nothing but its one guardian: no child, contact, document, quotient or address. */
  private async isEmpty(m: EntityManager, householdId: string): Promise<boolean> {
    const counts = await Promise.all([
      m.getRepository(ChildEntity).countBy({ householdId }),
      m.getRepository(ContactEntity).countBy({ householdId }),
      m.getRepository(DocumentEntity).countBy({ householdId }),
      m.getRepository(QuotientEntity).countBy({ householdId }),
      m.getRepository(GuardianEntity).countBy({ householdId }),
    ]);
    const household = await m.getRepository(HouseholdEntity).findOneByOrFail({ id: householdId });
    return counts.slice(0, 4).every((n) => n === 0) && counts[4] <= 1 && household.addressLine1 === null;
  }

  // --- Contacts -----------------------------------------------------------------------------

  private async ownContact(m: EntityManager, householdId: string, contactId: string): Promise<ContactEntity> {
    const contact = await m.getRepository(ContactEntity).findOneBy({ id: contactId, householdId });
    if (!contact) throw new NotFoundError('Ce contact est introuvable.');
    return contact;
  }

  async addContact(householdId: string, dto: ContactDto, actor: Actor): Promise<ContactView> {
    return this.dataSource.transaction(async (m) => {
      await this.lockHousehold(m, householdId);
      const contact = await m
        .getRepository(ContactEntity)
        .save(m.getRepository(ContactEntity).create({ ...dto, householdId }));
      const view = toContactView(contact);
      await this.audit.record(
        {
          actor,
          action: 'contact.create',
          entity: 'contact',
          entityId: contact.id,
          householdId,
          details: { after: view },
        },
        m,
      );
      return view;
    });
  }

  async updateContact(
    householdId: string,
    contactId: string,
    dto: UpdateContactDto,
    actor: Actor,
  ): Promise<ContactView> {
    return this.dataSource.transaction(async (m) => {
      await this.lockHousehold(m, householdId);
      const contact = await this.ownContact(m, householdId, contactId);
      const before = toContactView(contact);
      Object.assign(contact, Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined)));
      await m.getRepository(ContactEntity).save(contact);
      const after = toContactView(contact);
      await this.audit.record(
        {
          actor,
          action: 'contact.update',
          entity: 'contact',
          entityId: contactId,
          householdId,
          details: changes(before, after, ['firstName', 'lastName', 'phone', 'relationship', 'canPickUp']),
        },
        m,
      );
      return after;
    });
  }

  async deleteContact(householdId: string, contactId: string, actor: Actor): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await this.lockHousehold(m, householdId);
      const contact = await this.ownContact(m, householdId, contactId);
      const before = toContactView(contact);
      // The pick-up authorisations go with it (ON DELETE CASCADE).
      await m.getRepository(ContactEntity).delete({ id: contactId });
      await this.audit.record(
        {
          actor,
          action: 'contact.delete',
          entity: 'contact',
          entityId: contactId,
          householdId,
          details: { before },
        },
        m,
      );
    });
  }

  // --- Children -----------------------------------------------------------------------------

  private async ownChild(m: EntityManager, householdId: string, childId: string): Promise<ChildEntity> {
    const child = await m
      .getRepository(ChildEntity)
      .findOne({ where: { id: childId, householdId }, relations: { pickupContacts: true } });
    if (!child) throw new NotFoundError('Cet enfant est introuvable.');
    return child;
  }

  async getChild(householdId: string, childId: string): Promise<ChildView> {
    const child = await this.ownChild(this.dataSource.manager, householdId, childId);
    return toChildView(child, await this.schoolNames());
  }

  async createChild(householdId: string, dto: CreateChildDto, actor: Actor): Promise<ChildView> {
    const sites = await this.sitesById();
    const schoolNames = new Map([...sites.values()].map((s) => [s.id, s.name]));
    return this.dataSource.transaction(async (m) => {
      await this.lockHousehold(m, householdId);
      const child = m.getRepository(ChildEntity).create({
        householdId,
        firstName: dto.firstName,
        lastName: dto.lastName,
        birthDate: dto.birthDate,
        sex: dto.sex,
        schoolSiteId: dto.schoolSiteId ?? null,
        classLevel: dto.classLevel ?? null,
        allergies: dto.allergies?.trim() ? dto.allergies : null,
        diet: dto.diet ?? Diet.None,
        pai: dto.pai ?? false,
        paiDocumentId: dto.paiDocumentId ?? null,
        doctorName: dto.doctorName?.trim() ? dto.doctorName : null,
        doctorPhone: dto.doctorPhone?.trim() ? dto.doctorPhone : null,
        photoConsent: dto.photoConsent ?? false,
      });
      child.pickupContacts = await this.checkChild(
        m,
        householdId,
        child,
        dto.authorisedPickupContactIds ?? [],
        sites,
      );
      const saved = await m.getRepository(ChildEntity).save(child);
      const view = toChildView(saved, schoolNames);
      await this.audit.record(
        {
          actor,
          action: 'child.create',
          entity: 'child',
          entityId: saved.id,
          householdId,
          details: { after: view },
        },
        m,
      );
      return view;
    });
  }

  async updateChild(
    householdId: string,
    childId: string,
    dto: UpdateChildDto,
    actor: Actor,
  ): Promise<ChildView> {
    const sites = await this.sitesById();
    const schoolNames = new Map([...sites.values()].map((s) => [s.id, s.name]));
    return this.dataSource.transaction(async (m) => {
      await this.lockHousehold(m, householdId);
      const child = await this.ownChild(m, householdId, childId);
      const before = toChildView(child, schoolNames);
      const blankToNull = (v: string | null | undefined) =>
        v === undefined ? undefined : v?.trim() ? v : null;
      const patch: Partial<ChildEntity> = {
        firstName: dto.firstName,
        lastName: dto.lastName,
        birthDate: dto.birthDate,
        sex: dto.sex,
        schoolSiteId: dto.schoolSiteId,
        classLevel: dto.classLevel,
        allergies: blankToNull(dto.allergies),
        diet: dto.diet,
        pai: dto.pai,
        paiDocumentId: dto.paiDocumentId,
        doctorName: blankToNull(dto.doctorName),
        doctorPhone: blankToNull(dto.doctorPhone),
        photoConsent: dto.photoConsent,
      };
      for (const [key, value] of Object.entries(patch)) {
        if (value !== undefined) (child as unknown as Record<string, unknown>)[key] = value;
      }
      // Withdrawing the PAI withdraws its document.
      if (dto.pai === false && dto.paiDocumentId === undefined) child.paiDocumentId = null;
      const pickupIds = dto.authorisedPickupContactIds ?? (child.pickupContacts ?? []).map((c) => c.id);
      child.pickupContacts = await this.checkChild(m, householdId, child, pickupIds, sites);
      const saved = await m.getRepository(ChildEntity).save(child);
      const after = toChildView(saved, schoolNames);
      await this.audit.record(
        {
          actor,
          action: 'child.update',
          entity: 'child',
          entityId: childId,
          householdId,
          details: changes(before, after, Object.keys(after) as (keyof ChildView)[]),
        },
        m,
      );
      return after;
    });
  }

  /** The rules across fields of a child; returns the pick-up contacts. */
  private async checkChild(
    m: EntityManager,
    householdId: string,
    child: ChildEntity,
    pickupContactIds: string[],
    sites: Map<string, SiteView>,
  ): Promise<ContactEntity[]> {
    const today = this.clock.today();
    if (child.birthDate >= today) {
      throw new InvalidInputError('La date de naissance doit être dans le passé.', 'birthDate');
    }
    const age = ageOn(child.birthDate, today);
    if (age < MIN_CHILD_AGE || age > MAX_CHILD_AGE) {
      throw new InvalidInputError(
        `Le portail accueille les enfants de ${MIN_CHILD_AGE} à ${MAX_CHILD_AGE} ans : cet enfant a ${age} an${age > 1 ? 's' : ''}.`,
        'birthDate',
      );
    }
    if (child.schoolSiteId) {
      const site = sites.get(child.schoolSiteId);
      if (!site) throw new InvalidInputError('Cette école est introuvable.', 'schoolSiteId');
      if (site.kind !== SiteKind.School)
        throw new InvalidInputError('Ce site n’est pas une école.', 'schoolSiteId');
    }
    if (!child.pai && child.paiDocumentId) {
      throw new InvalidInputError(
        'Un document PAI ne peut être joint que si l’enfant a un PAI.',
        'paiDocumentId',
      );
    }
    if (child.diet === Diet.PaiBasket && !child.pai) {
      throw new InvalidInputError('Le panier-repas est réservé aux enfants qui ont un PAI.', 'diet');
    }
    if (child.paiDocumentId) {
      const document = await m
        .getRepository(DocumentEntity)
        .findOneBy({ id: child.paiDocumentId, householdId });
      if (!document) throw new NotFoundError('Ce document est introuvable.');
      if (document.type !== DocumentType.Pai) {
        throw new InvalidInputError('Ce document n’est pas un PAI.', 'paiDocumentId');
      }
    }
    const ids = [...new Set(pickupContactIds)];
    if (ids.length === 0) return [];
    const contacts = await m.getRepository(ContactEntity).findBy({ id: In(ids), householdId });
    if (contacts.length !== ids.length) throw new NotFoundError('Ce contact est introuvable.');
    return contacts;
  }

  // --- Agents -------------------------------------------------------------------------------

  async search(text: string | undefined): Promise<HouseholdSummaryView[]> {
    const q = fold(text ?? '').trim();
    let ids: string[];
    if (q.length === 0) {
      const rows = await this.dataSource
        .getRepository(HouseholdEntity)
        .find({ select: { id: true }, order: { createdAt: 'DESC' }, take: SEARCH_LIMIT });
      ids = rows.map((r) => r.id);
    } else {
      const pattern = `%${escapeLike(q)}%`;
      const childRows: { household_id: string }[] = await this.dataSource.query(
        `SELECT DISTINCT household_id FROM children
          WHERE ${foldSql(`first_name || ' ' || last_name`)} LIKE $1 OR ${foldSql(`last_name || ' ' || first_name`)} LIKE $1
          LIMIT ${SEARCH_LIMIT}`,
        [pattern],
      );
      const userIds = new Set<string>();
      if (this.accounts.searchIds) {
        for (const id of await this.accounts.searchIds(text ?? '', SEARCH_LIMIT)) userIds.add(id);
      } else if ((text ?? '').includes('@')) {
        const account = await this.accounts.findByEmail((text ?? '').trim().toLowerCase());
        if (account) userIds.add(account.id);
      }
      const guardianRows = userIds.size
        ? await this.dataSource.getRepository(GuardianEntity).findBy({ userId: In([...userIds]) })
        : [];
      ids = [
        ...new Set([...guardianRows.map((g) => g.householdId), ...childRows.map((r) => r.household_id)]),
      ].slice(0, SEARCH_LIMIT);
    }
    if (ids.length === 0) return [];
    const [guardians, children] = await Promise.all([
      this.guardiansOf(ids),
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

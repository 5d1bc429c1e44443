import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { ChildView, Diet, DocumentType, SiteKind, SiteView } from '@foyer/shared/contracts';
import { ageOn } from '@foyer/shared/domain';
import { Clock, InvalidInputError, NotFoundError } from '@foyer/api/core';
import { CityService } from '@foyer/api/city';
import { CreateChildDto, UpdateChildDto } from './dto/child.dto';
import { ChildEntity, ContactEntity, DocumentEntity } from './entities';
import { Actor, HouseholdAccess } from './household-access';
import { changes, toChildView } from './mappers';

const MIN_CHILD_AGE = 2;
const MAX_CHILD_AGE = 12;

/** The children of a household: school, class, diet, PAI, doctor, pick-ups, photo consent. */
@Injectable()
export class ChildrenService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: HouseholdAccess,
    private readonly city: CityService,
    private readonly clock: Clock,
  ) {}

  private async ownChild(m: EntityManager, householdId: string, childId: string): Promise<ChildEntity> {
    const child = await m
      .getRepository(ChildEntity)
      .findOne({ where: { id: childId, householdId }, relations: { pickupContacts: true } });
    if (!child) throw new NotFoundError('Cet enfant est introuvable.');
    return child;
  }

  /**
   * Read before a transaction opens: inside one, every query must go through its EntityManager (the
   * embedded PostgreSQL runs one transaction at a time, so another connection would wait forever).
   */
  private async sitesById(): Promise<Map<string, SiteView>> {
    const sites = await this.city.listSites();
    return new Map(sites.map((s) => [s.id, s]));
  }

  async getChild(householdId: string, childId: string): Promise<ChildView> {
    const [child, sites] = await Promise.all([
      this.ownChild(this.dataSource.manager, householdId, childId),
      this.sitesById(),
    ]);
    return toChildView(child, schoolNamesOf(sites));
  }

  async createChild(householdId: string, dto: CreateChildDto, actor: Actor): Promise<ChildView> {
    const sites = await this.sitesById();
    return this.access.write(householdId, actor, async ({ m, audit }) => {
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
      const view = toChildView(saved, schoolNamesOf(sites));
      await audit({ action: 'child.create', entity: 'child', entityId: saved.id, details: { after: view } });
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
    const schoolNames = schoolNamesOf(sites);
    return this.access.write(householdId, actor, async ({ m, audit }) => {
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
      await audit({
        action: 'child.update',
        entity: 'child',
        entityId: childId,
        details: changes(before, after, Object.keys(after) as (keyof ChildView)[]),
      });
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
}

function schoolNamesOf(sites: Map<string, SiteView>): Map<string, string> {
  return new Map([...sites.values()].map((s) => [s.id, s.name]));
}

import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ContactView } from '@foyer/shared/contracts';
import { NotFoundError } from '@foyer/api/core';
import { ContactDto, UpdateContactDto } from './dto/household.dto';
import { ContactEntity } from './entities';
import { Actor, HouseholdAccess } from './household-access';
import { changes, toContactView } from './mappers';

/** The people a family names besides its guardians: who to call, who may collect the children. */
@Injectable()
export class ContactsService {
  constructor(private readonly access: HouseholdAccess) {}

  private async ownContact(m: EntityManager, householdId: string, contactId: string): Promise<ContactEntity> {
    const contact = await m.getRepository(ContactEntity).findOneBy({ id: contactId, householdId });
    if (!contact) throw new NotFoundError('Ce contact est introuvable.');
    return contact;
  }

  async addContact(householdId: string, dto: ContactDto, actor: Actor): Promise<ContactView> {
    return this.access.write(householdId, actor, async ({ m, audit }) => {
      const contact = await m
        .getRepository(ContactEntity)
        .save(m.getRepository(ContactEntity).create({ ...dto, householdId }));
      const view = toContactView(contact);
      await audit({
        action: 'contact.create',
        entity: 'contact',
        entityId: contact.id,
        details: { after: view },
      });
      return view;
    });
  }

  async updateContact(
    householdId: string,
    contactId: string,
    dto: UpdateContactDto,
    actor: Actor,
  ): Promise<ContactView> {
    return this.access.write(householdId, actor, async ({ m, audit }) => {
      const contact = await this.ownContact(m, householdId, contactId);
      const before = toContactView(contact);
      Object.assign(contact, Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined)));
      await m.getRepository(ContactEntity).save(contact);
      const after = toContactView(contact);
      await audit({
        action: 'contact.update',
        entity: 'contact',
        entityId: contactId,
        details: changes(before, after, ['firstName', 'lastName', 'phone', 'relationship', 'canPickUp']),
      });
      return after;
    });
  }

  async deleteContact(householdId: string, contactId: string, actor: Actor): Promise<void> {
    await this.access.write(householdId, actor, async ({ m, audit }) => {
      const contact = await this.ownContact(m, householdId, contactId);
      const before = toContactView(contact);
      // The pick-up authorisations go with it (ON DELETE CASCADE).
      await m.getRepository(ContactEntity).delete({ id: contactId });
      await audit({ action: 'contact.delete', entity: 'contact', entityId: contactId, details: { before } });
    });
  }
}

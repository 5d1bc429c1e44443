import { Inject, Injectable } from '@nestjs/common';
import { HouseholdView } from '@foyer/shared/contracts';
import { foldText } from '@foyer/shared/domain';
import { APP_CONFIG } from '@foyer/api/core';
import type { AppConfig } from '@foyer/api/core';
import { AddressDto } from './dto/household.dto';
import { DocumentTypeFilter } from './document-access';
import { HouseholdEntity } from './entities';
import { Actor, HouseholdAccess } from './household-access';
import { changes } from './mappers';

/** The household's own fields: its address (resident of the commune or not). Notification preferences are each person's (notifications lib). */
@Injectable()
export class HouseholdsService {
  constructor(
    private readonly access: HouseholdAccess,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  isInCommune(postalCode: string, city: string): boolean {
    const letters = (text: string) => foldText(text).replace(/[^a-z]/g, '');
    return (
      this.config.communePostalCodes.includes(postalCode) &&
      letters(city) === letters(this.config.communeName)
    );
  }

  async updateAddress(
    householdId: string,
    dto: AddressDto,
    actor: Actor,
    documentTypes?: DocumentTypeFilter,
  ): Promise<HouseholdView> {
    await this.access.write(householdId, actor, async ({ m, household, audit }) => {
      const before = { ...household };
      household.addressLine1 = dto.line1;
      household.addressLine2 = dto.line2?.trim() ? dto.line2 : null;
      household.postalCode = dto.postalCode;
      household.city = dto.city;
      household.inCommune = this.isInCommune(dto.postalCode, dto.city);
      await m.getRepository(HouseholdEntity).save(household);
      await audit({
        action: 'household.address.update',
        entity: 'household',
        entityId: householdId,
        details: changes(before, household, [
          'addressLine1',
          'addressLine2',
          'postalCode',
          'city',
          'inCommune',
        ]),
      });
    });
    return this.access.getView(householdId, documentTypes);
  }
}

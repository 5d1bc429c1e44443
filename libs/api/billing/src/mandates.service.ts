import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { electronicFormatIBAN, isValidBIC, isValidIBAN } from 'ibantools';
import { CreateSepaMandateRequest, MandateStatus, SepaMandateView } from '@foyer/shared/contracts';
import { Clock, ConflictError, InvalidInputError, NotFoundError } from '@foyer/api/core';
import { HouseholdAccess } from '@foyer/api/households';
import type { Actor } from '@foyer/api/households';
import { SepaMandateEntity } from './entities';

export function maskIban(iban: string): string {
  return `${iban.slice(0, 4)} ${'**** '.repeat(Math.max(0, Math.ceil((iban.length - 7) / 4)))}${iban.slice(-3)}`.replace(
    /\s+/g,
    ' ',
  );
}

export function toMandateView(m: SepaMandateEntity): SepaMandateView {
  return {
    id: m.id,
    reference: m.reference,
    ibanMasked: maskIban(m.iban),
    bic: m.bic,
    holder: m.holder,
    signedOn: m.signedOn,
    status: m.status,
  };
}

/**
 * SEPA direct-debit mandates. The IBAN is checked by its checksum with ibantools (no hand-written
 * modulo 97); the reference (RUM) is unique; one active mandate per household (partial unique index).
 * Signing online is the family's consent; revoking stops debits from the next invoice.
 */
@Injectable()
export class MandatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly households: HouseholdAccess,
    private readonly clock: Clock,
  ) {}

  async current(householdId: string): Promise<SepaMandateView | null> {
    const mandate = await this.dataSource
      .getRepository(SepaMandateEntity)
      .findOneBy({ householdId, status: MandateStatus.Active });
    return mandate ? toMandateView(mandate) : null;
  }

  async sign(householdId: string, dto: CreateSepaMandateRequest, actor: Actor): Promise<SepaMandateView> {
    const iban = electronicFormatIBAN(dto.iban) ?? '';
    if (!isValidIBAN(iban))
      throw new InvalidInputError("Cet IBAN n'est pas valide (clé de contrôle).", 'iban');
    const bic = dto.bic ? dto.bic.toUpperCase() : null;
    if (bic && !isValidBIC(bic)) throw new InvalidInputError("Ce BIC n'est pas valide.", 'bic');
    return this.households.write(householdId, actor, async ({ m, audit }) => {
      const repo = m.getRepository(SepaMandateEntity);
      const active = await repo.findOneBy({ householdId, status: MandateStatus.Active });
      if (active) {
        throw new ConflictError(
          'Un mandat de prélèvement est déjà actif : révoquez-le avant d’en signer un autre.',
        );
      }
      const today = this.clock.today();
      const mandate = await repo.save(
        repo.create({
          householdId,
          // RUM: up to 35 characters; the date and random hex make it unique without a counter.
          reference: `FOYER-${today.replace(/-/g, '')}-${randomBytes(6).toString('hex').toUpperCase()}`,
          iban,
          bic,
          holder: dto.holder,
          signedOn: today,
          status: MandateStatus.Active,
          revokedAt: null,
        }),
      );
      await audit({ action: 'billing.mandate.sign', entity: 'sepa-mandate', entityId: mandate.id });
      return toMandateView(mandate);
    });
  }

  async revoke(householdId: string, actor: Actor): Promise<void> {
    await this.households.write(householdId, actor, async ({ m, audit }) => {
      const repo = m.getRepository(SepaMandateEntity);
      const active = await repo.findOneBy({ householdId, status: MandateStatus.Active });
      if (!active) throw new NotFoundError("Vous n'avez pas de mandat de prélèvement actif.");
      active.status = MandateStatus.Revoked;
      active.revokedAt = this.clock.now();
      await repo.save(active);
      await audit({ action: 'billing.mandate.revoke', entity: 'sepa-mandate', entityId: active.id });
    });
  }
}

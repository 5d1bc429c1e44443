import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { HouseholdView } from '@foyer/shared/contracts';
import {
  APP_CONFIG,
  AuditService,
  ConflictError,
  ForbiddenError,
  hashToken,
  InvalidInputError,
  Mailer,
} from '@foyer/api/core';
import type { AppConfig } from '@foyer/api/core';
import {
  ChildEntity,
  ContactEntity,
  DocumentEntity,
  GuardianEntity,
  HouseholdEntity,
  InvitationEntity,
  QuotientEntity,
} from './entities';
import { GuardianAccounts } from './guardian-accounts';
import { Actor, HouseholdAccess } from './household-access';

const INVITATION_TTL_MS = 7 * 24 * 3600 * 1000;

/** The second legal guardian: invited by e-mail, joins with the link while signed in as that address. */
@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: HouseholdAccess,
    private readonly audit: AuditService,
    private readonly accounts: GuardianAccounts,
    private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async invite(householdId: string, email: string, actor: Actor): Promise<HouseholdView> {
    const token = randomBytes(32).toString('base64url');
    const current = await this.access.guardiansOf([householdId]);
    if ((current.get(householdId) ?? []).some((g) => g.email.toLowerCase() === email)) {
      throw new InvalidInputError('Cette adresse est déjà celle d’un responsable du foyer.', 'email');
    }
    await this.access.write(householdId, actor, async ({ m, audit }) => {
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
      await audit({
        action: 'household.guardian.invite',
        entity: 'household',
        entityId: householdId,
        details: { email },
      });
      const link = `${this.config.publicUrl}/famille/rejoindre?token=${encodeURIComponent(token)}`;
      await this.mailer.send(
        {
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
        },
        // Sent with the invitation: both are written, or neither.
        m,
      );
    });
    return this.access.getView(householdId);
  }

  async acceptInvitation(user: Actor, token: string): Promise<HouseholdView> {
    // Read before the transaction (on the embedded database it holds the only connection). The link
    // alone is not enough: a forwarded or leaked one must not make its holder a guardian.
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
      await this.access.lockHousehold(m, target);
      const own = await m.getRepository(GuardianEntity).findOneBy({ userId: user.id });
      if (own?.householdId === target) throw new ConflictError('Vous faites déjà partie de ce foyer.');
      if (own) {
        await this.access.lockHousehold(m, own.householdId);
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
    return this.access.getView(householdId);
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
}

import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { ClosureRequestView, Diet, HouseholdExportView } from '@foyer/shared/contracts';
import { AuditService, Clock, ConflictError, NotFoundError } from '@foyer/api/core';
import { NotificationsService } from '@foyer/api/notifications';
import {
  ChildEntity,
  ClosureRequestEntity,
  ContactEntity,
  DocumentEntity,
  HouseholdEntity,
  InvitationEntity,
  QuotientEntity,
} from './entities';
import { GuardianAccounts } from './guardian-accounts';
import { DocumentsService } from './documents.service';
import { Actor, HouseholdAccess } from './household-access';
import { DocumentStorage } from './storage/document-storage';

const CLOSURE_LIST_LIMIT = 500;

/** RGPD: the right of access (export) and the right to erasure (closure, executed by an agent). */
@Injectable()
export class PrivacyService {
  private readonly logger = new Logger(PrivacyService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly households: HouseholdAccess,
    private readonly documents: DocumentsService,
    private readonly storage: DocumentStorage,
    private readonly accounts: GuardianAccounts,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  async export(householdId: string): Promise<HouseholdExportView> {
    return {
      exportedAt: this.clock.now().toISOString(),
      household: await this.households.getView(householdId),
      documents: await this.documents.list(householdId),
      audit: await this.households.auditOf(householdId),
    };
  }

  async requestClosure(householdId: string, actor: Actor): Promise<ClosureRequestView> {
    const id = await this.dataSource.transaction(async (m) => {
      // A closed household is refused there (409).
      await this.households.lockHousehold(m, householdId);
      const open = await m
        .getRepository(ClosureRequestEntity)
        .findOneBy({ householdId, executedAt: IsNull() });
      if (open) throw new ConflictError('Une demande de clôture est déjà en cours de traitement.');
      const request = await m
        .getRepository(ClosureRequestEntity)
        .save(
          m
            .getRepository(ClosureRequestEntity)
            .create({ householdId, requestedBy: actor.id, requestedAt: new Date() }),
        );
      await this.audit.record(
        {
          actor,
          action: 'household.closure.request',
          entity: 'household',
          entityId: householdId,
          householdId,
        },
        m,
      );
      return request.id;
    });
    return this.closureRequestView(id);
  }

  /** The agents' list: the pending requests first (the work to do), then the newest first. */
  async listClosureRequests(): Promise<ClosureRequestView[]> {
    const rows = await this.dataSource
      .getRepository(ClosureRequestEntity)
      .createQueryBuilder('r')
      .orderBy('CASE WHEN r.executed_at IS NULL THEN 0 ELSE 1 END', 'ASC')
      .addOrderBy('r.requested_at', 'DESC')
      .addOrderBy('r.id', 'ASC')
      .limit(CLOSURE_LIST_LIMIT)
      .getMany();
    return this.toViews(rows);
  }

  private async closureRequestView(requestId: string): Promise<ClosureRequestView> {
    const row = await this.dataSource.getRepository(ClosureRequestEntity).findOneBy({ id: requestId });
    if (!row) throw new NotFoundError('Cette demande de clôture est introuvable.');
    const [view] = await this.toViews([row]);
    return view;
  }

  private async toViews(rows: ClosureRequestEntity[]): Promise<ClosureRequestView[]> {
    const labels = await this.households.labelsOf(rows.map((r) => r.householdId));
    return rows.map((r) => ({
      id: r.id,
      householdId: r.householdId,
      householdLabel: labels.get(r.householdId) ?? '',
      requestedAt: r.requestedAt.toISOString(),
      executedAt: r.executedAt ? r.executedAt.toISOString() : null,
    }));
  }

  /**
   * Erases the family: contacts and documents (rows and files) are deleted, children and the address
   * are blanked, the audit details are emptied, the notifications erased, the guardians' accounts
   * anonymised. The household row
   * and its quotients' values and periods stay, because invoices and payments refer to them.
   *
   * All or nothing, as far as the accounts port allows: `anonymise` opens its own transaction and
   * cannot join this one, so the accounts go first. If one fails, the request stays pending and the
   * household untouched; a retry anonymises again (a no-op for those already done) and carries on.
   * The request is marked executed in the same transaction that erases the household.
   */
  async executeClosure(requestId: string, actor: Actor): Promise<ClosureRequestView> {
    // Checked here to fail fast, then again under the row lock below.
    const pending = await this.dataSource.getRepository(ClosureRequestEntity).findOneBy({ id: requestId });
    if (!pending) throw new NotFoundError('Cette demande de clôture est introuvable.');
    if (pending.executedAt) throw new ConflictError('Cette demande de clôture a déjà été exécutée.');
    const userIds = await this.households.guardianUserIds(this.dataSource.manager, pending.householdId);
    // Read before anonymising: the account mails sent to these addresses are erased below.
    const emails = (await this.accounts.findByIds(userIds)).map((a) => a.email).filter((e) => !!e);
    for (const userId of userIds) await this.accounts.anonymise(userId, actor);

    const { householdId, storageKeys } = await this.dataSource.transaction(async (m) => {
      const request = await m
        .getRepository(ClosureRequestEntity)
        .createQueryBuilder('r')
        .setLock('pessimistic_write')
        .where('r.id = :requestId', { requestId })
        .getOne();
      if (!request) throw new NotFoundError('Cette demande de clôture est introuvable.');
      if (request.executedAt) throw new ConflictError('Cette demande de clôture a déjà été exécutée.');
      const householdId = request.householdId;
      const household = await this.households.lockHousehold(m, householdId);
      const guardians = await this.households.guardianUserIds(m, householdId);
      if (guardians.some((id) => !userIds.includes(id))) {
        // Someone joined between the anonymisation and now: a retry anonymises them too.
        throw new ConflictError('Un responsable a rejoint ce foyer pendant la clôture : relancez-la.');
      }

      const documents = await m.getRepository(DocumentEntity).findBy({ householdId });
      await m.getRepository(DocumentEntity).delete({ householdId });
      await m.getRepository(ContactEntity).delete({ householdId });
      await m.getRepository(InvitationEntity).delete({ householdId });
      const children = await m.getRepository(ChildEntity).findBy({ householdId });
      for (const child of children) {
        await m.getRepository(ChildEntity).update(
          { id: child.id },
          {
            firstName: 'Enfant',
            lastName: 'anonymisé',
            // The year alone is kept, for statistics by age.
            birthDate: `${child.birthDate.slice(0, 4)}-01-01`,
            allergies: null,
            diet: Diet.None,
            pai: false,
            paiDocumentId: null,
            doctorName: null,
            doctorPhone: null,
            photoConsent: false,
          },
        );
      }
      await m
        .getRepository(QuotientEntity)
        .update(
          { householdId },
          { cafNumber: null, annualResourcesCents: null, monthlyBenefitsCents: null, decisionNote: null },
        );
      household.addressLine1 = null;
      household.addressLine2 = null;
      household.postalCode = null;
      household.city = null;
      household.closedAt = new Date();
      await m.getRepository(HouseholdEntity).save(household);

      // The audit log is append-only; this setting, local to the transaction, lets us blank details.
      // Messages (subjects, bodies, addresses), preferences, address failures, reminder keys.
      await this.notifications.eraseFor(householdId, userIds, emails, m);

      await m.query(`SELECT set_config('foyer.audit_anonymise', 'on', true)`);
      await m.query(`UPDATE audit_log SET details = '{}'::jsonb WHERE household_id = $1`, [householdId]);
      await m.query(`SELECT set_config('foyer.audit_anonymise', 'off', true)`);

      request.executedAt = new Date();
      request.executedBy = actor.id;
      await m.getRepository(ClosureRequestEntity).save(request);
      await this.audit.record(
        {
          actor,
          action: 'household.close',
          entity: 'household',
          entityId: householdId,
          householdId,
          details: { children: children.length, documents: documents.length },
        },
        m,
      );
      return { householdId, storageKeys: documents.map((d) => d.storageKey) };
    });
    for (const key of storageKeys) {
      await this.storage
        .delete(key)
        .catch((e: unknown) => this.logger.error({ err: e, householdId }, 'file not removed'));
    }
    return this.closureRequestView(requestId);
  }
}

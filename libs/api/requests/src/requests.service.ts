import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  AGENT_TRANSITION_TARGETS,
  AgentRequestView,
  AgentScope,
  canTransition,
  NotificationTopic,
  OPEN_REQUEST_STATUSES,
  REQUEST_STATUS_LABELS,
  RequestAssigneeView,
  RequestAttachmentSource,
  RequestAttachmentView,
  RequestChannel,
  RequestEffect,
  RequestStatus,
  RequestSummaryView,
  RequestView,
  Role,
} from '@foyer/shared/contracts';
import { foldText, IsoDate, requestDueOn, resumeRequestClock } from '@foyer/shared/domain';
import {
  AuthenticatedUser,
  Clock,
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
} from '@foyer/api/core';
import type { AuditRecord } from '@foyer/api/core';
import { AccountsService } from '@foyer/api/accounts';
import { detectMime, DocumentStorage, HouseholdAccess } from '@foyer/api/households';
import { NotificationRecipient, NotificationsService } from '@foyer/api/notifications';
import {
  AddRequestNoteDto,
  AssignRequestDto,
  CreateRequestDto,
  FileRequestOnBehalfDto,
  PostRequestMessageDto,
  RequestTransitionDto,
  UpdateRequestDraftDto,
} from './dto/request.dto';
import { RequestEffects } from './effects/request-effect';
import {
  RequestAttachmentEntity,
  RequestEntity,
  RequestHistoryEntity,
  RequestMessageEntity,
  RequestNoteEntity,
  RequestTypeEntity,
} from './entities';
import { FormContext, FormValidator } from './forms/form-validator';
import { RequestParts, toAgentRequestView, toAttachmentView, toRequestView } from './mappers';

/** Who acts, with the name the history and the messages keep. */
interface Who {
  user: AuthenticatedUser;
  label: string;
  role: 'resident' | 'agent' | 'admin';
}

/** The part of a Multer file the service reads (memory storage). */
export interface UploadedRequestFile {
  originalname: string;
  size: number;
  buffer: Buffer;
}

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** Family documents an agent of the démarches may open from a request (health documents stay in the family file). */
const AGENT_READABLE_FAMILY_TYPES = new Set([
  'proof_of_address',
  'caf_attestation',
  'tax_notice',
  'insurance',
]);

const OPEN = new Set<RequestStatus>(OPEN_REQUEST_STATUSES);

const EXTENSIONS: Record<string, string> = {
  'application/pdf': '.pdf',
  'image/jpeg': '.jpg',
  'image/png': '.png',
};

/** A file name safe to show and to put in Content-Disposition: no path, no control characters. */
function cleanFileName(name: string, mime: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim()
    .slice(0, 150);
  return base.length > 0 ? base : `document${EXTENSIONS[mime] ?? ''}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Requests of households: the resident's side (draft, submit, messages, documents, withdraw) and the
 * agent's (transitions with their effect, questions, assignment, notes, filing on a resident's
 * behalf). Every write is one household write (`HouseholdAccess.write`: the household row locked,
 * an audit entry), and the notification of each change is written in the same transaction.
 */
@Injectable()
export class RequestsService {
  private readonly logger = new Logger(RequestsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: HouseholdAccess,
    private readonly accounts: AccountsService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
    private readonly validator: FormValidator,
    private readonly effects: RequestEffects,
    private readonly storage: DocumentStorage,
  ) {}

  // --- Helpers ------------------------------------------------------------------------------

  private async who(user: AuthenticatedUser): Promise<Who> {
    const account = await this.accounts.findById(user.id);
    const name = account ? `${account.firstName} ${account.lastName}`.trim() : '';
    const role = user.role === Role.Resident ? 'resident' : user.role === Role.Admin ? 'admin' : 'agent';
    return { user, role, label: name || (role === 'resident' ? 'Usager' : 'Agent de la ville') };
  }

  /** The household's guardians with their addresses, read before the transaction (see NotificationRecipient). */
  private async recipients(householdId: string): Promise<NotificationRecipient[]> {
    const guardians = (await this.access.guardiansOf([householdId])).get(householdId) ?? [];
    return guardians.map((g) => ({ userId: g.userId, email: g.email || null, householdId }));
  }

  private async residentName(householdId: string): Promise<string> {
    return (await this.access.labelsOf([householdId])).get(householdId) ?? '';
  }

  private cacheKey(type: RequestTypeEntity): string {
    return `${type.id}:${type.updatedAt.getTime()}`;
  }

  private async typeByCode(code: string): Promise<RequestTypeEntity> {
    const type = await this.dataSource.getRepository(RequestTypeEntity).findOneBy({ code, active: true });
    if (!type) throw new InvalidInputError('Ce type de démarche n’existe pas.', 'typeCode');
    return type;
  }

  private canProcess(user: AuthenticatedUser, type: RequestTypeEntity): boolean {
    return (
      user.role === Role.Admin ||
      user.scopes.includes(AgentScope.Demarches) ||
      user.scopes.includes(type.scope)
    );
  }

  /** The scopes whose types an agent reaches, or null for all. */
  reachOf(user: AuthenticatedUser): AgentScope[] | null {
    if (user.role === Role.Admin || user.scopes.includes(AgentScope.Demarches)) return null;
    return user.scopes;
  }

  private async loadWithType(
    id: string,
  ): Promise<{ request: RequestEntity; type: RequestTypeEntity } | null> {
    const request = await this.dataSource
      .getRepository(RequestEntity)
      .findOne({ where: { id }, relations: { type: true } });
    if (!request?.type) return null;
    return { request, type: request.type };
  }

  /** A request of the resident's own household; any other id is "not found". */
  private async residentRequest(user: AuthenticatedUser, id: string) {
    const householdId = await this.access.findHouseholdIdOf(user.id);
    const found = householdId ? await this.loadWithType(id) : null;
    if (!found || found.request.householdId !== householdId) {
      throw new NotFoundError('Cette démarche est introuvable.');
    }
    return found;
  }

  /**
   * A request an agent's scope reaches; another one is "not found" like an unknown id, and so is a
   * request never submitted (a draft is the family's own).
   */
  private async agentRequest(user: AuthenticatedUser, id: string) {
    const found = await this.loadWithType(id);
    if (!found || !this.canProcess(user, found.type) || found.request.submittedAt === null) {
      throw new NotFoundError('Cette démarche est introuvable.');
    }
    return found;
  }

  private async lockRequest(m: EntityManager, id: string): Promise<RequestEntity> {
    const request = await m
      .getRepository(RequestEntity)
      .createQueryBuilder('r')
      .setLock('pessimistic_write')
      .where('r.id = :id', { id })
      .getOne();
    if (!request) throw new NotFoundError('Cette démarche est introuvable.');
    return request;
  }

  /** What the portal kinds of the form are checked against, read in the transaction. */
  private async formContext(
    m: EntityManager,
    householdId: string,
    requestId: string | null,
  ): Promise<FormContext> {
    const [children, documents, attachments] = await Promise.all([
      m.query(`SELECT id FROM children WHERE household_id = $1`, [householdId]) as Promise<{ id: string }[]>,
      m.query(`SELECT id, type FROM household_documents WHERE household_id = $1`, [householdId]) as Promise<
        { id: string; type: string }[]
      >,
      requestId
        ? m
            .getRepository(RequestAttachmentEntity)
            .find({ where: { requestId }, select: { id: true, sizeBytes: true } })
        : Promise.resolve([] as RequestAttachmentEntity[]),
    ]);
    return {
      childIds: new Set(children.map((c) => c.id)),
      familyDocuments: new Map(documents.map((d) => [d.id, d.type])),
      attachments: new Map(attachments.map((a) => [a.id, a.sizeBytes])),
    };
  }

  private async nextNumber(m: EntityManager, today: IsoDate): Promise<string> {
    const year = Number(today.slice(0, 4));
    const [row]: { last_value: number }[] = await m.query(
      `INSERT INTO request_counters (year, last_value) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last_value = request_counters.last_value + 1 RETURNING last_value`,
      [year],
    );
    return `D-${year}-${String(row.last_value).padStart(6, '0')}`;
  }

  private schoolOf(type: RequestTypeEntity, data: Record<string, unknown>): string | null {
    const value = data['schoolSiteId'];
    return type.effect === RequestEffect.SchoolEnrolment && typeof value === 'string' && UUID.test(value)
      ? value
      : null;
  }

  private async checkOpenLimit(
    m: EntityManager,
    type: RequestTypeEntity,
    householdId: string,
    except?: string,
  ) {
    if (type.severalOpenAllowed) return;
    const rows: unknown[] = await m.query(
      `SELECT 1 FROM requests WHERE household_id = $1 AND type_id = $2 AND status = ANY($3) AND id <> $4 LIMIT 1`,
      [householdId, type.id, OPEN_REQUEST_STATUSES, except ?? '00000000-0000-0000-0000-000000000000'],
    );
    if (rows.length > 0) {
      throw new ConflictError(
        `Vous avez déjà une démarche « ${type.title} » en cours : complétez-la ou retirez-la avant d’en commencer une autre.`,
      );
    }
  }

  /**
   * One status change: refused with 409 unless the table allows it; keeps the target clock (set at
   * submission, paused while waiting for the resident, pushed back by the pause), the decision, and
   * the history entry. The caller saves nothing else about the status.
   */
  private async move(
    m: EntityManager,
    request: RequestEntity,
    type: RequestTypeEntity,
    to: RequestStatus,
    who: Who | null,
    comment: string | null,
  ): Promise<void> {
    const from = request.status;
    if (!canTransition(from, to)) {
      throw new ConflictError(
        `Une démarche « ${REQUEST_STATUS_LABELS[from]} » ne peut pas passer à l’état « ${REQUEST_STATUS_LABELS[to]} ».`,
      );
    }
    const today = this.clock.today();
    const now = this.clock.now();
    if (from === RequestStatus.WaitingResident && request.pausedSince && request.dueOn) {
      const resumed = resumeRequestClock(request.dueOn, request.pausedSince, today);
      request.dueOn = resumed.dueOn;
      request.pausedDays += resumed.pausedDays;
      request.pausedSince = null;
    }
    switch (to) {
      case RequestStatus.Submitted:
        request.submittedAt = now;
        request.dueOn = requestDueOn(today, type.targetDays);
        break;
      case RequestStatus.WaitingResident:
        request.pausedSince = today;
        break;
      case RequestStatus.Approved:
      case RequestStatus.Refused:
        request.decidedAt = now;
        request.decisionReason = comment;
        break;
      default:
        break;
    }
    request.status = to;
    await m.getRepository(RequestEntity).save(request);
    // Strictly after the previous step, so that the history reads in order even within one millisecond.
    const [last]: { at: Date }[] = await m.query(
      `SELECT max(at) AS at FROM request_history WHERE request_id = $1`,
      [request.id],
    );
    const at =
      last?.at && new Date(last.at).getTime() >= now.getTime()
        ? new Date(new Date(last.at).getTime() + 1)
        : now;
    await m.getRepository(RequestHistoryEntity).insert({
      requestId: request.id,
      fromStatus: from,
      toStatus: to,
      at,
      actorId: who?.user.id ?? null,
      actorRole: who?.role ?? 'system',
      actorLabel: who?.label ?? 'La ville',
      comment,
    });
  }

  /** The notification of a status change: a decision (law-required topic), a question, or a new status. */
  private async notifyStatus(
    m: EntityManager,
    recipients: NotificationRecipient[],
    request: RequestEntity,
    type: RequestTypeEntity,
    comment: string | null,
  ): Promise<void> {
    if (request.status === RequestStatus.Approved || request.status === RequestStatus.Refused) {
      await this.notifications.notify(
        recipients,
        NotificationTopic.RequestDecision,
        {
          requestLabel: `${type.title} (${request.number})`,
          decision: request.status === RequestStatus.Approved ? 'accepted' : 'refused',
          ...(comment ? { reason: comment } : {}),
        },
        m,
      );
      return;
    }
    const question = request.status === RequestStatus.WaitingResident;
    await this.notifications.notify(
      recipients,
      NotificationTopic.RequestUpdate,
      {
        requestLabel: type.title,
        requestNumber: request.number,
        requestId: request.id,
        event: question ? 'question' : 'status',
        statusLabel: REQUEST_STATUS_LABELS[request.status],
        ...(question && comment ? { text: comment } : {}),
      },
      m,
    );
  }

  private auditEntry(
    action: string,
    request: RequestEntity,
    details: Record<string, unknown> = {},
  ): Omit<AuditRecord, 'actor' | 'householdId'> {
    return {
      action,
      entity: 'request',
      entityId: request.id,
      details: { number: request.number, ...details },
    };
  }

  // --- Reading ------------------------------------------------------------------------------

  private async parts(request: RequestEntity, type: RequestTypeEntity): Promise<RequestParts> {
    const [history, messages, attachments] = await Promise.all([
      this.dataSource.getRepository(RequestHistoryEntity).find({
        where: { requestId: request.id },
        order: { at: 'ASC', id: 'ASC' },
      }),
      this.dataSource.getRepository(RequestMessageEntity).find({
        where: { requestId: request.id },
        order: { at: 'ASC', id: 'ASC' },
      }),
      this.dataSource.getRepository(RequestAttachmentEntity).find({
        where: { requestId: request.id },
        order: { addedAt: 'ASC', id: 'ASC' },
      }),
    ]);
    return { request, type, history, messages, attachments };
  }

  async getForResident(user: AuthenticatedUser, id: string): Promise<RequestView> {
    const { request, type } = await this.residentRequest(user, id);
    return toRequestView(await this.parts(request, type), this.clock.today());
  }

  /** « Mes démarches »: the household's requests, the most recently changed first (index on household, updated). */
  async listForResident(user: AuthenticatedUser, status?: RequestStatus): Promise<RequestSummaryView[]> {
    // One statement: the household by its guardian row, its requests by (household_id, updated_at).
    const rows: {
      id: string;
      number: string;
      code: string;
      title: string;
      status: RequestStatus;
      created_at: Date;
      submitted_at: Date | null;
      updated_at: Date;
      due_on: string | null;
    }[] = await this.dataSource.query(
      `SELECT r.id, r.number, t.code, t.title, r.status, r.created_at, r.submitted_at, r.updated_at,
              to_char(r.due_on, 'YYYY-MM-DD') AS due_on
         FROM requests r JOIN request_types t ON t.id = r.type_id
        WHERE r.household_id = (SELECT household_id FROM household_guardians WHERE user_id = $1)
          AND ($2::text IS NULL OR r.status = $2)
        ORDER BY r.updated_at DESC, r.id DESC LIMIT 200`,
      [user.id, status ?? null],
    );
    return rows.map((r) => ({
      id: r.id,
      number: r.number,
      typeCode: r.code,
      typeTitle: r.title,
      status: r.status,
      createdAt: new Date(r.created_at).toISOString(),
      submittedAt: r.submitted_at ? new Date(r.submitted_at).toISOString() : null,
      updatedAt: new Date(r.updated_at).toISOString(),
      dueOn: r.due_on,
      actionRequired: r.status === RequestStatus.WaitingResident,
    }));
  }

  async getForAgent(user: AuthenticatedUser, id: string): Promise<AgentRequestView> {
    const { request, type } = await this.agentRequest(user, id);
    const [parts, notes, labels, people] = await Promise.all([
      this.parts(request, type),
      this.dataSource
        .getRepository(RequestNoteEntity)
        .find({ where: { requestId: id }, order: { at: 'ASC', id: 'ASC' } }),
      this.access.labelsOf([request.householdId]),
      this.accounts.findByIds([request.assigneeId, request.filedBy].filter((v): v is string => !!v)),
    ]);
    const name = (userId: string | null) => {
      const p = people.find((a) => a.id === userId);
      return p ? `${p.firstName} ${p.lastName}`.trim() : null;
    };
    return toAgentRequestView({ ...parts, notes }, this.clock.today(), {
      householdLabel: labels.get(request.householdId) ?? '',
      assigneeName: name(request.assigneeId),
      filedByLabel: request.filedBy ? (name(request.filedBy) ?? 'Agent de la ville') : null,
    });
  }

  // --- The resident's side ------------------------------------------------------------------

  /** Starts a draft (shape checked: no unknown field, no wrong type) or, with `submit`, submits it at once (full check). */
  async create(user: AuthenticatedUser, dto: CreateRequestDto): Promise<RequestView> {
    const householdId = await this.access.householdIdOf(user);
    const type = await this.typeByCode(dto.typeCode);
    const [who, recipients, residentName] = await Promise.all([
      this.who(user),
      this.recipients(householdId),
      this.residentName(householdId),
    ]);
    const id = await this.access.write(householdId, user, async ({ m, audit }) => {
      const context = await this.formContext(m, householdId, null);
      this.validator.assertData(
        this.cacheKey(type),
        type.form,
        dto.data,
        context,
        dto.submit ? 'full' : 'draft',
      );
      await this.checkOpenLimit(m, type, householdId);
      const request = await this.insertRequest(m, {
        householdId,
        type,
        data: dto.data,
        channel: RequestChannel.Online,
        createdBy: user.id,
        filedBy: null,
        residentName,
        who,
      });
      if (dto.submit) {
        await this.move(m, request, type, RequestStatus.Submitted, who, null);
        await this.notifyStatus(m, recipients, request, type, null);
      }
      await audit(this.auditEntry('request.create', request, { type: type.code, status: request.status }));
      return request.id;
    });
    return this.getForResident(user, id);
  }

  private async insertRequest(
    m: EntityManager,
    input: {
      householdId: string;
      type: RequestTypeEntity;
      data: Record<string, unknown>;
      channel: RequestChannel;
      createdBy: string;
      filedBy: string | null;
      residentName: string;
      who: Who;
    },
  ): Promise<RequestEntity> {
    const number = await this.nextNumber(m, this.clock.today());
    const repo = m.getRepository(RequestEntity);
    const request = await repo.save(
      repo.create({
        number,
        householdId: input.householdId,
        typeId: input.type.id,
        status: RequestStatus.Draft,
        data: input.data,
        channel: input.channel,
        createdBy: input.createdBy,
        filedBy: input.filedBy,
        residentName: input.residentName,
        searchText: foldText(`${number} ${input.residentName}`),
        schoolSiteId: this.schoolOf(input.type, input.data),
        pausedDays: 0,
        // The application clock, not the database's: « commencé le … » follows FOYER_NOW.
        createdAt: this.clock.now(),
      }),
    );
    await m.getRepository(RequestHistoryEntity).insert({
      requestId: request.id,
      fromStatus: null,
      toStatus: RequestStatus.Draft,
      at: this.clock.now(),
      actorId: input.who.user.id,
      actorRole: input.who.role,
      actorLabel: input.who.label,
      comment: null,
    });
    return request;
  }

  async updateDraft(user: AuthenticatedUser, id: string, dto: UpdateRequestDraftDto): Promise<RequestView> {
    const { request: found, type } = await this.residentRequest(user, id);
    await this.access.write(found.householdId, user, async ({ m, audit }) => {
      const request = await this.lockRequest(m, id);
      if (request.status !== RequestStatus.Draft) {
        throw new ConflictError('Cette démarche est déjà envoyée : elle ne peut plus être modifiée.');
      }
      const context = await this.formContext(m, request.householdId, id);
      this.validator.assertData(this.cacheKey(type), type.form, dto.data, context, 'draft');
      request.data = dto.data;
      request.schoolSiteId = this.schoolOf(type, dto.data);
      await m.getRepository(RequestEntity).save(request);
      await audit(this.auditEntry('request.draft.update', request));
    });
    return this.getForResident(user, id);
  }

  async submit(user: AuthenticatedUser, id: string): Promise<RequestView> {
    const { request: found, type } = await this.residentRequest(user, id);
    const [who, recipients] = await Promise.all([this.who(user), this.recipients(found.householdId)]);
    await this.access.write(found.householdId, user, async ({ m, audit }) => {
      const request = await this.lockRequest(m, id);
      if (request.status !== RequestStatus.Draft) {
        throw new ConflictError('Cette démarche est déjà envoyée.');
      }
      const context = await this.formContext(m, request.householdId, id);
      this.validator.assertData(this.cacheKey(type), type.form, request.data, context, 'full');
      await this.move(m, request, type, RequestStatus.Submitted, who, null);
      await this.notifyStatus(m, recipients, request, type, null);
      await audit(this.auditEntry('request.submit', request));
    });
    return this.getForResident(user, id);
  }

  async withdraw(user: AuthenticatedUser, id: string, comment: string | null): Promise<RequestView> {
    const { request: found, type } = await this.residentRequest(user, id);
    const [who, recipients] = await Promise.all([this.who(user), this.recipients(found.householdId)]);
    await this.access.write(found.householdId, user, async ({ m, audit }) => {
      const request = await this.lockRequest(m, id);
      const wasDraft = request.status === RequestStatus.Draft;
      await this.move(m, request, type, RequestStatus.Withdrawn, who, comment || null);
      if (!wasDraft) await this.notifyStatus(m, recipients, request, type, null);
      await audit(this.auditEntry('request.withdraw', request));
    });
    return this.getForResident(user, id);
  }

  /** The resident writes; on a request waiting for them, this answers: back to « in review », the clock runs again. */
  async residentMessage(
    user: AuthenticatedUser,
    id: string,
    dto: PostRequestMessageDto,
  ): Promise<RequestView> {
    const { request: found, type } = await this.residentRequest(user, id);
    if (dto.question) throw new InvalidInputError('Seul un agent peut poser une question.', 'question');
    const [who, recipients] = await Promise.all([this.who(user), this.recipients(found.householdId)]);
    await this.access.write(found.householdId, user, async ({ m, audit }) => {
      const request = await this.lockRequest(m, id);
      if (!OPEN.has(request.status) || request.status === RequestStatus.Draft) {
        throw new ConflictError(
          'Cette démarche n’est pas en cours de traitement : vous ne pouvez plus y écrire.',
        );
      }
      await this.insertMessage(m, request, who, dto.body, dto.attachmentIds ?? [], false);
      if (request.status === RequestStatus.WaitingResident) {
        await this.move(m, request, type, RequestStatus.InReview, who, 'Réponse de l’usager');
        await this.notifyStatus(m, recipients, request, type, null);
      } else {
        // The updated time moves the request up the agent's « recently changed » sort.
        await m.getRepository(RequestEntity).update({ id }, { updatedAt: this.clock.now() });
      }
      await audit(this.auditEntry('request.message', request, { author: 'resident' }));
    });
    return this.getForResident(user, id);
  }

  private async insertMessage(
    m: EntityManager,
    request: RequestEntity,
    who: Who,
    body: string,
    attachmentIds: string[],
    question: boolean,
  ): Promise<void> {
    if (attachmentIds.length > 0) {
      const count = await m
        .getRepository(RequestAttachmentEntity)
        .countBy({ requestId: request.id, id: In(attachmentIds) });
      if (count !== new Set(attachmentIds).size) {
        throw new InvalidInputError(
          'Ces pièces jointes ne sont pas celles de cette démarche.',
          'attachmentIds',
        );
      }
    }
    await m.getRepository(RequestMessageEntity).insert({
      requestId: request.id,
      author: who.role === 'resident' ? 'resident' : 'agent',
      authorId: who.user.id,
      authorLabel: who.label,
      body,
      question,
      attachmentIds,
      at: this.clock.now(),
    });
  }

  // --- Attachments --------------------------------------------------------------------------

  /** Same content checks as the family documents: PDF, JPEG or PNG by their first bytes, 10 MB at most. */
  async upload(
    user: AuthenticatedUser,
    id: string,
    file: UploadedRequestFile | undefined,
    asAgent: boolean,
  ): Promise<RequestAttachmentView> {
    const { request: found } = asAgent
      ? await this.agentRequest(user, id)
      : await this.residentRequest(user, id);
    if (!file || file.size === 0) throw new InvalidInputError('Joignez un fichier PDF, JPEG ou PNG.', 'file');
    if (file.size > MAX_ATTACHMENT_BYTES) {
      throw new InvalidInputError('Le fichier dépasse la taille maximale de 10 Mo.', 'file');
    }
    const mime = detectMime(file.buffer);
    if (!mime) {
      throw new InvalidInputError(
        'Le fichier doit être un PDF, une image JPEG ou une image PNG : son contenu ne correspond à aucun de ces formats.',
        'file',
      );
    }
    const key = await this.storage.put(file.buffer);
    try {
      return await this.access.write(found.householdId, user, async ({ m, audit }) => {
        const request = await this.lockRequest(m, id);
        if (!OPEN.has(request.status)) {
          throw new ConflictError('Cette démarche est terminée : vous ne pouvez plus y joindre de fichier.');
        }
        const attachment = await m.getRepository(RequestAttachmentEntity).save(
          m.getRepository(RequestAttachmentEntity).create({
            requestId: id,
            source: RequestAttachmentSource.Upload,
            storageKey: key,
            familyDocumentId: null,
            fileName: cleanFileName(file.originalname, mime),
            mimeType: mime,
            sizeBytes: file.size,
            addedByRole: asAgent ? 'agent' : 'resident',
            addedBy: user.id,
            addedAt: this.clock.now(),
          }),
        );
        await audit(this.auditEntry('request.attachment.add', request, { fileName: attachment.fileName }));
        return toAttachmentView(attachment);
      });
    } catch (error) {
      await this.storage
        .delete(key)
        .catch((e: unknown) => this.logger.error({ err: e }, 'orphan file not removed'));
      throw error;
    }
  }

  /** Reuses a document of the family file: linked, not copied. */
  async attachFamilyDocument(
    user: AuthenticatedUser,
    id: string,
    documentId: string,
  ): Promise<RequestAttachmentView> {
    const { request: found } = await this.residentRequest(user, id);
    return this.access.write(found.householdId, user, async ({ m, audit }) => {
      const request = await this.lockRequest(m, id);
      if (!OPEN.has(request.status)) {
        throw new ConflictError('Cette démarche est terminée : vous ne pouvez plus y joindre de document.');
      }
      const [document]: { id: string; file_name: string; mime_type: string; size_bytes: number }[] =
        await m.query(
          `SELECT id, file_name, mime_type, size_bytes FROM household_documents WHERE id = $1 AND household_id = $2`,
          [documentId, request.householdId],
        );
      if (!document) throw new NotFoundError('Ce document est introuvable dans votre dossier famille.');
      const attachment = await m.getRepository(RequestAttachmentEntity).save(
        m.getRepository(RequestAttachmentEntity).create({
          requestId: id,
          source: RequestAttachmentSource.FamilyDocument,
          storageKey: null,
          familyDocumentId: document.id,
          fileName: document.file_name,
          mimeType: document.mime_type,
          sizeBytes: document.size_bytes,
          addedByRole: 'resident',
          addedBy: user.id,
          addedAt: this.clock.now(),
        }),
      );
      await audit(this.auditEntry('request.attachment.link', request, { documentId }));
      return toAttachmentView(attachment);
    });
  }

  async attachmentContent(
    user: AuthenticatedUser,
    id: string,
    attachmentId: string,
    asAgent: boolean,
  ): Promise<{ fileName: string; mimeType: string; content: Buffer }> {
    if (asAgent) await this.agentRequest(user, id);
    else await this.residentRequest(user, id);
    const attachment = await this.dataSource
      .getRepository(RequestAttachmentEntity)
      .findOneBy({ id: attachmentId, requestId: id });
    if (!attachment) throw new NotFoundError('Cette pièce jointe est introuvable.');
    let key = attachment.storageKey;
    if (attachment.source === RequestAttachmentSource.FamilyDocument) {
      const [document]: { storage_key: string; type: string }[] = await this.dataSource.query(
        `SELECT storage_key, type FROM household_documents WHERE id = $1`,
        [attachment.familyDocumentId],
      );
      if (!document) throw new NotFoundError('Ce document n’est plus dans le dossier famille.');
      if (asAgent && !AGENT_READABLE_FAMILY_TYPES.has(document.type)) {
        throw new ForbiddenError(
          'Ce justificatif se consulte depuis le dossier famille, selon votre périmètre.',
        );
      }
      key = document.storage_key;
    }
    return {
      fileName: attachment.fileName,
      mimeType: attachment.mimeType,
      content: await this.storage.get(key as string),
    };
  }

  // --- The agent's side ---------------------------------------------------------------------

  /**
   * An agent moves a request. Approving applies the type's effect in the same transaction as the
   * status change: if the effect refuses, nothing changes. Refusing or asking a question needs a comment.
   */
  async transition(
    user: AuthenticatedUser,
    id: string,
    dto: RequestTransitionDto,
  ): Promise<AgentRequestView> {
    const { request: found, type } = await this.agentRequest(user, id);
    if (!AGENT_TRANSITION_TARGETS.includes(dto.to)) {
      throw new ConflictError(
        `Un agent ne peut pas mettre une démarche à l’état « ${REQUEST_STATUS_LABELS[dto.to]} ».`,
      );
    }
    const comment = dto.comment?.trim() || null;
    if ((dto.to === RequestStatus.Refused || dto.to === RequestStatus.WaitingResident) && !comment) {
      throw new InvalidInputError(
        dto.to === RequestStatus.Refused
          ? 'Indiquez le motif du refus.'
          : 'Écrivez la question posée à l’usager.',
        'comment',
      );
    }
    if (!canTransition(found.status, dto.to)) {
      throw new ConflictError(
        `Une démarche « ${REQUEST_STATUS_LABELS[found.status]} » ne peut pas passer à l’état « ${REQUEST_STATUS_LABELS[dto.to]} ».`,
      );
    }
    const input = dto.effect ?? {};
    const handler = dto.to === RequestStatus.Approved ? this.effects.get(type.effect) : null;
    const prepared = handler?.prepare ? await handler.prepare(found, type, input) : undefined;
    const [who, recipients] = await Promise.all([this.who(user), this.recipients(found.householdId)]);
    const generated: string[] = [];
    try {
      await this.access.write(found.householdId, user, async ({ m, audit }) => {
        const request = await this.lockRequest(m, id);
        await this.move(m, request, type, dto.to, who, comment);
        if (dto.to === RequestStatus.WaitingResident) {
          await this.insertMessage(m, request, who, comment as string, [], true);
        }
        if (handler) {
          const result = await handler.apply({
            m,
            request,
            type,
            actor: user,
            today: this.clock.today(),
            now: this.clock.now(),
            input,
            comment,
            prepared,
            audit,
            attachGenerated: async (file) => {
              const key = await this.storage.put(file.content);
              generated.push(key);
              const attachment = await m.getRepository(RequestAttachmentEntity).save(
                m.getRepository(RequestAttachmentEntity).create({
                  requestId: request.id,
                  source: RequestAttachmentSource.Generated,
                  storageKey: key,
                  familyDocumentId: null,
                  fileName: file.fileName,
                  mimeType: file.mimeType,
                  sizeBytes: file.content.length,
                  addedByRole: 'city',
                  addedBy: user.id,
                  addedAt: this.clock.now(),
                }),
              );
              return attachment.id;
            },
          });
          request.outcome = result.outcome;
          request.effectResult = result.result ?? null;
          await m.getRepository(RequestEntity).save(request);
        }
        if (dto.to !== RequestStatus.Closed) await this.notifyStatus(m, recipients, request, type, comment);
        await audit(this.auditEntry('request.transition', request, { to: dto.to, comment }));
      });
    } catch (error) {
      for (const key of generated) {
        await this.storage
          .delete(key)
          .catch((e: unknown) => this.logger.error({ err: e }, 'orphan file not removed'));
      }
      throw error;
    }
    return this.getForAgent(user, id);
  }

  /** An agent writes to the household; with `question`, asks for more (the request waits for them, the clock pauses). */
  async agentMessage(
    user: AuthenticatedUser,
    id: string,
    dto: PostRequestMessageDto,
  ): Promise<AgentRequestView> {
    if (dto.question) {
      return this.transition(user, id, { to: RequestStatus.WaitingResident, comment: dto.body });
    }
    const { request: found, type } = await this.agentRequest(user, id);
    const [who, recipients] = await Promise.all([this.who(user), this.recipients(found.householdId)]);
    await this.access.write(found.householdId, user, async ({ m, audit }) => {
      const request = await this.lockRequest(m, id);
      if (request.status === RequestStatus.Draft) throw new NotFoundError('Cette démarche est introuvable.');
      await this.insertMessage(m, request, who, dto.body, dto.attachmentIds ?? [], false);
      await m.getRepository(RequestEntity).update({ id }, { updatedAt: this.clock.now() });
      await this.notifications.notify(
        recipients,
        NotificationTopic.RequestUpdate,
        {
          requestLabel: type.title,
          requestNumber: request.number,
          requestId: id,
          event: 'message',
          text: dto.body,
        },
        m,
      );
      await audit(this.auditEntry('request.message', request, { author: 'agent' }));
    });
    return this.getForAgent(user, id);
  }

  /** Agents who may be given a request: agents of its type's scope or of scope démarches. */
  async assignees(user: AuthenticatedUser, id: string): Promise<RequestAssigneeView[]> {
    const { type } = await this.agentRequest(user, id);
    return this.agentsFor(type.scope);
  }

  private async agentsFor(scope: AgentScope): Promise<RequestAssigneeView[]> {
    // The users table belongs to accounts; AccountsService has no "agents by scope" look-up.
    const rows: { id: string; first_name: string; last_name: string }[] = await this.dataSource.query(
      `SELECT id, first_name, last_name FROM users
        WHERE role = 'agent' AND active AND anonymised_at IS NULL AND (scopes && $1::text[])
        ORDER BY last_name, first_name`,
      [[scope, AgentScope.Demarches]],
    );
    return rows.map((r) => ({ id: r.id, name: `${r.first_name} ${r.last_name}`.trim() }));
  }

  async assign(user: AuthenticatedUser, id: string, dto: AssignRequestDto): Promise<AgentRequestView> {
    const { request: found, type } = await this.agentRequest(user, id);
    if (dto.assigneeId !== null) {
      const agents = await this.agentsFor(type.scope);
      if (!agents.some((a) => a.id === dto.assigneeId)) {
        throw new InvalidInputError(
          'Cette personne n’est pas un agent habilité pour ce type de démarche.',
          'assigneeId',
        );
      }
    }
    await this.access.write(found.householdId, user, async ({ m, audit }) => {
      const request = await this.lockRequest(m, id);
      if (request.status === RequestStatus.Draft) throw new NotFoundError('Cette démarche est introuvable.');
      const before = request.assigneeId;
      request.assigneeId = dto.assigneeId;
      await m.getRepository(RequestEntity).save(request);
      await audit(this.auditEntry('request.assign', request, { before, after: dto.assigneeId }));
    });
    return this.getForAgent(user, id);
  }

  async addNote(user: AuthenticatedUser, id: string, dto: AddRequestNoteDto): Promise<AgentRequestView> {
    const { request: found } = await this.agentRequest(user, id);
    const who = await this.who(user);
    await this.access.write(found.householdId, user, async ({ m, audit }) => {
      const request = await this.lockRequest(m, id);
      await m.getRepository(RequestNoteEntity).insert({
        requestId: id,
        authorId: user.id,
        authorLabel: who.label,
        body: dto.body,
        at: this.clock.now(),
      });
      await audit(this.auditEntry('request.note', request));
    });
    return this.getForAgent(user, id);
  }

  /** An agent files a request for a household (counter, phone, mail): checked in full, submitted at once. */
  async fileOnBehalf(user: AuthenticatedUser, dto: FileRequestOnBehalfDto): Promise<AgentRequestView> {
    await this.access.requireHousehold(dto.householdId);
    const type = await this.typeByCode(dto.typeCode);
    if (!this.canProcess(user, type)) {
      throw new ForbiddenError('Ce type de démarche ne relève pas de votre périmètre.');
    }
    const [who, recipients, residentName] = await Promise.all([
      this.who(user),
      this.recipients(dto.householdId),
      this.residentName(dto.householdId),
    ]);
    const id = await this.access.write(dto.householdId, user, async ({ m, audit }) => {
      const context = await this.formContext(m, dto.householdId, null);
      this.validator.assertData(this.cacheKey(type), type.form, dto.data, context, 'full');
      await this.checkOpenLimit(m, type, dto.householdId);
      const request = await this.insertRequest(m, {
        householdId: dto.householdId,
        type,
        data: dto.data,
        channel: dto.channel,
        createdBy: user.id,
        filedBy: user.id,
        residentName,
        who,
      });
      await this.move(m, request, type, RequestStatus.Submitted, who, null);
      await this.notifyStatus(m, recipients, request, type, null);
      await audit(
        this.auditEntry('request.file-on-behalf', request, { type: type.code, channel: dto.channel }),
      );
      return request.id;
    });
    return this.getForAgent(user, id);
  }
}

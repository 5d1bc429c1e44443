import {
  REQUEST_TRANSITIONS,
  AGENT_TRANSITION_TARGETS,
  AgentRequestSummaryView,
  AgentRequestView,
  RequestAttachmentView,
  RequestHistoryEntryView,
  RequestMessageView,
  RequestNoteView,
  RequestStatus,
  RequestSummaryView,
  RequestTypeView,
  RequestView,
  OPEN_REQUEST_STATUSES,
} from '@foyer/shared/contracts';
import { IsoDate, isRequestOverdue } from '@foyer/shared/domain';
import {
  RequestAttachmentEntity,
  RequestEntity,
  RequestHistoryEntity,
  RequestMessageEntity,
  RequestNoteEntity,
  RequestTypeEntity,
} from './entities';

export function toRequestTypeView(type: RequestTypeEntity): RequestTypeView {
  return {
    id: type.id,
    code: type.code,
    title: type.title,
    description: type.description,
    form: type.form,
    requiredDocuments: type.requiredDocuments,
    scope: type.scope,
    effect: type.effect,
    targetDays: type.targetDays,
    severalOpenAllowed: type.severalOpenAllowed,
    active: type.active,
    updatedAt: type.updatedAt.toISOString(),
  };
}

export function toHistoryView(h: RequestHistoryEntity): RequestHistoryEntryView {
  return {
    id: h.id,
    from: h.fromStatus,
    to: h.toStatus,
    at: h.at.toISOString(),
    actorLabel: h.actorLabel,
    actorRole: h.actorRole,
    comment: h.comment,
  };
}

export function toMessageView(m: RequestMessageEntity): RequestMessageView {
  return {
    id: m.id,
    author: m.author,
    authorLabel: m.authorLabel,
    body: m.body,
    question: m.question,
    attachmentIds: m.attachmentIds,
    at: m.at.toISOString(),
  };
}

export function toNoteView(n: RequestNoteEntity): RequestNoteView {
  return { id: n.id, authorLabel: n.authorLabel, body: n.body, at: n.at.toISOString() };
}

export function toAttachmentView(a: RequestAttachmentEntity): RequestAttachmentView {
  return {
    id: a.id,
    source: a.source,
    fileName: a.fileName,
    mimeType: a.mimeType,
    sizeBytes: a.sizeBytes,
    familyDocumentId: a.familyDocumentId,
    addedBy: a.addedByRole,
    addedAt: a.addedAt.toISOString(),
  };
}

export interface RequestParts {
  request: RequestEntity;
  type: RequestTypeEntity;
  history: RequestHistoryEntity[];
  messages: RequestMessageEntity[];
  attachments: RequestAttachmentEntity[];
}

const OPEN = new Set<RequestStatus>(OPEN_REQUEST_STATUSES);

export function toRequestView(parts: RequestParts, today: IsoDate): RequestView {
  const { request: r, type } = parts;
  const lastQuestion = [...parts.messages].reverse().find((m) => m.author === 'agent' && m.question);
  return {
    id: r.id,
    number: r.number,
    typeCode: type.code,
    typeTitle: type.title,
    effect: type.effect,
    status: r.status,
    data: r.data,
    channel: r.channel,
    createdAt: r.createdAt.toISOString(),
    submittedAt: r.submittedAt?.toISOString() ?? null,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    decisionReason: r.decisionReason,
    dueOn: r.dueOn,
    overdue: isRequestOverdue(r.status, r.dueOn, today),
    clockPaused: r.status === RequestStatus.WaitingResident,
    pendingQuestion: r.status === RequestStatus.WaitingResident ? (lastQuestion?.body ?? null) : null,
    canEdit: r.status === RequestStatus.Draft,
    canSubmit: r.status === RequestStatus.Draft,
    canWithdraw: OPEN.has(r.status),
    outcome: r.outcome,
    history: parts.history.map(toHistoryView),
    messages: parts.messages.map(toMessageView),
    attachments: parts.attachments.map(toAttachmentView),
  };
}

export function toAgentRequestView(
  parts: RequestParts & { notes: RequestNoteEntity[] },
  today: IsoDate,
  extra: { householdLabel: string; assigneeName: string | null; filedByLabel: string | null },
): AgentRequestView {
  const r = parts.request;
  return {
    ...toRequestView(parts, today),
    householdId: r.householdId,
    householdLabel: extra.householdLabel,
    residentName: r.residentName,
    scope: parts.type.scope,
    assigneeId: r.assigneeId,
    assigneeName: extra.assigneeName,
    filedByLabel: extra.filedByLabel,
    notes: parts.notes.map(toNoteView),
    allowedTransitions: REQUEST_TRANSITIONS[r.status].filter((s) => AGENT_TRANSITION_TARGETS.includes(s)),
    pausedDays: r.pausedDays,
  };
}

export function toSummaryView(r: RequestEntity, type: RequestTypeEntity): RequestSummaryView {
  return {
    id: r.id,
    number: r.number,
    typeCode: type.code,
    typeTitle: type.title,
    status: r.status,
    createdAt: r.createdAt.toISOString(),
    submittedAt: r.submittedAt?.toISOString() ?? null,
    updatedAt: r.updatedAt.toISOString(),
    dueOn: r.dueOn,
    actionRequired: r.status === RequestStatus.WaitingResident,
  };
}

/** A queue row as the queue's SQL returns it. */
export interface QueueRow {
  id: string;
  number: string;
  type_id: string;
  status: RequestStatus;
  household_id: string;
  resident_name: string;
  assignee_id: string | null;
  channel: AgentRequestSummaryView['channel'];
  submitted_at: Date | null;
  updated_at: Date;
  due_on: string | null;
  school_site_id: string | null;
}

export function toQueueItem(
  row: QueueRow,
  type: RequestTypeEntity | undefined,
  assigneeName: string | null,
  today: IsoDate,
): AgentRequestSummaryView {
  return {
    id: row.id,
    number: row.number,
    typeCode: type?.code ?? '',
    typeTitle: type?.title ?? '',
    status: row.status,
    householdId: row.household_id,
    residentName: row.resident_name,
    assigneeId: row.assignee_id,
    assigneeName,
    channel: row.channel,
    submittedAt: row.submitted_at ? new Date(row.submitted_at).toISOString() : null,
    updatedAt: new Date(row.updated_at).toISOString(),
    dueOn: row.due_on,
    overdue: isRequestOverdue(row.status, row.due_on, today),
    schoolSiteId: row.school_site_id,
  };
}

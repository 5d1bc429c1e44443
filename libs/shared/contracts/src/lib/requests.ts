import { AgentScope } from './permissions';

/**
 * Online service requests (démarches): a resident asks the city for something, an agent of the
 * type's scope processes it in the back office, and an approval applies the type's effect.
 */

export enum RequestStatus {
  Draft = 'draft',
  Submitted = 'submitted',
  InReview = 'in_review',
  /** An agent asked the resident something: the processing clock is paused until they answer. */
  WaitingResident = 'waiting_resident',
  Approved = 'approved',
  Refused = 'refused',
  Withdrawn = 'withdrawn',
  Closed = 'closed',
}

export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = {
  [RequestStatus.Draft]: 'Brouillon',
  [RequestStatus.Submitted]: 'Envoyée',
  [RequestStatus.InReview]: 'En cours d’instruction',
  [RequestStatus.WaitingResident]: 'En attente de votre réponse',
  [RequestStatus.Approved]: 'Acceptée',
  [RequestStatus.Refused]: 'Refusée',
  [RequestStatus.Withdrawn]: 'Retirée',
  [RequestStatus.Closed]: 'Clôturée',
};

/** The same statuses as agents read them in the queue. */
export const REQUEST_STATUS_AGENT_LABELS: Record<RequestStatus, string> = {
  ...REQUEST_STATUS_LABELS,
  [RequestStatus.WaitingResident]: 'En attente de l’usager',
};

/**
 * Allowed transitions. Anything else answers 409. Who may take each one:
 * - resident: draft → submitted (submit), waiting_resident → in_review (by answering with a message),
 *   draft|submitted|in_review|waiting_resident → withdrawn (withdraw);
 * - agent: every other arrow, through POST /api/admin/requests/:id/transitions.
 */
export const REQUEST_TRANSITIONS: Record<RequestStatus, readonly RequestStatus[]> = {
  [RequestStatus.Draft]: [RequestStatus.Submitted, RequestStatus.Withdrawn],
  [RequestStatus.Submitted]: [
    RequestStatus.InReview,
    RequestStatus.WaitingResident,
    RequestStatus.Approved,
    RequestStatus.Refused,
    RequestStatus.Withdrawn,
  ],
  [RequestStatus.InReview]: [
    RequestStatus.WaitingResident,
    RequestStatus.Approved,
    RequestStatus.Refused,
    RequestStatus.Withdrawn,
  ],
  [RequestStatus.WaitingResident]: [
    RequestStatus.InReview,
    RequestStatus.Approved,
    RequestStatus.Refused,
    RequestStatus.Withdrawn,
  ],
  [RequestStatus.Approved]: [RequestStatus.Closed],
  [RequestStatus.Refused]: [RequestStatus.Closed],
  [RequestStatus.Withdrawn]: [RequestStatus.Closed],
  [RequestStatus.Closed]: [],
};

/** Statuses an agent may ask for through the transitions route. */
export const AGENT_TRANSITION_TARGETS: readonly RequestStatus[] = [
  RequestStatus.InReview,
  RequestStatus.WaitingResident,
  RequestStatus.Approved,
  RequestStatus.Refused,
  RequestStatus.Closed,
];

/** Not decided yet: counts as "open" (one open per type unless the type allows several). */
export const OPEN_REQUEST_STATUSES: readonly RequestStatus[] = [
  RequestStatus.Draft,
  RequestStatus.Submitted,
  RequestStatus.InReview,
  RequestStatus.WaitingResident,
];

export function canTransition(from: RequestStatus, to: RequestStatus): boolean {
  return REQUEST_TRANSITIONS[from].includes(to);
}

/** What an approval does. One handler per effect on the API side. */
export enum RequestEffect {
  /** A free message to the city: no effect. */
  None = 'none',
  /** Assigns the child's school (and class level). */
  SchoolEnrolment = 'school_enrolment',
  /** Creates the child's enrolment in an activity (bookings). */
  ActivityEnrolment = 'activity_enrolment',
  /** Records the household's quotient familial with its effective date (billing reads it). */
  QuotientUpdate = 'quotient_update',
  /** Records the commission's decision on a crèche place (ranked wishes, desired start). */
  CrechePlace = 'creche_place',
  /** Generates an attestation (de présence or de paiement) as a PDF attached to the request. */
  Certificate = 'certificate',
  /** Changes the household's address. */
  AddressChange = 'address_change',
}

export const REQUEST_EFFECT_LABELS: Record<RequestEffect, string> = {
  [RequestEffect.None]: 'Aucun effet automatique',
  [RequestEffect.SchoolEnrolment]: 'Affecte l’école de l’enfant',
  [RequestEffect.ActivityEnrolment]: 'Inscrit l’enfant à l’activité',
  [RequestEffect.QuotientUpdate]: 'Enregistre le quotient familial',
  [RequestEffect.CrechePlace]: 'Enregistre la décision de la commission',
  [RequestEffect.Certificate]: 'Produit l’attestation (PDF)',
  [RequestEffect.AddressChange]: 'Change l’adresse du foyer',
};

/** How a request reached the city. Agents filing on a resident's behalf say which. */
export enum RequestChannel {
  Online = 'online',
  Counter = 'counter',
  Phone = 'phone',
  Mail = 'mail',
}

export const REQUEST_CHANNEL_LABELS: Record<RequestChannel, string> = {
  [RequestChannel.Online]: 'En ligne',
  [RequestChannel.Counter]: 'Au guichet',
  [RequestChannel.Phone]: 'Par téléphone',
  [RequestChannel.Mail]: 'Par courrier',
};

/** Codes of the request types the seed creates (admins may add others). */
export enum SeededRequestTypeCode {
  SchoolEnrolment = 'inscription-scolaire',
  ActivityEnrolment = 'inscription-activite',
  QuotientUpdate = 'mise-a-jour-qf',
  CrechePlace = 'demande-creche',
  Certificate = 'attestation',
  AddressChange = 'changement-adresse',
  FreeMessage = 'message-libre',
}

/**
 * Portal-specific field kinds, set on a property of the form schema as `"x-foyer-kind": "<kind>"`.
 * The value is a string id:
 * - child: the id of a child of the household (another household's child is refused);
 * - file: the id of an attachment of this request (upload it first); `x-foyer-max-bytes` caps its size;
 * - family-document: the id of a document of the household's family file; `x-foyer-document-types`
 *   may restrict its types (DocumentType values).
 * The portal also renders `x-foyer-widget: "textarea"` on a string as a long text.
 */
export enum FoyerFieldKind {
  Child = 'child',
  File = 'file',
  FamilyDocument = 'family-document',
}

export const FOYER_KIND_KEYWORD = 'x-foyer-kind';
export const FOYER_MAX_BYTES_KEYWORD = 'x-foyer-max-bytes';
export const FOYER_DOCUMENT_TYPES_KEYWORD = 'x-foyer-document-types';
export const FOYER_WIDGET_KEYWORD = 'x-foyer-widget';
/** Ordering of the properties in the rendered form (JSON objects keep insertion order, but say it). */
export const FOYER_ORDER_KEYWORD = 'x-foyer-order';

/**
 * One field of a form: a JSON Schema (draft 2020-12) property. Field types map as:
 * text `{type:'string'}`, long text `+ x-foyer-widget:'textarea'`, number `{type:'number'|'integer'}`,
 * date `{type:'string', format:'date'}`, choice `{type:'string', enum:[...]}` (or `oneOf` of
 * `{const, title}`), yes/no `{type:'boolean'}`, child / file / family document `{type:'string',
 * 'x-foyer-kind': ...}`, a ranked list `{type:'array', items:{...}}`. Every property has a `title`
 * (French label).
 */
export interface RequestFormProperty {
  type?: 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object';
  title: string;
  description?: string;
  format?: string;
  enum?: readonly (string | number)[];
  oneOf?: readonly { const: string | number; title: string }[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  items?: Omit<RequestFormProperty, 'title'> & { title?: string };
  default?: unknown;
  'x-foyer-kind'?: FoyerFieldKind;
  'x-foyer-max-bytes'?: number;
  'x-foyer-document-types'?: readonly string[];
  'x-foyer-widget'?: 'textarea';
  [keyword: string]: unknown;
}

/** The form of a request type: a JSON Schema draft 2020-12 object schema, closed to unknown fields. */
export interface RequestFormSchema {
  $schema?: 'https://json-schema.org/draft/2020-12/schema';
  type: 'object';
  title?: string;
  properties: Record<string, RequestFormProperty>;
  required?: string[];
  /** Always false: a submission with an unknown field is refused. */
  additionalProperties: false;
  'x-foyer-order'?: string[];
  [keyword: string]: unknown;
}

/** A document the resident should attach (as a file field, a family document or a later upload). */
export interface RequiredDocumentView {
  /** A DocumentType of the family file, or a free code. */
  code: string;
  label: string;
  optional?: boolean;
}

export interface RequestTypeView {
  id: string;
  code: string;
  title: string;
  /** Shown to residents in the catalogue (plain text). */
  description: string;
  form: RequestFormSchema;
  requiredDocuments: RequiredDocumentView[];
  /** The agent scope that processes this type (agents of scope démarches process every type). */
  scope: AgentScope;
  effect: RequestEffect;
  /** Processing target in calendar days from submission (the clock pauses while waiting for the resident). */
  targetDays: number;
  /** A household may have several open requests of this type at once. */
  severalOpenAllowed: boolean;
  /** Inactive types are hidden from the catalogue; their requests stay. */
  active: boolean;
  updatedAt: string;
}

/** POST /api/admin/request-types and PUT /api/admin/request-types/:id. */
export interface SaveRequestTypeRequest {
  code: string;
  title: string;
  description: string;
  form: RequestFormSchema;
  requiredDocuments?: RequiredDocumentView[];
  scope: AgentScope;
  effect: RequestEffect;
  targetDays: number;
  severalOpenAllowed?: boolean;
  active?: boolean;
}

/**
 * POST /api/requests: creates a draft (the data may be incomplete, but no unknown field and no wrong
 * type); with `submit: true` it is validated in full and submitted at once.
 */
export interface CreateRequestRequest {
  typeCode: string;
  data: Record<string, unknown>;
  submit?: boolean;
}

/** PUT /api/requests/:id: replaces a draft's data. */
export interface UpdateRequestDraftRequest {
  data: Record<string, unknown>;
}

/** POST /api/admin/requests: an agent files a request on a resident's behalf; it is submitted at once. */
export interface FileRequestOnBehalfRequest {
  householdId: string;
  typeCode: string;
  data: Record<string, unknown>;
  channel: Exclude<RequestChannel, RequestChannel.Online>;
}

/** POST /api/admin/requests/:id/transitions. A comment is required to refuse or to ask a question. */
export interface RequestTransitionRequest {
  to: RequestStatus;
  comment?: string;
  /**
   * Details of the decision its effect needs, on approval: school enrolment `{ schoolSiteId?,
   * classLevel? }` (default: the school asked for), QF update `{ effectiveFrom? }` (default: asked
   * date or today), crèche `{ crecheCode, startOn }` (the commission's decision; default: first wish
   * and desired start).
   */
  effect?: Record<string, unknown>;
}

/** POST /api/requests/:id/withdraw. */
export interface WithdrawRequestRequest {
  comment?: string;
}

/**
 * POST /api/requests/:id/messages (resident) and POST /api/admin/requests/:id/messages (agent).
 * A resident's message on a request waiting for them answers the question: it goes back to in_review.
 * An agent's message with `question: true` asks for more information (→ waiting_resident).
 */
export interface PostRequestMessageRequest {
  body: string;
  /** Attachments of this request to link to the message. */
  attachmentIds?: string[];
  question?: boolean;
}

/** POST /api/admin/requests/:id/assign: null unassigns. */
export interface AssignRequestRequest {
  assigneeId: string | null;
}

/** POST /api/admin/requests/:id/notes: internal, never shown to residents. */
export interface AddRequestNoteRequest {
  body: string;
}

/** POST /api/requests/:id/family-documents with `{ documentId }`: reuse a document of the family file. */
export interface AttachFamilyDocumentRequest {
  documentId: string;
}

export enum RequestAttachmentSource {
  /** Uploaded for this request (multipart `file` on POST /api/requests/:id/documents). */
  Upload = 'upload',
  /** A document of the family file, linked. */
  FamilyDocument = 'family_document',
  /** Produced by the city (e.g. the attestation PDF). */
  Generated = 'generated',
}

export interface RequestAttachmentView {
  id: string;
  source: RequestAttachmentSource;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  familyDocumentId: string | null;
  /** 'resident' | 'agent' | 'city' */
  addedBy: 'resident' | 'agent' | 'city';
  addedAt: string;
}

export interface RequestHistoryEntryView {
  id: string;
  from: RequestStatus | null;
  to: RequestStatus;
  at: string;
  /** Who took it: the resident's or the agent's name, « La ville » for system steps. */
  actorLabel: string;
  actorRole: 'resident' | 'agent' | 'admin' | 'system';
  comment: string | null;
}

export interface RequestMessageView {
  id: string;
  author: 'resident' | 'agent';
  authorLabel: string;
  body: string;
  /** An agent's question that paused the clock. */
  question: boolean;
  attachmentIds: string[];
  at: string;
}

export interface RequestNoteView {
  id: string;
  authorLabel: string;
  body: string;
  at: string;
}

/** A request as its household sees it. */
export interface RequestView {
  id: string;
  /** Human number, e.g. D-2026-000123. */
  number: string;
  typeCode: string;
  typeTitle: string;
  effect: RequestEffect;
  status: RequestStatus;
  data: Record<string, unknown>;
  channel: RequestChannel;
  createdAt: string;
  submittedAt: string | null;
  decidedAt: string | null;
  /** The agent's reason for the decision (approval or refusal). */
  decisionReason: string | null;
  /** Paris date by which the city aims to answer, null for a draft. */
  dueOn: string | null;
  overdue: boolean;
  /** Waiting for the resident: the target clock is paused. */
  clockPaused: boolean;
  /** The last unanswered agent question, when waiting for the resident. */
  pendingQuestion: string | null;
  /** Actions the reader may take now. */
  canEdit: boolean;
  canSubmit: boolean;
  canWithdraw: boolean;
  /** What the approval produced, in words (e.g. « Inscription à l’école Jules Ferry »). */
  outcome: string | null;
  history: RequestHistoryEntryView[];
  messages: RequestMessageView[];
  attachments: RequestAttachmentView[];
}

/** One line of « Mes démarches ». */
export interface RequestSummaryView {
  id: string;
  number: string;
  typeCode: string;
  typeTitle: string;
  status: RequestStatus;
  createdAt: string;
  submittedAt: string | null;
  updatedAt: string;
  dueOn: string | null;
  /** Waiting for the resident's answer. */
  actionRequired: boolean;
}

/** A request as an agent sees it: everything the household sees, plus notes and assignment. */
export interface AgentRequestView extends RequestView {
  householdId: string;
  householdLabel: string;
  residentName: string;
  scope: AgentScope;
  assigneeId: string | null;
  assigneeName: string | null;
  /** The agent who filed it on the resident's behalf, if any. */
  filedByLabel: string | null;
  notes: RequestNoteView[];
  /** Statuses the agent may move it to now. */
  allowedTransitions: RequestStatus[];
  /** Business days spent waiting for the resident so far (not counted against the target). */
  pausedDays: number;
}

/** One line of the agents' queue. */
export interface AgentRequestSummaryView {
  id: string;
  number: string;
  typeCode: string;
  typeTitle: string;
  status: RequestStatus;
  householdId: string;
  residentName: string;
  assigneeId: string | null;
  assigneeName: string | null;
  channel: RequestChannel;
  submittedAt: string | null;
  updatedAt: string;
  dueOn: string | null;
  overdue: boolean;
  /** Site id of the school the request is about (school enrolment), for the school filter. */
  schoolSiteId: string | null;
}

export type RequestQueueSort =
  'due' | '-due' | 'submitted' | '-submitted' | 'number' | '-number' | 'updated' | '-updated';

/**
 * GET /api/admin/requests. All optional. `status`/`type` accept a comma-separated list; `assignee`
 * is an agent id, `me` or `none`; `q` searches the resident's name and the request number (accents
 * and case ignored); `overdue=true`; `school` a site id. Pagination: `cursor` (keyset, from
 * `nextCursor`) or `page` (1-based); `pageSize` up to 100 (25 by default).
 */
export interface RequestQueueQuery {
  status?: string;
  type?: string;
  assignee?: string;
  q?: string;
  overdue?: boolean | 'true' | 'false';
  school?: string;
  sort?: RequestQueueSort;
  cursor?: string;
  page?: number;
  pageSize?: number;
}

export interface RequestQueuePageView {
  items: AgentRequestSummaryView[];
  /** Pass as `cursor` to get the next page; null at the end. */
  nextCursor: string | null;
  /** Set with `page` pagination only (counting is skipped with cursors, to stay fast). */
  total: number | null;
  page: number | null;
  pageSize: number;
}

/** GET /api/admin/requests/dashboard: open counts the agent's scopes reach. */
export interface RequestDashboardView {
  byStatus: Record<RequestStatus, number>;
  overdue: number;
  /** Assigned to the reader and open. */
  mine: number;
  unassigned: number;
  /** Mean days from submission to decision over the last 90 days, null without decisions. */
  averageProcessingDays: number | null;
  byType: { typeCode: string; typeTitle: string; open: number; overdue: number }[];
}

/** Agents a request may be assigned to (agents of the type's scope or of scope démarches). */
export interface RequestAssigneeView {
  id: string;
  name: string;
}

/** Paths relative to the /api prefix. `:id` is a request (or a request type for the admin CRUD). */
export const RequestRoutes = {
  types: 'request-types',
  requests: 'requests',
  request: 'requests/:id',
  submit: 'requests/:id/submit',
  withdraw: 'requests/:id/withdraw',
  messages: 'requests/:id/messages',
  /** POST multipart `file`: upload an attachment. */
  documents: 'requests/:id/documents',
  /** POST `{ documentId }`: link a document of the family file. */
  familyDocuments: 'requests/:id/family-documents',
  /** GET the content of one attachment (the attestation PDF too). */
  document: 'requests/:id/documents/:documentId',
  adminRequests: 'admin/requests',
  adminRequest: 'admin/requests/:id',
  adminTransitions: 'admin/requests/:id/transitions',
  adminMessages: 'admin/requests/:id/messages',
  adminAssign: 'admin/requests/:id/assign',
  adminNotes: 'admin/requests/:id/notes',
  adminDocuments: 'admin/requests/:id/documents',
  adminDocument: 'admin/requests/:id/documents/:documentId',
  adminAssignees: 'admin/requests/:id/assignees',
  adminDashboard: 'admin/requests/dashboard',
  adminTypes: 'admin/request-types',
  adminType: 'admin/request-types/:id',
} as const;

/** Largest upload attached to a request (the family file's limit). */
export const MAX_REQUEST_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** What a message is about. Each topic has one template and a preference per channel. */
export enum NotificationTopic {
  /** Security mails of the account (verification, password reset, invitations). */
  Account = 'account',
  InvoiceIssued = 'invoice-issued',
  RequestDecision = 'request-decision',
  /** A request's status changed, an agent wrote or asked a question (decisions use RequestDecision). */
  RequestUpdate = 'request-update',
  /** The daily digest of what waits for an agent in the requests queue (agents only). */
  AgentDigest = 'agent-digest',
  EnrolmentDecision = 'enrolment-decision',
  SepaPrenotification = 'sepa-prenotification',
  DocumentExpiring = 'document-expiring',
  WaitingList = 'waiting-list',
  CityAnnouncement = 'city-announcement',
  /** A closure cancelled bookings (without charge). */
  BookingClosure = 'booking-closure',
  /** Reminder before a booking deadline: a child has no booking among the days it closes. */
  BookingDeadline = 'booking-deadline',
}

/** How a message reaches a person. The inbox is always written; SMS and Web Push have no sender yet. */
export enum NotificationChannel {
  Inbox = 'inbox',
  Email = 'email',
  Sms = 'sms',
  Push = 'push',
}

/** Delivery status of one message, named as GOV.UK Notify names them. */
export enum DeliveryStatus {
  Created = 'created',
  Sending = 'sending',
  Delivered = 'delivered',
  TemporaryFailure = 'temporary-failure',
  PermanentFailure = 'permanent-failure',
  TechnicalFailure = 'technical-failure',
}

export interface NotificationTopicInfo {
  topic: NotificationTopic;
  /** French, as families read it. */
  label: string;
  /** Sent by e-mail whatever the preferences; `requiredReason` says why. */
  required: boolean;
  requiredReason?: string;
  /** Shown in the preferences (the account's security mails are not). */
  listed: boolean;
}

const LEGAL = 'Obligatoire : la réglementation impose de vous en informer.';

export const NOTIFICATION_TOPICS: readonly NotificationTopicInfo[] = [
  {
    topic: NotificationTopic.Account,
    label: 'Sécurité de votre compte',
    required: true,
    requiredReason: 'Obligatoire : ces messages protègent l’accès à votre compte.',
    listed: false,
  },
  {
    topic: NotificationTopic.InvoiceIssued,
    label: 'Factures émises',
    required: true,
    requiredReason: LEGAL,
    listed: true,
  },
  {
    topic: NotificationTopic.RequestDecision,
    label: 'Décisions sur vos démarches',
    required: true,
    requiredReason: LEGAL,
    listed: true,
  },
  {
    topic: NotificationTopic.RequestUpdate,
    label: 'Suivi de vos démarches (questions, messages, changements d’état)',
    required: false,
    listed: true,
  },
  {
    topic: NotificationTopic.AgentDigest,
    label: 'Récapitulatif quotidien des demandes à traiter',
    required: false,
    listed: false,
  },
  {
    topic: NotificationTopic.EnrolmentDecision,
    label: 'Décisions d’inscription',
    required: true,
    requiredReason: LEGAL,
    listed: true,
  },
  {
    topic: NotificationTopic.SepaPrenotification,
    label: 'Pré-notifications de prélèvement SEPA',
    required: true,
    requiredReason: LEGAL,
    listed: true,
  },
  {
    topic: NotificationTopic.DocumentExpiring,
    label: 'Rappels : justificatifs bientôt expirés',
    required: false,
    listed: true,
  },
  {
    topic: NotificationTopic.WaitingList,
    label: 'Nouvelles de la liste d’attente',
    required: false,
    listed: true,
  },
  { topic: NotificationTopic.CityAnnouncement, label: 'Annonces de la ville', required: false, listed: true },
  {
    topic: NotificationTopic.BookingClosure,
    label: 'Fermetures et réservations annulées',
    required: false,
    listed: true,
  },
  {
    topic: NotificationTopic.BookingDeadline,
    label: 'Rappels : dates limites de réservation',
    required: false,
    listed: true,
  },
];

export function topicInfo(topic: NotificationTopic): NotificationTopicInfo {
  const info = NOTIFICATION_TOPICS.find((t) => t.topic === topic);
  if (!info) throw new Error(`unknown notification topic ${topic}`);
  return info;
}

/** The channels a family chooses per topic (the inbox is always on). */
export const PREFERENCE_CHANNELS: readonly NotificationChannel[] = [
  NotificationChannel.Email,
  NotificationChannel.Sms,
];

export const CHANNEL_LABELS: Record<NotificationChannel, string> = {
  [NotificationChannel.Inbox]: 'Messagerie du portail',
  [NotificationChannel.Email]: 'E-mail',
  [NotificationChannel.Sms]: 'SMS',
  [NotificationChannel.Push]: 'Notification du navigateur',
};

export const DELIVERY_STATUS_LABELS: Record<DeliveryStatus, string> = {
  [DeliveryStatus.Created]: 'Créé',
  [DeliveryStatus.Sending]: 'En cours d’envoi',
  [DeliveryStatus.Delivered]: 'Remis',
  /** Also final (GOV.UK Notify's meaning) once no retry remains: see `retryPlanned`. */
  [DeliveryStatus.TemporaryFailure]: 'Échec temporaire',
  [DeliveryStatus.PermanentFailure]: 'Échec définitif',
  [DeliveryStatus.TechnicalFailure]: 'Échec technique',
};

/** A message of the person's inbox. */
export interface NotificationView {
  id: string;
  topic: NotificationTopic;
  subject: string;
  body: string;
  /** Path inside the portal the message is about (e.g. /famille), if any. */
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPageView {
  items: NotificationView[];
  total: number;
  unread: number;
  page: number;
  pageSize: number;
}

export interface UnreadCountView {
  unread: number;
}

export interface NotificationPreferenceView {
  topic: NotificationTopic;
  channel: NotificationChannel;
  enabled: boolean;
  /** Law-required topic: always on, cannot be switched off. */
  locked: boolean;
}

export interface NotificationPreferencesPageView {
  preferences: NotificationPreferenceView[];
  /** Set when the last mail to the account's address was refused for good (e.g. unknown user). */
  emailFailure: { address: string; failedAt: string; reason: string } | null;
}

export interface NotificationPreferenceChange {
  topic: NotificationTopic;
  channel: NotificationChannel;
  enabled: boolean;
}

export interface UpdateNotificationPreferencesBody {
  preferences: NotificationPreferenceChange[];
}

/** One message sent to a household, as agents see it in the family file. */
export interface HouseholdMessageView {
  id: string;
  topic: NotificationTopic;
  channel: NotificationChannel;
  subject: string;
  address: string | null;
  status: DeliveryStatus;
  statusDetail: string | null;
  /** A temporary failure with an attempt still to come; false once the queue gave up. */
  retryPlanned: boolean;
  createdAt: string;
  statusAt: string;
  readAt: string | null;
}

/** A job that failed all its attempts and waits in its queue's dead-letter queue. */
export interface FailedJobView {
  id: string;
  queue: string;
  error: string;
  failedAt: string;
}

export const NotificationRoutes = {
  list: 'notifications',
  unreadCount: 'notifications/unread-count',
  readAll: 'notifications/read-all',
  preferences: 'account/notification-preferences',
  adminJobs: 'admin/jobs',
} as const;

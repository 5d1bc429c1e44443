import { DeliveryStatus, NotificationChannel, NotificationTopic } from '@foyer/shared/contracts';

// The contracts' labels are French (the API writes them into e-mails); the pages say them in the
// page's language. This lib is lazy: its module code runs after the English translations load.

const CHANNELS: Record<NotificationChannel, string> = {
  [NotificationChannel.Inbox]: $localize`:@@notifications.labels.channel.inbox:Messagerie du portail`,
  [NotificationChannel.Email]: $localize`:@@notifications.labels.channel.email:E-mail`,
  [NotificationChannel.Sms]: $localize`:@@notifications.labels.channel.sms:SMS`,
  [NotificationChannel.Push]: $localize`:@@notifications.labels.channel.push:Notification du navigateur`,
};

const DELIVERY_STATUSES: Record<DeliveryStatus, string> = {
  [DeliveryStatus.Created]: $localize`:@@notifications.labels.delivery.created:Créé`,
  [DeliveryStatus.Sending]: $localize`:@@notifications.labels.delivery.sending:En cours d’envoi`,
  [DeliveryStatus.Delivered]: $localize`:@@notifications.labels.delivery.delivered:Remis`,
  [DeliveryStatus.TemporaryFailure]: $localize`:@@notifications.labels.delivery.temporaryFailure:Échec temporaire`,
  [DeliveryStatus.PermanentFailure]: $localize`:@@notifications.labels.delivery.permanentFailure:Échec définitif`,
  [DeliveryStatus.TechnicalFailure]: $localize`:@@notifications.labels.delivery.technicalFailure:Échec technique`,
};

const TOPICS: Record<NotificationTopic, string> = {
  [NotificationTopic.Account]: $localize`:@@notifications.labels.topic.account:Sécurité de votre compte`,
  [NotificationTopic.InvoiceIssued]: $localize`:@@notifications.labels.topic.invoiceIssued:Factures émises`,
  [NotificationTopic.RequestDecision]: $localize`:@@notifications.labels.topic.requestDecision:Décisions sur vos démarches`,
  [NotificationTopic.RequestUpdate]: $localize`:@@notifications.labels.topic.requestUpdate:Suivi de vos démarches (questions, messages, changements d’état)`,
  [NotificationTopic.AgentDigest]: $localize`:@@notifications.labels.topic.agentDigest:Récapitulatif quotidien des demandes à traiter`,
  [NotificationTopic.EnrolmentDecision]: $localize`:@@notifications.labels.topic.enrolmentDecision:Décisions d’inscription`,
  [NotificationTopic.SepaPrenotification]: $localize`:@@notifications.labels.topic.sepaPrenotification:Pré-notifications de prélèvement SEPA`,
  [NotificationTopic.DocumentExpiring]: $localize`:@@notifications.labels.topic.documentExpiring:Rappels : justificatifs bientôt expirés`,
  [NotificationTopic.WaitingList]: $localize`:@@notifications.labels.topic.waitingList:Nouvelles de la liste d’attente`,
  [NotificationTopic.CityAnnouncement]: $localize`:@@notifications.labels.topic.cityAnnouncement:Annonces de la ville`,
  [NotificationTopic.BookingClosure]: $localize`:@@notifications.labels.topic.bookingClosure:Fermetures et réservations annulées`,
  [NotificationTopic.BookingDeadline]: $localize`:@@notifications.labels.topic.bookingDeadline:Rappels : dates limites de réservation`,
  [NotificationTopic.InvoiceReminder]: $localize`:@@notifications.labels.topic.invoiceReminder:Rappels : factures à payer`,
};

export function channelLabel(channel: NotificationChannel): string {
  return CHANNELS[channel] ?? channel;
}

export function deliveryStatusLabel(status: DeliveryStatus): string {
  return DELIVERY_STATUSES[status] ?? status;
}

export function topicLabel(topic: NotificationTopic): string {
  return TOPICS[topic] ?? topic;
}

/** Why a topic is always sent by e-mail (the contracts' `required`), or null. */
export function requiredReason(topic: NotificationTopic): string | null {
  if (topic === NotificationTopic.Account) {
    return $localize`:@@notifications.labels.required.account:Obligatoire : ces messages protègent l’accès à votre compte.`;
  }
  return $localize`:@@notifications.labels.required.legal:Obligatoire : la réglementation impose de vous en informer.`;
}

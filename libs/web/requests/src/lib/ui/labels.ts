import {
  FOYER_KIND_KEYWORD,
  FoyerFieldKind,
  type RequestFormSchema,
  RequestChannel,
  RequestStatus,
} from '@foyer/shared/contracts';
import { formatDayFr } from '@foyer/web/core';

/** The badge's colour supports the words; it never replaces them. */
export function statusBadgeClass(status: RequestStatus): string {
  switch (status) {
    case RequestStatus.Approved:
      return 'badge badge-success';
    case RequestStatus.Refused:
      return 'badge badge-error';
    case RequestStatus.WaitingResident:
      return 'badge badge-warning';
    case RequestStatus.Draft:
    case RequestStatus.Withdrawn:
    case RequestStatus.Closed:
      return 'badge badge-neutral';
    default:
      return 'badge';
  }
}

/**
 * The statuses as residents read them: the words of REQUEST_STATUS_LABELS (shared with the API's
 * e-mails), in the page's language.
 */
const STATUS_LABELS: Record<RequestStatus, string> = {
  [RequestStatus.Draft]: $localize`:@@requests.status.draft:Brouillon`,
  [RequestStatus.Submitted]: $localize`:@@requests.status.submitted:Envoyée`,
  [RequestStatus.InReview]: $localize`:@@requests.status.inReview:En cours d’instruction`,
  [RequestStatus.WaitingResident]: $localize`:@@requests.status.waitingResident:En attente de votre réponse`,
  [RequestStatus.Approved]: $localize`:@@requests.status.approved:Acceptée`,
  [RequestStatus.Refused]: $localize`:@@requests.status.refused:Refusée`,
  [RequestStatus.Withdrawn]: $localize`:@@requests.status.withdrawn:Retirée`,
  [RequestStatus.Closed]: $localize`:@@requests.status.closed:Clôturée`,
};

/** The same statuses as agents read them in the queue (REQUEST_STATUS_AGENT_LABELS). */
const STATUS_AGENT_LABELS: Record<RequestStatus, string> = {
  ...STATUS_LABELS,
  [RequestStatus.WaitingResident]: $localize`:@@requests.status.waitingResidentAgent:En attente de l’usager`,
};

/** How a request reached the city (REQUEST_CHANNEL_LABELS), in the page's language. */
export const CHANNEL_LABELS: Record<RequestChannel, string> = {
  [RequestChannel.Online]: $localize`:@@requests.channel.online:En ligne`,
  [RequestChannel.Counter]: $localize`:@@requests.channel.counter:Au guichet`,
  [RequestChannel.Phone]: $localize`:@@requests.channel.phone:Par téléphone`,
  [RequestChannel.Mail]: $localize`:@@requests.channel.mail:Par courrier`,
};

export function statusLabel(status: RequestStatus, forAgent = false): string {
  return (forAgent ? STATUS_AGENT_LABELS : STATUS_LABELS)[status] ?? status;
}

/** What the resident reads under the status: where the request stands and what comes next. */
export function statusExplanation(status: RequestStatus): string {
  switch (status) {
    case RequestStatus.Draft:
      return $localize`:@@requests.statusExplanation.draft:Votre demande n’est pas encore envoyée : complétez-la puis envoyez-la.`;
    case RequestStatus.Submitted:
      return $localize`:@@requests.statusExplanation.submitted:Votre demande est envoyée. Un agent de la mairie va l’examiner.`;
    case RequestStatus.InReview:
      return $localize`:@@requests.statusExplanation.inReview:Un agent de la mairie examine votre demande.`;
    case RequestStatus.WaitingResident:
      return $localize`:@@requests.statusExplanation.waitingResident:La mairie attend votre réponse à sa question. Le délai de traitement est suspendu.`;
    case RequestStatus.Approved:
      return $localize`:@@requests.statusExplanation.approved:Votre demande est acceptée.`;
    case RequestStatus.Refused:
      return $localize`:@@requests.statusExplanation.refused:Votre demande est refusée. Le motif est indiqué ci-dessous.`;
    case RequestStatus.Withdrawn:
      return $localize`:@@requests.statusExplanation.withdrawn:Vous avez retiré cette demande.`;
    case RequestStatus.Closed:
      return $localize`:@@requests.statusExplanation.closed:Ce dossier est clôturé.`;
  }
}

/** Labels of the things the resident's form refers to by id (children, attachments, documents). */
export interface ValueLabels {
  children?: Record<string, string>;
  attachments?: Record<string, string>;
  documents?: Record<string, string>;
}

export interface AnswerLine {
  label: string;
  value: string;
}

/** The answers of a request, in the form's order, each with its field's title and its value in words. */
export function answerLines(
  schema: RequestFormSchema | null | undefined,
  data: Record<string, unknown>,
  labels: ValueLabels = {},
): AnswerLine[] {
  const properties = schema?.properties ?? {};
  const order = schema?.['x-foyer-order'] ?? Object.keys(properties);
  const keys = [...order, ...Object.keys(data).filter((key) => !order.includes(key))];
  return keys
    .filter((key) => data[key] !== undefined && data[key] !== null && data[key] !== '')
    .map((key) => {
      const property = properties[key];
      return { label: property?.title ?? key, value: valueText(property, data[key], labels) };
    });
}

function valueText(
  property: RequestFormSchema['properties'][string] | undefined,
  value: unknown,
  labels: ValueLabels,
): string {
  if (Array.isArray(value)) {
    return value
      .map((item, index) => `${index + 1}. ${valueText(property?.items as never, item, labels)}`)
      .join(' ; ');
  }
  if (typeof value === 'boolean')
    return value ? $localize`:@@requests.answers.yes:Oui` : $localize`:@@requests.answers.no:Non`;
  const text = String(value);
  switch (property?.[FOYER_KIND_KEYWORD]) {
    case FoyerFieldKind.Child:
      return labels.children?.[text] ?? $localize`:@@requests.answers.child:Enfant du foyer`;
    case FoyerFieldKind.File:
      return labels.attachments?.[text] ?? $localize`:@@requests.answers.file:Fichier joint`;
    case FoyerFieldKind.FamilyDocument:
      return (
        labels.documents?.[text] ??
        labels.attachments?.[text] ??
        $localize`:@@requests.answers.familyDocument:Document du dossier famille`
      );
  }
  const option = property?.oneOf?.find((choice) => choice.const === value);
  if (option) return option.title;
  if (property?.format === 'date') return formatDayFr(text);
  return text;
}

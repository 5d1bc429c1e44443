import {
  FOYER_KIND_KEYWORD,
  FoyerFieldKind,
  type RequestFormSchema,
  RequestStatus,
  REQUEST_STATUS_AGENT_LABELS,
  REQUEST_STATUS_LABELS,
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

export function statusLabel(status: RequestStatus, forAgent = false): string {
  return (forAgent ? REQUEST_STATUS_AGENT_LABELS : REQUEST_STATUS_LABELS)[status] ?? status;
}

/** What the resident reads under the status: where the request stands and what comes next. */
export function statusExplanation(status: RequestStatus): string {
  switch (status) {
    case RequestStatus.Draft:
      return 'Votre demande n’est pas encore envoyée : complétez-la puis envoyez-la.';
    case RequestStatus.Submitted:
      return 'Votre demande est envoyée. Un agent de la mairie va l’examiner.';
    case RequestStatus.InReview:
      return 'Un agent de la mairie examine votre demande.';
    case RequestStatus.WaitingResident:
      return 'La mairie attend votre réponse à sa question. Le délai de traitement est suspendu.';
    case RequestStatus.Approved:
      return 'Votre demande est acceptée.';
    case RequestStatus.Refused:
      return 'Votre demande est refusée. Le motif est indiqué ci-dessous.';
    case RequestStatus.Withdrawn:
      return 'Vous avez retiré cette demande.';
    case RequestStatus.Closed:
      return 'Ce dossier est clôturé.';
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
  if (typeof value === 'boolean') return value ? 'Oui' : 'Non';
  const text = String(value);
  switch (property?.[FOYER_KIND_KEYWORD]) {
    case FoyerFieldKind.Child:
      return labels.children?.[text] ?? 'Enfant du foyer';
    case FoyerFieldKind.File:
      return labels.attachments?.[text] ?? 'Fichier joint';
    case FoyerFieldKind.FamilyDocument:
      return labels.documents?.[text] ?? labels.attachments?.[text] ?? 'Document du dossier famille';
  }
  const option = property?.oneOf?.find((choice) => choice.const === value);
  if (option) return option.title;
  if (property?.format === 'date') return formatDayFr(text);
  return text;
}

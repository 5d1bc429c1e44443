import { DocumentType, NotificationTopic } from '@foyer/shared/contracts';
import { formatDateLongFr, formatEuros } from '@foyer/shared/domain';

/** The data each topic's template needs (what a domain passes to `notify`). */
export interface TopicData {
  [NotificationTopic.Account]: { subject: string; text: string };
  [NotificationTopic.InvoiceIssued]: {
    invoiceNumber: string;
    periodLabel: string;
    amountCents: number;
    dueDate: string;
  };
  [NotificationTopic.RequestDecision]: {
    requestLabel: string;
    decision: 'accepted' | 'refused';
    reason?: string;
  };
  /** `event`: the status changed (`statusLabel`), an agent wrote (`message`) or asked a question. */
  [NotificationTopic.RequestUpdate]: {
    requestLabel: string;
    requestNumber: string;
    requestId: string;
    event: 'status' | 'message' | 'question';
    statusLabel?: string;
    text?: string;
  };
  [NotificationTopic.AgentDigest]: {
    agentFirstName: string;
    assigned: number;
    unassigned: number;
    overdue: number;
    waitingResident: number;
  };
  [NotificationTopic.EnrolmentDecision]: {
    childFirstName: string;
    activityLabel: string;
    decision: 'accepted' | 'refused' | 'waiting-list';
    reason?: string;
  };
  [NotificationTopic.SepaPrenotification]: {
    amountCents: number;
    debitDate: string;
    mandateReference: string;
    invoiceNumber: string;
  };
  /** `documentType` is kept with the message: agents who may not read that type (a PAI is health
   * data) see the topic's label instead of the subject. */
  [NotificationTopic.DocumentExpiring]: {
    documentLabel: string;
    documentType: DocumentType;
    expiresOn: string;
  };
  /**
   * Without `event`, a new position. `booked`: a freed place was given to the child on `date`;
   * `offered`: a freed place is held for the child on `date` until `expiresAt` (accept or decline).
   */
  [NotificationTopic.WaitingList]: {
    childFirstName: string;
    activityLabel: string;
    position: number;
    event?: 'booked' | 'offered';
    date?: string;
    expiresAt?: string;
  };
  [NotificationTopic.CityAnnouncement]: { title: string; text: string };
  [NotificationTopic.BookingClosure]: {
    siteName: string;
    activityLabel: string;
    from: string;
    to: string;
    reason: string;
    /** « Léa (2 jours), Tom (1 jour) » */
    cancelled: string;
  };
  [NotificationTopic.BookingDeadline]: {
    /** « Léa, Tom » */
    childNames: string;
    activityLabel: string;
    deadline: string;
    from: string;
    to: string;
  };
}

/** A message as written once for every channel. */
export interface RenderedMessage {
  subject: string;
  /** Plain text, without greeting or signature (the inbox shows it as is). */
  body: string;
  /** Path inside the portal, or null. */
  link: string | null;
  linkLabel: string | null;
}

/** A mail: plain text and simple HTML, links absolute to PUBLIC_URL. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

type Template<T extends NotificationTopic> = (data: TopicData[T]) => RenderedMessage;

const euros = (cents: number) => formatEuros(cents);
const day = (date: string) => formatDateLongFr(date);
const instantFr = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  hour: '2-digit',
  minute: '2-digit',
});
/** « jeudi 7 janvier à 12:00 » */
const instant = (iso: string) => instantFr.format(new Date(iso));

const TEMPLATES: { [T in NotificationTopic]: Template<T> } = {
  [NotificationTopic.Account]: (d) => ({ subject: d.subject, body: d.text, link: null, linkLabel: null }),
  [NotificationTopic.InvoiceIssued]: (d) => ({
    subject: `Nouvelle facture ${d.invoiceNumber} : ${euros(d.amountCents)}`,
    body:
      `Votre facture ${d.invoiceNumber} (${d.periodLabel}) est disponible : ${euros(d.amountCents)}, ` +
      `à régler avant le ${day(d.dueDate)}.`,
    link: '/factures',
    linkLabel: 'Voir mes factures',
  }),
  [NotificationTopic.RequestDecision]: (d) => ({
    subject: `Votre démarche « ${d.requestLabel} » : ${d.decision === 'accepted' ? 'acceptée' : 'refusée'}`,
    body:
      d.decision === 'accepted'
        ? `Votre démarche « ${d.requestLabel} » a été acceptée.`
        : `Votre démarche « ${d.requestLabel} » a été refusée.` + (d.reason ? ` Motif : ${d.reason}` : ''),
    link: '/demarches',
    linkLabel: 'Voir mes démarches',
  }),
  [NotificationTopic.RequestUpdate]: (d) => {
    const what = {
      status: {
        subject: `Votre démarche ${d.requestNumber} : ${d.statusLabel ?? ''}`,
        body: `Votre démarche « ${d.requestLabel} » (${d.requestNumber}) est désormais : ${d.statusLabel ?? ''}.`,
      },
      message: {
        subject: `Nouveau message sur votre démarche ${d.requestNumber}`,
        body: `Un agent de la ville vous a écrit au sujet de « ${d.requestLabel} » (${d.requestNumber}).`,
      },
      question: {
        subject: `Une question sur votre démarche ${d.requestNumber}`,
        body:
          `Un agent de la ville a besoin d’une précision pour traiter « ${d.requestLabel} » ` +
          `(${d.requestNumber}). Répondez depuis votre espace : l’instruction reprendra à votre réponse.`,
      },
    }[d.event];
    return {
      subject: what.subject,
      body: what.body + (d.text ? `\n\n« ${d.text} »` : ''),
      link: `/demarches/${d.requestId}`,
      linkLabel: 'Voir ma démarche',
    };
  },
  [NotificationTopic.AgentDigest]: (d) => ({
    subject: `Demandes à traiter : ${d.assigned} pour vous, ${d.overdue} en retard`,
    body:
      `${d.agentFirstName}, voici ce qui vous attend aujourd’hui dans la file des démarches :\n` +
      `- ${d.assigned} demande(s) qui vous sont attribuées ;\n` +
      `- ${d.unassigned} demande(s) sans agent attribué ;\n` +
      `- ${d.overdue} demande(s) en retard sur le délai cible ;\n` +
      `- ${d.waitingResident} demande(s) en attente d’une réponse de l’usager.`,
    link: '/agent/demarches',
    linkLabel: 'Ouvrir la file de traitement',
  }),
  [NotificationTopic.EnrolmentDecision]: (d) => {
    const outcome = {
      accepted: 'est acceptée',
      refused: 'est refusée',
      'waiting-list': 'est placée sur liste d’attente',
    }[d.decision];
    return {
      subject: `Inscription de ${d.childFirstName} : ${d.activityLabel}`,
      body:
        `L’inscription de ${d.childFirstName} à « ${d.activityLabel} » ${outcome}.` +
        (d.reason ? ` Motif : ${d.reason}` : ''),
      link: '/reservations',
      linkLabel: 'Voir les inscriptions',
    };
  },
  [NotificationTopic.SepaPrenotification]: (d) => ({
    subject: `Prélèvement de ${euros(d.amountCents)} le ${day(d.debitDate)}`,
    body:
      `Conformément à votre mandat de prélèvement SEPA ${d.mandateReference}, la somme de ` +
      `${euros(d.amountCents)} (facture ${d.invoiceNumber}) sera prélevée le ${day(d.debitDate)}.`,
    link: '/factures',
    linkLabel: 'Voir mes factures',
  }),
  [NotificationTopic.DocumentExpiring]: (d) => ({
    subject: `Justificatif bientôt expiré : ${d.documentLabel}`,
    body:
      `Votre justificatif « ${d.documentLabel} » expire le ${day(d.expiresOn)}. ` +
      `Déposez-en un nouveau pour que vos inscriptions et vos tarifs restent à jour.`,
    link: '/famille',
    linkLabel: 'Mettre à jour mes justificatifs',
  }),
  [NotificationTopic.WaitingList]: (d) =>
    d.event === 'booked'
      ? {
          subject: `Place obtenue : ${d.activityLabel}`,
          body: `Une place s’est libérée : ${d.childFirstName} est inscrit(e) à « ${d.activityLabel} » le ${day(d.date ?? '')}.`,
          link: '/reservations',
          linkLabel: 'Voir les réservations',
        }
      : d.event === 'offered'
        ? {
            subject: `Une place vous est proposée : ${d.activityLabel}`,
            body:
              `Une place s’est libérée pour ${d.childFirstName} à « ${d.activityLabel} » le ${day(d.date ?? '')}. ` +
              `Acceptez-la ou refusez-la avant le ${instant(d.expiresAt ?? '')} ; sans réponse, elle sera proposée à la famille suivante.`,
            link: '/reservations',
            linkLabel: 'Répondre à la proposition',
          }
        : {
            subject: `Liste d’attente : ${d.activityLabel}`,
            body: `${d.childFirstName} est désormais en position ${d.position} sur la liste d’attente de « ${d.activityLabel} ».`,
            link: '/reservations',
            linkLabel: 'Voir les réservations',
          },
  [NotificationTopic.CityAnnouncement]: (d) => ({
    subject: d.title,
    body: d.text,
    link: null,
    linkLabel: null,
  }),
  [NotificationTopic.BookingClosure]: (d) => ({
    subject: `Fermeture : ${d.siteName}, ${d.from === d.to ? `le ${day(d.from)}` : `du ${day(d.from)} au ${day(d.to)}`}`,
    body:
      `Fermeture de « ${d.activityLabel} » à ${d.siteName} ${d.from === d.to ? `le ${day(d.from)}` : `du ${day(d.from)} au ${day(d.to)}`}. ` +
      `Motif : ${d.reason}. Les réservations de ces jours sont annulées sans frais : ${d.cancelled}.`,
    link: '/reservations',
    linkLabel: 'Voir les réservations',
  }),
  [NotificationTopic.BookingDeadline]: (d) => ({
    subject: `Réservations : date limite le ${instant(d.deadline)}`,
    body:
      `Aucune réservation « ${d.activityLabel} » n’est faite pour ${d.childNames} du ${day(d.from)} au ${day(d.to)}. ` +
      `Les réservations de ces jours ferment le ${instant(d.deadline)}. Si c’est voulu, ignorez ce message.`,
    link: '/reservations',
    linkLabel: 'Réserver',
  }),
};

export function renderMessage<T extends NotificationTopic>(topic: T, data: TopicData[T]): RenderedMessage {
  return (TEMPLATES[topic] as Template<T>)(data);
}

const SIGNATURE =
  'Le portail famille de votre mairie\nCe message est envoyé automatiquement, merci de ne pas y répondre.';

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const URL_PATTERN = /https?:\/\/[^\s<>"')]+/g;

/** Paragraphs of escaped text; bare URLs become links. */
function paragraphs(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((block) => {
      const html = escapeHtml(block)
        .replace(URL_PATTERN, (url) => `<a href="${url}">${url}</a>`)
        .replace(/\n/g, '<br>');
      return `<p>${html}</p>`;
    })
    .join('\n');
}

/**
 * The mail of a message: greeting, text, the link absolute to PUBLIC_URL, signature. Account mails
 * bring their own greeting and signature (they are written whole by the accounts domain).
 */
export function renderMail(
  topic: NotificationTopic,
  message: RenderedMessage,
  publicUrl: string,
): RenderedMail {
  const whole = topic === NotificationTopic.Account;
  const url = message.link ? `${publicUrl}${message.link}` : null;
  const text = whole
    ? message.body
    : ['Bonjour,', message.body, url ? `${message.linkLabel} : ${url}` : null, `-- \n${SIGNATURE}`]
        .filter((part): part is string => part !== null)
        .join('\n\n');
  const content = whole
    ? paragraphs(message.body)
    : [
        '<p>Bonjour,</p>',
        paragraphs(message.body),
        url ? `<p><a href="${escapeHtml(url)}">${escapeHtml(message.linkLabel ?? url)}</a></p>` : '',
        `<p style="color:#555;font-size:90%">${escapeHtml(SIGNATURE).replace(/\n/g, '<br>')}</p>`,
      ]
        .filter(Boolean)
        .join('\n');
  const html =
    `<!doctype html>\n<html lang="fr">\n<head><meta charset="utf-8"><title>${escapeHtml(message.subject)}</title></head>\n` +
    `<body style="font-family:Arial,sans-serif;line-height:1.5;color:#1e1e1e">\n${content}\n</body>\n</html>\n`;
  return { subject: message.subject, text, html };
}

/** Sample data of every topic: the snapshot test and the demo seed render them. */
export const SAMPLE_DATA: TopicData = {
  [NotificationTopic.Account]: {
    subject: 'Confirmez votre adresse e-mail',
    text: 'Bonjour Camille,\n\nOuvrez ce lien : http://localhost:3000/verifier?token=abc\n\n-- \nLe portail famille',
  },
  [NotificationTopic.InvoiceIssued]: {
    invoiceNumber: 'F2027-000123',
    periodLabel: 'janvier 2027',
    amountCents: 8450,
    dueDate: '2027-02-15',
  },
  [NotificationTopic.RequestDecision]: {
    requestLabel: 'Attestation de quotient familial',
    decision: 'refused',
    reason: 'L’avis d’imposition fourni est illisible.',
  },
  [NotificationTopic.RequestUpdate]: {
    requestLabel: 'Inscription à une activité',
    requestNumber: 'D-2027-000042',
    requestId: '00000000-0000-4000-8000-000000000042',
    event: 'question',
    text: 'Pouvez-vous préciser les jours souhaités ?',
  },
  [NotificationTopic.AgentDigest]: {
    agentFirstName: 'Sam',
    assigned: 4,
    unassigned: 7,
    overdue: 2,
    waitingResident: 3,
  },
  [NotificationTopic.EnrolmentDecision]: {
    childFirstName: 'Léa',
    activityLabel: 'Restauration scolaire',
    decision: 'accepted',
  },
  [NotificationTopic.SepaPrenotification]: {
    amountCents: 8450,
    debitDate: '2027-02-10',
    mandateReference: 'FOYER-M-0042',
    invoiceNumber: 'F2027-000123',
  },
  [NotificationTopic.DocumentExpiring]: {
    documentLabel: 'Attestation d’assurance',
    documentType: DocumentType.Insurance,
    expiresOn: '2027-02-01',
  },
  [NotificationTopic.WaitingList]: { childFirstName: 'Léa', activityLabel: 'Centre de loisirs', position: 3 },
  [NotificationTopic.CityAnnouncement]: {
    title: 'Fermeture des accueils le 1er mai',
    text: 'Les accueils périscolaires seront fermés le vendredi 1er mai.',
  },
  [NotificationTopic.BookingClosure]: {
    siteName: 'École Jean Jaurès',
    activityLabel: 'Restauration scolaire',
    from: '2027-01-21',
    to: '2027-01-21',
    reason: 'grève',
    cancelled: 'Léa (1 jour)',
  },
  [NotificationTopic.BookingDeadline]: {
    childNames: 'Léa',
    activityLabel: 'Restauration scolaire',
    deadline: '2027-01-21T11:00:00.000Z',
    from: '2027-01-25',
    to: '2027-01-29',
  },
};

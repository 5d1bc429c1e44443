/** A mail the portal sends: plain text, French, links absolute to PUBLIC_URL. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

/**
 * Sends mail through the job queue. The accounts domain provides the implementation (pg-boss
 * queue, then SMTP or the development outbox); other domains inject this abstract class.
 */
export abstract class Mailer {
  abstract send(mail: OutgoingMail): Promise<void>;
}

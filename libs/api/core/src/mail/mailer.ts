import type { EntityManager } from 'typeorm';

/** A mail the portal sends: plain text, French, links absolute to PUBLIC_URL. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

/**
 * Sends an account mail (verification, reset, invitations) through the job queue. The notifications
 * domain provides the implementation (delivery-tracked, SMTP or the development outbox); other
 * domains inject this abstract class. With `manager`, the mail is enqueued inside that transaction.
 */
export abstract class Mailer {
  abstract send(mail: OutgoingMail, manager?: EntityManager): Promise<void>;
}

/** The one shape every API error takes, whatever went wrong. */
export interface ApiErrorView {
  statusCode: number;
  /** Short machine-stable label of the status, e.g. "Bad Request". */
  error: string;
  /** A sentence in French that a resident or an agent can act on. */
  message: string;
  /** Stable machine-readable reason, for the few errors a client reacts to (see ApiErrorCode). */
  code?: ApiErrorCode;
  /** For validation errors: each offending field with its French messages. */
  fields?: FieldErrorView[];
  /** Correlates the answer with the server's log lines. */
  requestId?: string;
}

export interface FieldErrorView {
  /** Dotted path of the field in the request body or query, e.g. "children.0.birthDate". */
  field: string;
  messages: string[];
}

/** Reasons a client acts on, beyond showing the message. */
export enum ApiErrorCode {
  /** Sign-in refused until the e-mail address is confirmed: offer to resend the link. */
  EmailNotVerified = 'email_not_verified',
}

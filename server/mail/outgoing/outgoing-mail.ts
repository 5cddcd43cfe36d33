// The one interface for mail the app sends on a portal's behalf (issue 16): messages to bank staff and
// notices to clients. The implementation sends through the portal's own SMTP account (nodemailer, its
// settings read through the mail-settings port); tests give a local smtp-server. Callers always run
// inside an outbox job and pass the message's Message-ID, fixed when the job was queued, so a retry of
// the job resends the SAME message (a receiving server or the bank de-duplicates by it) and a reply to
// either copy matches.

export interface OutgoingAttachment {
  filename: string;
  contentType: string;
  content: Uint8Array;
}

export interface OutgoingMessage {
  /** "<uuid@our-domain>", chosen when the job was queued. */
  messageId: string;
  to: string[];
  subject: string;
  text: string;
  html?: string;
  /** The signed reply address (server/mail/reply-token.ts), when replies must find their deal. */
  replyTo?: string;
  inReplyTo?: string;
  references?: string[];
  attachments?: OutgoingAttachment[];
  /** Ask for delivery status notifications where the server offers DSN (RFC 3461). */
  dsn?: boolean;
}

export interface SentReceipt {
  accepted: string[];
  rejected: string[];
  /** The SMTP server's final reply ("250 2.0.0 Ok: queued as …"), kept as proof the mail left. */
  response: string;
}

export interface OutgoingMail {
  /** Throws AppError('MAIL_NOT_CONFIGURED') when the portal has no SMTP account. */
  send(portalId: string, message: OutgoingMessage): Promise<SentReceipt>;
}

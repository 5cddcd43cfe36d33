import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer/index.js';
import { AppError } from '../../errors.js';
import type { SmtpAccount } from '../settings/mail-settings.js';
import type { OutgoingMail, OutgoingMessage, SentReceipt } from './outgoing-mail.js';
import { smtpTransportOptions } from './smtp-transport.js';

// `OutgoingMail` over nodemailer with the portal's own SMTP account (mail_settings). The caller's
// Message-ID is sent as given (a retried job resends the SAME message); Reply-To, In-Reply-To and
// References as given; DSN (RFC 3461) asked for success, failure and delay with headers only, its
// ENVID the Message-ID so a delivery report names the message. One connection per message: sends
// come from outbox jobs at a modest rate, and a pooled connection would outlive a settings change.

export interface SmtpOutgoingMailOptions {
  /** The portal's SMTP account, read when each message is sent (a save applies to the next one). */
  smtpFor(portalId: string): Promise<SmtpAccount | undefined>;
  timeoutMs: number;
}

const addressOf = (a: string | Mail.Address): string => (typeof a === 'string' ? a : (a.address ?? ''));

export function toNodemailerMessage(from: SmtpAccount, m: OutgoingMessage): Mail.Options {
  return {
    from: { name: from.fromName, address: from.fromAddress },
    to: m.to,
    subject: m.subject,
    text: m.text,
    ...(m.html !== undefined ? { html: m.html } : {}),
    messageId: m.messageId,
    ...(m.replyTo !== undefined ? { replyTo: m.replyTo } : {}),
    ...(m.inReplyTo !== undefined ? { inReplyTo: m.inReplyTo } : {}),
    ...(m.references !== undefined ? { references: m.references } : {}),
    attachments: (m.attachments ?? []).map((a) => ({ filename: a.filename, contentType: a.contentType, content: Buffer.from(a.content) })),
    ...(m.dsn
      ? {
          dsn: {
            id: m.messageId.replace(/^<|>$/g, ''),
            return: 'headers',
            notify: ['success', 'failure', 'delay'],
            recipient: from.fromAddress,
          },
        }
      : {}),
  };
}

export function createSmtpOutgoingMail(o: SmtpOutgoingMailOptions): OutgoingMail {
  return {
    async send(portalId: string, m: OutgoingMessage): Promise<SentReceipt> {
      const account = await o.smtpFor(portalId);
      if (!account) throw new AppError('MAIL_NOT_CONFIGURED', 'portal has no SMTP account');
      const transport = nodemailer.createTransport(smtpTransportOptions(account, o.timeoutMs));
      try {
        const info = await transport.sendMail(toNodemailerMessage(account, m));
        return { accepted: info.accepted.map(addressOf), rejected: info.rejected.map(addressOf), response: info.response };
      } finally {
        transport.close();
      }
    },
  };
}

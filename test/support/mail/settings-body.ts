import type { MailSettingsBody } from '../../../wire/mail-settings.js';
import type { SmtpRig } from './smtp-rig.js';

/** Mail settings for the local rigs: the SMTP rig, an IMAP mailbox (a Dovecot's, or none that answers), no TLS. */
export function rigMailSettings(
  smtp: SmtpRig,
  imap: { port: number; user: string; pass: string },
  reply: Pick<MailSettingsBody, 'replyScheme' | 'replyAddress'> = { replyScheme: 'plus', replyAddress: null },
): MailSettingsBody {
  return {
    smtp: {
      host: '127.0.0.1',
      port: smtp.port,
      security: 'none',
      user: smtp.user,
      password: smtp.pass,
      fromAddress: 'approvals@lender.example',
      fromName: 'Lender',
    },
    imap: { host: '127.0.0.1', port: imap.port, security: 'none', user: imap.user, password: imap.pass, folder: 'INBOX' },
    ...reply,
  };
}

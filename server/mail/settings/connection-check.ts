// "Test connection" of the mail settings: log in to the SMTP server (nodemailer `verify`: connect,
// EHLO, STARTTLS/TLS, AUTH — nothing is sent) and to the IMAP server (imapflow: connect, LOGIN,
// then open the folder read-only), both at once, each under a short deadline so a wrong host costs
// seconds, not a hung request. Never throws: each side answers ok or a reason (check-reason.ts).
import nodemailer from 'nodemailer';
import type { Lang } from '../../errors.js';
import type { MailCheckReply, MailCheckSide } from '../../../wire/mail-settings.js';
import { smtpTransportOptions } from '../outgoing/smtp-transport.js';
import { mailCheckDetail, mailCheckReason, mailCheckText } from './check-reason.js';
import { imapClient } from '../inbox/mailbox-reader.js';
import { imapAccountOf } from './imap-account.js';
import type { ImapSettings, MailAccounts, SmtpAccount } from './mail-settings.js';

type Outcome = Pick<MailCheckSide, 'reason' | 'detail'>;

/** Rejects with a timeout error when `work` has not settled by `ms` (a server that stalls mid-dialogue). */
async function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

const failed = (e: unknown): Outcome => {
  const detail = mailCheckDetail(e);
  return { reason: mailCheckReason(e), ...(detail ? { detail } : {}) };
};

export async function checkSmtp(a: SmtpAccount, timeoutMs: number): Promise<Outcome> {
  if (a.user !== '' && a.password === null) return { reason: 'no-password' };
  const transport = nodemailer.createTransport(smtpTransportOptions(a, timeoutMs));
  try {
    await within(transport.verify(), timeoutMs * 2);
    return { reason: 'ok' };
  } catch (e) {
    return failed(e);
  } finally {
    transport.close();
  }
}

export async function checkImap(s: ImapSettings, timeoutMs: number): Promise<Outcome> {
  if (s.password === null) return { reason: 'no-password' };
  const client = imapClient(imapAccountOf({ ...s, password: s.password }), {
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs * 3,
  });
  // imapflow also emits socket errors as events; unheard, they would end the process.
  client.on('error', () => undefined);
  try {
    await within(client.connect(), timeoutMs * 2);
  } catch (e) {
    client.close();
    return failed(e);
  }
  try {
    await within(client.mailboxOpen(s.folder, { readOnly: true }), timeoutMs);
    return { reason: 'ok' };
  } catch (e) {
    const why = failed(e);
    return why.reason === 'timeout' ? why : { ...why, reason: 'folder' };
  } finally {
    await within(client.logout(), timeoutMs).catch(() => client.close());
  }
}

export async function checkMailAccounts(a: MailAccounts, lang: Lang, timeoutMs: number): Promise<MailCheckReply> {
  const [smtp, imap] = await Promise.all([checkSmtp(a.smtp, timeoutMs), checkImap(a.imap, timeoutMs)]);
  const side = (o: Outcome): MailCheckSide => ({ ok: o.reason === 'ok', ...o, message: mailCheckText(o.reason, lang) });
  return { smtp: side(smtp), imap: side(imap) };
}

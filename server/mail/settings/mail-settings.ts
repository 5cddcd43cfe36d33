// A portal's mail accounts as the app uses them (passwords decrypted), and the pure steps between
// them and the wire: the masked view, and what a body means once the stored passwords fill in the
// ones it left out (write-only passwords: absent = unchanged).
import { AppError } from '../../errors.js';
import { normaliseForwarders } from './forwarders.js';
import type { MailSecurity, MailSettingsBody, MailSettingsView, ReplyScheme } from '../../../wire/mail-settings.js';

export interface SmtpAccount {
  host: string;
  port: number;
  security: MailSecurity;
  /** '' = no AUTH. */
  user: string;
  password: string | null;
  fromAddress: string;
  fromName: string;
}

export interface ImapSettings {
  host: string;
  port: number;
  security: MailSecurity;
  user: string;
  password: string | null;
  folder: string;
}

export interface MailAccounts {
  smtp: SmtpAccount;
  imap: ImapSettings;
  replyScheme: ReplyScheme;
  replyAddress: string | null;
  /** Our staff who may forward a bank's decision (lower-case, each once): auto-apply.ts trusts them only when authenticated. */
  forwarders: string[];
}

export interface MailSettings extends MailAccounts {
  portalId: string;
  version: number;
  updatedAt: string;
}

export function maskMailSettings(s: MailSettings): MailSettingsView {
  const { password: smtpPassword, ...smtp } = s.smtp;
  const { password: imapPassword, ...imap } = s.imap;
  return {
    smtp: { ...smtp, passwordSet: smtpPassword !== null },
    imap: { ...imap, passwordSet: imapPassword !== null },
    replyScheme: s.replyScheme,
    replyAddress: s.replyAddress,
    forwarders: s.forwarders,
    updatedAt: s.updatedAt,
  };
}

/**
 * The accounts a body describes, a password it left out taken from `stored` — but only while the
 * account still points at the same server and user: a password must not follow the account to
 * another host (a typo'd or hostile host would receive it).
 */
export function accountsOf(body: MailSettingsBody, stored: MailAccounts | undefined): MailAccounts {
  const same = (a: { host: string; port: number; user: string }, b: { host: string; port: number; user: string } | undefined) =>
    b !== undefined && a.host.toLowerCase() === b.host.toLowerCase() && a.port === b.port && a.user === b.user;
  const smtpKept = same(body.smtp, stored?.smtp) ? stored!.smtp.password : null;
  const imapKept = same(body.imap, stored?.imap) ? stored!.imap.password : null;
  return {
    smtp: { ...body.smtp, fromAddress: body.smtp.fromAddress.toLowerCase(), password: body.smtp.password ?? smtpKept },
    imap: { ...body.imap, password: body.imap.password ?? imapKept },
    replyScheme: body.replyScheme,
    replyAddress: body.replyScheme === 'dedicated' ? (body.replyAddress?.toLowerCase() ?? null) : null,
    // Absent: the stored list stays (a client that does not know the list cannot wipe it).
    forwarders: body.forwarders ? normaliseForwarders(body.forwarders) : (stored?.forwarders ?? []),
  };
}

/**
 * What a save refuses beyond the schema: a missing password or reply address, named by field.
 * The incoming mailbox may stay without a password — it is simply not read until one is given
 * (`readableMailboxes` leaves it out) — so an admin can save the sending account before the
 * mailbox is complete. Refused only when the save would drop the password of a mailbox that had one
 * (moved to another host or user): replies would silently stop being read.
 */
export function checkAccounts(a: MailAccounts, body: MailSettingsBody, stored: MailAccounts | undefined): void {
  if (a.smtp.user !== '' && a.smtp.password === null)
    throw new AppError('MAIL_PASSWORD_REQUIRED', 'smtp password missing', undefined, { field: 'smtp.password' });
  if (a.imap.password === null && (stored?.imap.password ?? null) !== null)
    throw new AppError('MAIL_PASSWORD_REQUIRED', 'imap password missing', undefined, { field: 'imap.password' });
  if (body.replyScheme === 'dedicated' && !body.replyAddress)
    throw new AppError('MAIL_REPLY_ADDRESS_REQUIRED', 'dedicated reply address missing', undefined, { field: 'replyAddress' });
}

/** The address replies go to, before its +tag: the sending address or the dedicated one. */
export function replyMailbox(a: MailAccounts): string {
  return a.replyScheme === 'dedicated' && a.replyAddress ? a.replyAddress : a.smtp.fromAddress;
}

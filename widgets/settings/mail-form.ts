// The mail section's form as typed (strings), and the pure steps from it to the API body and back:
// what the fields show for saved settings, which field a refusal names, and the few checks the
// screen makes before asking (a port is a whole number, an address has an @) so a slip is shown at
// once beside its field. The server checks everything again.
import type { MailSecurity, MailSettingsBody, MailSettingsView, ReplyScheme } from '../../wire/mail-settings.js';
import { HOST_PATTERN } from '../../wire/host-pattern.js';

export interface MailForm {
  smtp: { host: string; port: string; security: MailSecurity; user: string; password: string; fromAddress: string; fromName: string };
  imap: { host: string; port: string; security: MailSecurity; user: string; password: string; folder: string };
  replyScheme: ReplyScheme;
  replyAddress: string;
  /** Our staff allowed to forward a bank's decision, as typed: one address a line (commas and spaces also split). */
  forwarders: string;
}

export type MailField =
  | 'smtp.host'
  | 'smtp.port'
  | 'smtp.user'
  | 'smtp.password'
  | 'smtp.fromAddress'
  | 'smtp.fromName'
  | 'imap.host'
  | 'imap.port'
  | 'imap.user'
  | 'imap.password'
  | 'imap.folder'
  | 'replyAddress'
  | 'forwarders';

/** Why a field is refused; 'forwarder' and 'forwarder-twice' name the address (`MailFormErrors.address`). */
export type MailFieldError = 'required' | 'port' | 'host' | 'address' | 'password' | 'invalid' | 'forwarder' | 'forwarder-twice';

export const emptyMailForm = (): MailForm => ({
  smtp: { host: '', port: '587', security: 'starttls', user: '', password: '', fromAddress: '', fromName: '' },
  imap: { host: '', port: '993', security: 'tls', user: '', password: '', folder: 'INBOX' },
  replyScheme: 'plus',
  replyAddress: '',
  forwarders: '',
});

/** The saved settings in the fields; passwords stay empty (write-only: empty keeps the stored one). */
export function formOf(v: MailSettingsView): MailForm {
  const { passwordSet: _s, ...smtp } = v.smtp;
  const { passwordSet: _i, ...imap } = v.imap;
  return {
    smtp: { ...smtp, port: String(smtp.port), password: '' },
    imap: { ...imap, port: String(imap.port), password: '' },
    replyScheme: v.replyScheme,
    replyAddress: v.replyAddress ?? '',
    forwarders: v.forwarders.join('\n'),
  };
}

const ADDRESS = /^[^@\s<>"+,;]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;
const HOST = new RegExp(HOST_PATTERN, 'u');
/** A staff address may carry a "+" (server/mail/settings/forwarders.ts checks the same). */
const FORWARDER = /^[^@\s<>"(),;:]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;

/** The forwarders typed, as the list sent: split on lines, commas, semicolons and spaces; lower-case. */
export function forwardersOf(typed: string): string[] {
  return typed
    .split(/[\s,;]+/)
    .map((a) => a.trim().toLowerCase())
    .filter((a) => a !== '');
}

/** The first forwarder the server would refuse, and why — so the screen names it before asking. */
export function forwarderProblem(list: readonly string[]): { error: 'forwarder' | 'forwarder-twice'; address: string } | null {
  for (const [i, a] of list.entries()) {
    if (!FORWARDER.test(a)) return { error: 'forwarder', address: a };
    if (list.indexOf(a) !== i) return { error: 'forwarder-twice', address: a };
  }
  return null;
}

function portOf(s: string): number | null {
  const t = s.trim();
  return /^\d{1,5}$/.test(t) && Number(t) >= 1 && Number(t) <= 65535 ? Number(t) : null;
}

/** The body the form stands for, or the fields to fix first. Spaces around values are dropped. */
export function bodyOf(f: MailForm): { body: MailSettingsBody } | { errors: Partial<Record<MailField, MailFieldError>>; address?: string } {
  const errors: Partial<Record<MailField, MailFieldError>> = {};
  const need = (field: MailField, value: string, shape?: RegExp, bad: MailFieldError = 'invalid') => {
    const v = value.trim();
    if (v === '') errors[field] = 'required';
    else if (shape && !shape.test(v)) errors[field] = bad;
    return v;
  };
  const smtpPort = portOf(f.smtp.port);
  const imapPort = portOf(f.imap.port);
  if (smtpPort === null) errors['smtp.port'] = 'port';
  if (imapPort === null) errors['imap.port'] = 'port';
  const smtp = {
    host: need('smtp.host', f.smtp.host, HOST, 'host'),
    port: smtpPort ?? 0,
    security: f.smtp.security,
    user: f.smtp.user.trim(),
    ...(f.smtp.password !== '' ? { password: f.smtp.password } : {}),
    fromAddress: need('smtp.fromAddress', f.smtp.fromAddress, ADDRESS, 'address'),
    fromName: f.smtp.fromName.trim(),
  };
  const imap = {
    host: need('imap.host', f.imap.host, HOST, 'host'),
    port: imapPort ?? 0,
    security: f.imap.security,
    user: need('imap.user', f.imap.user),
    ...(f.imap.password !== '' ? { password: f.imap.password } : {}),
    folder: need('imap.folder', f.imap.folder),
  };
  const replyAddress = f.replyScheme === 'dedicated' ? need('replyAddress', f.replyAddress, ADDRESS, 'address') : null;
  const forwarders = forwardersOf(f.forwarders);
  const bad = forwarderProblem(forwarders);
  if (bad) errors.forwarders = bad.error;
  if (Object.keys(errors).length > 0) return bad ? { errors, address: bad.address } : { errors };
  return { body: { smtp, imap, replyScheme: f.replyScheme, replyAddress, forwarders } };
}

const FIELDS: readonly MailField[] = [
  'smtp.host',
  'smtp.port',
  'smtp.user',
  'smtp.password',
  'smtp.fromAddress',
  'smtp.fromName',
  'imap.host',
  'imap.port',
  'imap.user',
  'imap.password',
  'imap.folder',
  'replyAddress',
  'forwarders',
];

/** The field a server refusal names: `details.field` ("imap.password"), or the validator's "body/smtp/port …". */
export function fieldOfRefusal(code: string, message: string, details: Record<string, unknown>): MailField | null {
  const named =
    typeof details.field === 'string' ? details.field.replace(/^body\./, '') : /^body\/(\S+)/.exec(message)?.[1]?.replace(/\//g, '.');
  return (FIELDS as readonly string[]).includes(named ?? '')
    ? (named as MailField)
    : code === 'MAIL_PASSWORD_REQUIRED'
      ? 'imap.password'
      : null;
}

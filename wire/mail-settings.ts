import { Type, type Static } from '@sinclair/typebox';
import { HOST_PATTERN } from './host-pattern.js';

// Wire shape of the portal's mail settings (/api/v1/settings/mail, issue 16 item 1), declared once
// for the route and the settings widget: the outgoing SMTP account, the incoming IMAP mailbox the
// bank replies land in, and how a reply address carries its signed token. Passwords are write-only:
// a body without one keeps the stored password; a reply only says whether one is set.

/** 'tls': TLS from the first byte (465, 993); 'starttls': plain, then STARTTLS, required (587, 143); 'none': never TLS (a local relay). */
export const MailSecurity = Type.Union([Type.Literal('tls'), Type.Literal('starttls'), Type.Literal('none')]);
export type MailSecurity = Static<typeof MailSecurity>;

/**
 * Where a bank's reply goes, with the signed token (server/mail/reply-token.ts) as a "+tag":
 *   'plus':      the sending address itself — credito@lender.mx → credito+d12.bnorte.…@lender.mx;
 *   'dedicated': a separate address the IMAP mailbox reads — aprobaciones+d12.bnorte.…@lender.mx.
 */
export const ReplyScheme = Type.Union([Type.Literal('plus'), Type.Literal('dedicated')]);
export type ReplyScheme = Static<typeof ReplyScheme>;

// No "host:587": the port is its own field.
const Host = Type.String({ minLength: 1, maxLength: 253, pattern: HOST_PATTERN });
const Port = Type.Integer({ minimum: 1, maximum: 65535 });
/** An address without a display name; no "+" in the local part, which the reply tag takes. */
export const MailAddress = Type.String({ minLength: 3, maxLength: 254, pattern: '^[^@\\s<>"+,;]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$' });
const Password = Type.String({ minLength: 1, maxLength: 512 });
/** A list of our staff, not a mailing list: a bound on what the screen and every reply's check hold. */
export const MAX_FORWARDERS = 50;
export const MAX_FORWARDER_LENGTH = 254;

/** What both accounts have: where the server is, how to secure the connection, the password. */
const server = { host: Host, port: Port, security: MailSecurity, /** Absent: keep the stored one. */ password: Type.Optional(Password) };

export const SmtpAccountBody = Type.Object(
  {
    ...server,
    /** Empty: the server takes mail without AUTH (a local relay). */
    user: Type.String({ maxLength: 254 }),
    fromAddress: MailAddress,
    fromName: Type.String({ maxLength: 120 }),
  },
  { additionalProperties: false },
);
export type SmtpAccountBody = Static<typeof SmtpAccountBody>;

export const ImapAccountBody = Type.Object(
  { ...server, user: Type.String({ minLength: 1, maxLength: 254 }), folder: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
export type ImapAccountBody = Static<typeof ImapAccountBody>;

export const MailSettingsBody = Type.Object(
  {
    smtp: SmtpAccountBody,
    imap: ImapAccountBody,
    replyScheme: ReplyScheme,
    /** The dedicated reply address ('dedicated'); null with 'plus'. */
    replyAddress: Type.Union([MailAddress, Type.Null()]),
    /**
     * Our own staff allowed to forward a bank's decision with the result written on top. Checked
     * entry by entry by the server (server/mail/settings/forwarders.ts) so a refusal names the
     * address in the user's language; absent: the stored list stays.
     */
    forwarders: Type.Optional(Type.Array(Type.String({ maxLength: MAX_FORWARDER_LENGTH }), { maxItems: MAX_FORWARDERS })),
  },
  { additionalProperties: false },
);
export type MailSettingsBody = Static<typeof MailSettingsBody>;

const Masked = { passwordSet: Type.Boolean() };

export const MailSettingsView = Type.Object({
  smtp: Type.Object({ ...Type.Omit(SmtpAccountBody, ['password']).properties, ...Masked }),
  imap: Type.Object({ ...Type.Omit(ImapAccountBody, ['password']).properties, ...Masked }),
  replyScheme: ReplyScheme,
  replyAddress: Type.Union([Type.String(), Type.Null()]),
  forwarders: Type.Array(Type.String()),
  updatedAt: Type.String(),
});
export type MailSettingsView = Static<typeof MailSettingsView>;

/** GET answers the saved settings, or null when mail was never set up. */
export const MailSettingsReply = Type.Object({ settings: Type.Union([MailSettingsView, Type.Null()]) });
export type MailSettingsReply = Static<typeof MailSettingsReply>;

/** Why one side of the connection test failed, for the user's own words beside the fields. */
export const MailCheckReason = Type.Union([
  Type.Literal('ok'),
  Type.Literal('auth'),
  Type.Literal('host'),
  Type.Literal('refused'),
  Type.Literal('tls'),
  Type.Literal('timeout'),
  Type.Literal('folder'),
  Type.Literal('no-password'),
  Type.Literal('other'),
]);
export type MailCheckReason = Static<typeof MailCheckReason>;

export const MailCheckSide = Type.Object({
  ok: Type.Boolean(),
  reason: MailCheckReason,
  /** In the request's language (Accept-Language). */
  message: Type.String(),
  /** The server's own words when it said something ("535 5.7.8 Authentication failed"); never a password. */
  detail: Type.Optional(Type.String({ maxLength: 300 })),
});
export type MailCheckSide = Static<typeof MailCheckSide>;

export const MailCheckReply = Type.Object({ smtp: MailCheckSide, imap: MailCheckSide });
export type MailCheckReply = Static<typeof MailCheckReply>;

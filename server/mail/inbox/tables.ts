// Kysely row types for the mail tables (migration 202612041640-mail-inbox).

/** Numbers PostgreSQL returns as strings (bigint) and SQLite as numbers. */
type BigIntColumn = number | string;

export interface MailMailboxesTable {
  portal_id: string;
  mailbox: string;
  uid_validity: string;
  last_uid: BigIntColumn;
  updated_at: string;
}

export type InboundStatus = 'new' | 'claimed' | 'done' | 'failed';

export interface MailInboundTable {
  id: string;
  portal_id: string;
  mailbox: string;
  uid_validity: string;
  uid: BigIntColumn;
  status: InboundStatus;
  claimed_by: string | null;
  /** Epoch ms: a claimed row whose lease ran out is claimed again (its reader died). */
  lease_until: BigIntColumn;
  attempts: number;
  reply_id: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export type ReplyVerdict = 'auto-apply' | 'review';
export type ReplyStatus = 'pending' | 'applied' | 'dismissed';

export interface MailRepliesTable {
  id: string;
  portal_id: string;
  /** "<Message-ID> auth:<domain>" or "<Message-ID> unauthenticated" (reply-row.ts `replyDedupeKey`), or sha256 of the bytes when a message has none. */
  dedupe_key: string;
  message_id: string | null;
  from_address: string | null;
  subject: string;
  received_at: string | null;
  deal_id: BigIntColumn | null;
  bank_id: string | null;
  matched_by: string | null;
  decision: string | null;
  /** Decimal string. */
  amount: string | null;
  currency: string | null;
  verdict: ReplyVerdict;
  /** JSON array of RefusalReason. */
  reasons: string;
  /** JSON: evidence words, conflicts, auto-reply reason, sender authentication, quote boundary. */
  understood: string;
  fresh_text: string;
  status: ReplyStatus;
  created_at: string;
  /** Who applied or dismissed it (a user id); null for the app itself (migration 202612041958). */
  decided_by?: number | null;
  decided_at?: string | null;
  /** JSON ReplyOutcome (server/mail/apply/outcome.ts): what applying did, or why it could not. */
  outcome?: string | null;
}

export interface MailTables {
  mail_mailboxes: MailMailboxesTable;
  mail_inbound: MailInboundTable;
  mail_replies: MailRepliesTable;
}

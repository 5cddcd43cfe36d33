// Kysely row types of applying bank replies (migration 202612041958-mail-reply-apply).

export type ReplyAuthentication = 'dmarc' | 'dkim' | 'off';

export interface BankReplyPoliciesTable {
  portal_id: string;
  bank_id: string;
  authentication: ReplyAuthentication;
  /** Decimal strings: the granted amount must lie in [requested × min, requested × max]. */
  band_min: string;
  band_max: string;
  updated_at: string;
}

export interface MailDecisionNoticesTable {
  portal_id: string;
  /** deal:bank:decision:amount — one applied decision, whatever number of replies carry it. */
  notice_key: string;
  /** The reply that applied it first. */
  reply_id: string;
  deal_id: number | string;
  bank_id: string;
  decision: string;
  amount: string | null;
  currency: string | null;
  /** Fixed when the decision was applied, so a retried e-mail is the same message. */
  email_message_id: string;
  email_sent_at: string | null;
  /** The SMTP server's reply, kept as proof the mail left. */
  email_response: string | null;
  created_at: string;
}

export interface MailApplyTables {
  bank_reply_policies: BankReplyPoliciesTable;
  mail_decision_notices: MailDecisionNoticesTable;
}

// Kysely row type for `mail_settings` (migration 202612041855-mail-settings).
import type { MailSecurity, ReplyScheme } from '../../../wire/mail-settings.js';

export interface MailSettingsTable {
  portal_id: string;
  smtp_host: string;
  smtp_port: number;
  smtp_security: MailSecurity;
  /** '' when the SMTP server takes mail without AUTH. */
  smtp_user: string;
  /** SecretBox ciphertext (aad: mail_settings:<portal>:smtp_password). */
  smtp_password: string | null;
  from_address: string;
  from_name: string;
  imap_host: string;
  imap_port: number;
  imap_security: MailSecurity;
  imap_user: string;
  /** SecretBox ciphertext (aad: mail_settings:<portal>:imap_password). */
  imap_password: string | null;
  imap_folder: string;
  reply_scheme: ReplyScheme;
  reply_address: string | null;
  /** JSON array of lower-case addresses: our staff allowed to forward a bank's decision (migration 202612042310). */
  forwarders: string;
  /** Bumped on every save: the mailbox readers compare it. */
  version: number;
  updated_by: number | null;
  updated_at: string;
}

export type BankMessageStatus = 'queued' | 'sent' | 'delivered' | 'failed';

/** Migration 202612041925-bank-messages: one message to one bank from a deal. */
export interface BankMessagesTable {
  id: string;
  portal_id: string;
  deal_id: number | string;
  bank_id: string;
  /** The caller's id of the request: a repeat with the same body answers the same rows. */
  request_id: string;
  request_hash: string;
  message_id: string;
  reply_to: string;
  /** SecretBox JSON { to, subject, text } (aad: bank_messages:<portal>:<id>). */
  sealed: string;
  /** The sender's language: the timeline comment is written in it. */
  lang: 'en' | 'ru' | 'es';
  status: BankMessageStatus;
  smtp_response: string | null;
  error: string | null;
  /** 1 once the deal's timeline says what happened. */
  commented: number;
  created_by: number | null;
  created_at: string;
  sent_at: string | null;
  /** A delivery report's diagnostic (DSN or bounce read from the mailbox), per recipient. */
  delivery_report: string | null;
  reported_at: string | null;
  channel: 'email' | 'sms';
  /**
   * A delivery report whose sender did not authenticate as the delivery path (delivery-report-record.ts):
   * "sender: diagnostic", shown but moving nothing (migration 202612050210).
   */
  unverified_report?: string | null;
  unverified_at?: string | null;
}

export interface MailSettingsTables {
  mail_settings: MailSettingsTable;
  bank_messages: BankMessagesTable;
}

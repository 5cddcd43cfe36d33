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
  /** Bumped on every save: the mailbox readers compare it. */
  version: number;
  updated_by: number | null;
  updated_at: string;
}

export interface MailSettingsTables {
  mail_settings: MailSettingsTable;
}

// Row types of the reminder tables (migration 202612041710-reminders).

export type ReminderStatus = 'pending' | 'sent' | 'cancelled' | 'skipped';

export interface RemindersTable {
  portal_id: string;
  /** `loan:installment:rule` (reminder-plan.ts reminderKey): unique per portal, so one reminder ever. */
  key: string;
  loan_id: string;
  deal_id: number;
  installment: number;
  rule_id: string;
  /** ReminderChannel. */
  channel: string;
  /** 1 when about an overdue debt (the collection limits apply). */
  overdue: number;
  status: ReminderStatus;
  /** Epoch ms: not sent before (the contact law's answer, or the planning time). */
  not_before: number;
  /** Epoch ms the contact was made (reserved just before the send); counts toward the limits. */
  sent_at: number | null;
  /** Why cancelled or skipped (e.g. "paid"), for the timeline. */
  note: string | null;
  created_at: string;
}

export interface ReminderSettingsTable {
  portal_id: string;
  /** JSON array of day offsets from the due date, e.g. [-3,0,1,3,7,30]. */
  offsets: string;
  client_sms: number;
  employee: number;
  /** The debtors' IANA time zone. */
  time_zone: string;
  /** 'RU' (230-FZ) or 'MX' (CONDUSEF hours). */
  law: string;
  /** SMS provider code for client reminders; null = the portal's default. */
  sms_provider: string | null;
  updated_by: number | null;
  updated_at: string;
}

export interface ReminderTables {
  reminders: RemindersTable;
  reminder_settings: ReminderSettingsTable;
}

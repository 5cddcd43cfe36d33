// Row types of the reminder tables (migrations 202612041710-reminders, 202612042200-reminder-rules).

// 'failed': it cannot go as it stands (no phone, a template value missing) — the note says why.
export type ReminderStatus = 'pending' | 'sent' | 'cancelled' | 'skipped' | 'failed';

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
  /** Why cancelled, skipped or failed (e.g. "paid"; a failure's reason in the portal's language). */
  note: string | null;
  created_at: string;
  /** Whom the contact law counts this contact against: "contact:<id>" (the deal's contact), else "deal:<id>"; set when first sent. */
  debtor: string | null;
  /** Client SMS: the catalogue template the rule names (null: payment-reminder / overdue-notice). */
  template: string | null;
  /** Employee: 'notify' (im.notify.system.add, also when null) or 'todo' (crm.activity.todo.add). */
  via: string | null;
  /** A failure's reason as data (errors.ts StoredReason JSON), read in each user's language; null otherwise. */
  reason: string | null;
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
  /** MX: the portal's quiet hours as minutes of the debtor's day (null: CONDUSEF's 07:00–22:00). */
  quiet_from: number | null;
  quiet_to: number | null;
  /** RU: JSON array of ISO days that are non-working by decree (moved days); null: the default list. */
  holidays: string | null;
  updated_by: number | null;
  updated_at: string;
}

/** Row per debtor, locked (upserted) by the send job while it counts and reserves a contact. */
export interface ReminderDebtorsTable {
  portal_id: string;
  debtor: string;
  touched_at: number;
}

/** A product's own reminder rules (JSON of wire ProductReminderRule[]); no row: the portal's rules. */
export interface ProductReminderRulesTable {
  portal_id: string;
  product_id: string;
  rules: string;
  updated_by: number | null;
  updated_at: string;
}

export interface ReminderTables {
  reminders: RemindersTable;
  reminder_settings: ReminderSettingsTable;
  reminder_debtors: ReminderDebtorsTable;
  product_reminder_rules: ProductReminderRulesTable;
}

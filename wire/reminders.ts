import { Type, type Static } from '@sinclair/typebox';

// Wire shape of the reminder settings API (/api/v1/settings/reminders and …/products/:productId),
// declared once for the routes and the settings widget's reminder section.

/** A day of the debtors' calendar, "2026-01-09". */
const IsoDay = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', maxLength: 10 });
const Minute = Type.Integer({ minimum: 0, maximum: 1440 });

export const QuietHours = Type.Object({ fromMinute: Minute, toMinute: Minute }, { additionalProperties: false });
export type QuietHours = Static<typeof QuietHours>;

export const ReminderSettingsBody = Type.Object(
  {
    /** Days from the due date: −3 three days before, 0 on the day, 7 a week after. */
    offsets: Type.Array(Type.Integer({ minimum: -365, maximum: 365 }), { minItems: 1, maxItems: 20, uniqueItems: true }),
    clientSms: Type.Boolean(),
    employee: Type.Boolean(),
    /** The debtors' IANA time zone, e.g. "Europe/Moscow", "America/Mexico_City". */
    timeZone: Type.String({ minLength: 1, maxLength: 64 }),
    /** RU: 230-FZ hours and limits for overdue debts; MX: CONDUSEF collection hours. */
    law: Type.Union([Type.Literal('RU'), Type.Literal('MX')]),
    smsProvider: Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()]),
    /** MX: the portal's own contact hours, within CONDUSEF's 07:00–22:00 (null or absent: 07:00–22:00). */
    quietHours: Type.Optional(Type.Union([QuietHours, Type.Null()])),
    /**
     * RU: the days the year's government decree makes non-working besides weekends and the fixed
     * holidays of Labour Code art. 112 (the moved days); null or absent: the default list.
     */
    holidays: Type.Optional(Type.Union([Type.Array(IsoDay, { maxItems: 100 }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type ReminderSettingsBody = Static<typeof ReminderSettingsBody>;

/** The saved settings, every field present. */
export const ReminderSettingsView = Type.Object({
  ...Type.Omit(ReminderSettingsBody, ['quietHours', 'holidays']).properties,
  quietHours: Type.Union([QuietHours, Type.Null()]),
  holidays: Type.Union([Type.Array(Type.String()), Type.Null()]),
});
export type ReminderSettingsView = Static<typeof ReminderSettingsView>;

/** How the responsible employee is told: a notification or a to-do in the deal. */
export const EmployeeVia = Type.Union([Type.Literal('notify'), Type.Literal('todo')]);
export type EmployeeVia = Static<typeof EmployeeVia>;

/** One rule of a product: when, and to whom (the client by SMS and/or the responsible employee). */
export const ProductReminderRule = Type.Object(
  {
    offsetDays: Type.Integer({ minimum: -365, maximum: 365 }),
    /** The catalogue template of the client's SMS; null: no SMS. */
    smsTemplate: Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()]),
    /** null: the employee is not told. */
    employee: Type.Union([EmployeeVia, Type.Null()]),
  },
  { additionalProperties: false },
);
export type ProductReminderRule = Static<typeof ProductReminderRule>;

export const ProductRulesBody = Type.Object(
  {
    /** null: the product follows the portal's rules; [] : no reminders for its loans. */
    rules: Type.Union([Type.Array(ProductReminderRule, { maxItems: 20 }), Type.Null()]),
  },
  { additionalProperties: false },
);
export type ProductRulesBody = Static<typeof ProductRulesBody>;

export const ProductRules = Type.Object({
  productId: Type.String(),
  rules: Type.Union([Type.Array(ProductReminderRule), Type.Null()]),
});
export type ProductRules = Static<typeof ProductRules>;

/** GET answers the saved settings (null: reminders never set up — off), and what the screen offers. */
export const ReminderSettingsReply = Type.Object({
  settings: Type.Union([ReminderSettingsView, Type.Null()]),
  /** Each active product's own rules (null: the portal's). */
  products: Type.Array(ProductRules),
  /** The moved non-working days the RU calendar uses when the portal has not set its own. */
  defaultHolidays: Type.Array(Type.String()),
  /** SMS templates a rule may name (the catalogue's ids, with their titles per language). */
  templates: Type.Array(Type.Object({ id: Type.String(), titles: Type.Record(Type.String(), Type.String()) })),
});
export type ReminderSettingsReply = Static<typeof ReminderSettingsReply>;

/** A reminder that could not go (server/reminders/failed.ts), its reason in the reader's language. */
export const FailedReminderView = Type.Object({
  key: Type.String(),
  dealId: Type.Integer(),
  installment: Type.Integer(),
  ruleId: Type.String(),
  channel: Type.String(),
  plannedAt: Type.String(),
  reason: Type.String(),
});
export type FailedReminderView = Static<typeof FailedReminderView>;

export const FailedRemindersReply = Type.Object({ failed: Type.Array(FailedReminderView) });
export type FailedRemindersReply = Static<typeof FailedRemindersReply>;

export const RetryReminderBody = Type.Object({ key: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false });
export type RetryReminderBody = Static<typeof RetryReminderBody>;

/** retried: false when it was not failed any more (another click, or it went meanwhile). */
export const RetryReminderReply = Type.Object({ retried: Type.Boolean() });
export type RetryReminderReply = Static<typeof RetryReminderReply>;

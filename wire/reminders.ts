import { Type, type Static } from '@sinclair/typebox';

// Wire shape of the reminder settings API (/api/v1/settings/reminders), declared once for the route
// and a future settings widget.

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
  },
  { additionalProperties: false },
);
export type ReminderSettingsBody = Static<typeof ReminderSettingsBody>;

/** GET answers the saved settings, or null when reminders were never set up (off). */
export const ReminderSettingsReply = Type.Object({ settings: Type.Union([ReminderSettingsBody, Type.Null()]) });

import type { Executor } from '../db/executor.js';
import type { QuietHours } from '../../wire/reminders.js';
import { rulesFromOffsets, type ReminderRule } from './reminder-plan.js';

// A portal's reminder settings: the rules (day offsets), who gets them, the debtors' zone and law,
// MX quiet hours and the RU moved non-working days.

export type ReminderLaw = 'RU' | 'MX';

export interface ReminderSettings {
  offsets: number[];
  clientSms: boolean;
  employee: boolean;
  timeZone: string;
  law: ReminderLaw;
  smsProvider: string | null;
  /** MX: the portal's contact hours (null: CONDUSEF's 07:00–22:00). */
  quietHours: QuietHours | null;
  /** RU: the moved non-working days (null: ru-calendar.ts's default list). */
  holidays: string[] | null;
}

export function rulesOf(s: Pick<ReminderSettings, 'offsets' | 'clientSms' | 'employee'>): ReminderRule[] {
  return [
    ...(s.clientSms ? rulesFromOffsets(s.offsets, 'client_sms') : []),
    ...(s.employee ? rulesFromOffsets(s.offsets, 'employee') : []),
  ];
}

export async function getReminderSettings(db: Executor, portalId: string): Promise<ReminderSettings | null> {
  const r = await db.selectFrom('reminder_settings').selectAll().where('portal_id', '=', portalId).executeTakeFirst();
  if (!r) return null;
  return {
    offsets: JSON.parse(r.offsets) as number[],
    clientSms: Number(r.client_sms) === 1,
    employee: Number(r.employee) === 1,
    timeZone: r.time_zone,
    law: r.law === 'MX' ? 'MX' : 'RU',
    smsProvider: r.sms_provider,
    quietHours: r.quiet_from === null || r.quiet_to === null ? null : { fromMinute: Number(r.quiet_from), toMinute: Number(r.quiet_to) },
    holidays: r.holidays === null ? null : (JSON.parse(r.holidays) as string[]),
  };
}

/** What a save takes: without quiet hours or moved days, the defaults. */
export type ReminderSettingsInput = Omit<ReminderSettings, 'quietHours' | 'holidays'> &
  Partial<Pick<ReminderSettings, 'quietHours' | 'holidays'>>;

export async function saveReminderSettings(db: Executor, portalId: string, s: ReminderSettingsInput, userId: number | null): Promise<void> {
  const row = {
    offsets: JSON.stringify(s.offsets),
    client_sms: s.clientSms ? 1 : 0,
    employee: s.employee ? 1 : 0,
    time_zone: s.timeZone,
    law: s.law,
    sms_provider: s.smsProvider,
    quiet_from: s.quietHours?.fromMinute ?? null,
    quiet_to: s.quietHours?.toMinute ?? null,
    holidays: s.holidays ? JSON.stringify(s.holidays) : null,
    updated_by: userId,
    updated_at: new Date().toISOString(),
  };
  await db
    .insertInto('reminder_settings')
    .values({ portal_id: portalId, ...row })
    .onConflict((oc) => oc.column('portal_id').doUpdateSet(row))
    .execute();
}

/** Portals that have reminders switched on (for the scheduler's per-portal plan jobs). */
export async function listReminderPortals(db: Executor): Promise<{ portalId: string; timeZone: string }[]> {
  const rows = await db.selectFrom('reminder_settings').select(['portal_id', 'time_zone']).execute();
  return rows.map((r) => ({ portalId: r.portal_id, timeZone: r.time_zone }));
}

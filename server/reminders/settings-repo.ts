import type { Executor } from '../db/executor.js';
import { rulesFromOffsets, type ReminderRule } from './reminder-plan.js';

// A portal's reminder settings: the rules (day offsets), who gets them, the debtors' zone and law.

export type ReminderLaw = 'RU' | 'MX';

export interface ReminderSettings {
  offsets: number[];
  clientSms: boolean;
  employee: boolean;
  timeZone: string;
  law: ReminderLaw;
  smsProvider: string | null;
}

export function rulesOf(s: ReminderSettings): ReminderRule[] {
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
  };
}

export async function saveReminderSettings(db: Executor, portalId: string, s: ReminderSettings, userId: number | null): Promise<void> {
  const row = {
    offsets: JSON.stringify(s.offsets),
    client_sms: s.clientSms ? 1 : 0,
    employee: s.employee ? 1 : 0,
    time_zone: s.timeZone,
    law: s.law,
    sms_provider: s.smsProvider,
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

import type { Executor } from '../db/executor.js';
import { AppError } from '../errors.js';
import { enqueueMany } from '../jobs/outbox.js';
import { loadLoanState, servicingOf } from '../loans/operations/loan-state.js';
import { localTime } from './local-time.js';
import { dueReminders, rulesFromProduct, type DueReminder, type InstallmentDue, type ReminderRule } from './reminder-plan.js';
import { listProductRules } from './product-rules-repo.js';
import { getReminderSettings, rulesOf } from './settings-repo.js';
import { DEFAULT_SOON_DAYS, dueTriggers } from '../triggers/due-triggers.js';
import { TRIGGER_JOB, triggerJobKey, type TriggerPayload } from '../triggers/codes.js';

// The nightly planning of one portal: which reminders are due on the debtors' local day — each loan
// by its product's own rules when the product has them (product_reminder_rules), else the portal's —
// recorded (insert … on conflict do nothing — the key is unique per portal) with one send job per row that
// is new, in the same transaction. A second run, or a second worker, inserts nothing and so sends
// nothing; the send job decides when (contact law) and whether (still open) to send. The same pass
// fires the robot triggers "installment due soon" and "installment overdue" (server/triggers), one job
// per installment and trigger, keyed so that it is once ever.

export const REMINDER_SEND_JOB = 'reminders.send';

export interface ReminderSendPayload {
  key: string;
}

export function reminderSendKey(portalId: string, key: string, notBefore?: number): string {
  return `${REMINDER_SEND_JOB}:${portalId}:${key}${notBefore === undefined ? '' : `:at:${notBefore}`}`;
}

const CHUNK = 500;

/** Plans the portal's reminders for the debtors' local day at `now`; returns how many were new. */
export async function planReminders(db: Executor, portalId: string, now: Date): Promise<number> {
  const settings = await getReminderSettings(db, portalId);
  if (!settings) return 0;
  const portalRules = rulesOf(settings);
  const productRules = new Map([...(await listProductRules(db, portalId))].map(([id, r]) => [id, rulesFromProduct(r)]));
  const rulesOfLoan = (productId: string | null): ReminderRule[] =>
    (productId === null ? undefined : productRules.get(productId)) ?? portalRules;
  // "Due soon" starts with the earliest reminder before the due date (3 days when there is none).
  const before = Math.max(0, ...settings.offsets.map((o) => -o));
  const soonDays = before > 0 ? before : DEFAULT_SOON_DAYS;
  const today = localTime(now, settings.timeZone).day;
  const loans = await db
    .selectFrom('loans')
    .select(['id', 'deal_id', 'product_id'])
    .where('portal_id', '=', portalId)
    .where('status', '=', 'ACTIVE')
    .orderBy('id')
    .execute();
  let created = 0;
  for (let i = 0; i < loans.length; i += CHUNK) {
    const chunk = loans.slice(i, i + CHUNK);
    const dealOf = new Map(chunk.map((l) => [l.id, Number(l.deal_id)]));
    const installments: InstallmentDue[] = [];
    const byRules = new Map<ReminderRule[], InstallmentDue[]>();
    for (const l of chunk) {
      const state = await loadLoanState(db, portalId, l.id);
      if (!state) continue;
      let servicing;
      try {
        servicing = servicingOf(state, today);
      } catch (e) {
        // One loan the core refuses to service (its tab shows why) must not stop the portal's run.
        if (e instanceof AppError) continue;
        throw e;
      }
      const rules = rulesOfLoan(l.product_id);
      const group = byRules.get(rules) ?? [];
      byRules.set(rules, group);
      for (const inst of servicing.installments) {
        const due = { loanId: l.id, installment: inst.n, dueDate: inst.dueDate, open: inst.status !== 'paid' };
        installments.push(due);
        group.push(due);
      }
    }
    const recorded = new Set(
      (
        await db
          .selectFrom('reminders')
          .select('key')
          .where('portal_id', '=', portalId)
          .where(
            'loan_id',
            'in',
            chunk.map((l) => l.id),
          )
          .execute()
      ).map((r) => r.key),
    );
    const due: DueReminder[] = [];
    for (const [rules, group] of byRules) due.push(...dueReminders({ rules, installments: group, today, recorded }));
    const triggers = dueTriggers(installments, today, soonDays);
    if (due.length === 0 && triggers.length === 0) continue;
    const at = now.getTime();
    const iso = now.toISOString();
    created += await db.transaction().execute(async (trx) => {
      await enqueueMany(
        trx,
        triggers.map((t) => ({
          portalId,
          kind: TRIGGER_JOB,
          idempotencyKey: triggerJobKey(portalId, t.code, t.what),
          payload: { code: t.code, dealId: dealOf.get(t.loanId)! } satisfies TriggerPayload,
          runAfterMs: at,
        })),
      );
      if (due.length === 0) return 0;
      const inserted = await trx
        .insertInto('reminders')
        .values(
          due.map((d) => ({
            portal_id: portalId,
            key: d.key,
            loan_id: d.loanId,
            deal_id: dealOf.get(d.loanId)!,
            installment: d.installment,
            rule_id: d.ruleId,
            channel: d.channel,
            overdue: d.overdue ? 1 : 0,
            status: 'pending' as const,
            not_before: at,
            sent_at: null,
            note: null,
            created_at: iso,
            debtor: null,
            template: d.template,
            via: d.via,
          })),
        )
        .onConflict((oc) => oc.columns(['portal_id', 'key']).doNothing())
        .returning('key')
        .execute();
      await enqueueMany(
        trx,
        inserted.map((r) => ({
          portalId,
          kind: REMINDER_SEND_JOB,
          idempotencyKey: reminderSendKey(portalId, r.key),
          payload: { key: r.key } satisfies ReminderSendPayload,
          runAfterMs: at,
        })),
      );
      return inserted.length;
    });
  }
  return created;
}

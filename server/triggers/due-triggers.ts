import { addDays } from '../reminders/local-time.js';
import type { InstallmentDue } from '../reminders/reminder-plan.js';
import { TRIGGER, type TriggerCode } from './codes.js';

// Which installment triggers the reminder planner fires on the debtors' local day, pure: "due soon"
// from `soonDays` before the due date until the day itself, "overdue" from the first day after it —
// both only while the installment is still owed. The key names the installment, so with the outbox's
// unique key each fires once per installment ever, however many runs see it (a missed night fires
// on the next one within a week — past that the trigger would only be noise on an old debt, and the
// nightly pass stays bounded by the week's installments, not the whole overdue book).

export interface DueTrigger {
  code: TriggerCode;
  loanId: string;
  /** loan:installment — the transition's name in the job key. */
  what: string;
}

export const DEFAULT_SOON_DAYS = 3;
/** "Overdue" fires on the first day after the due date, or a missed run's next one within this many days. */
export const OVERDUE_CATCH_UP_DAYS = 7;

export function dueTriggers(installments: readonly InstallmentDue[], today: string, soonDays: number): DueTrigger[] {
  const out: DueTrigger[] = [];
  for (const i of installments) {
    if (!i.open) continue;
    const what = `${i.loanId}:${i.installment}`;
    if (today > i.dueDate) {
      if (today <= addDays(i.dueDate, OVERDUE_CATCH_UP_DAYS)) out.push({ code: TRIGGER.overdue, loanId: i.loanId, what });
    } else if (today >= addDays(i.dueDate, -soonDays)) out.push({ code: TRIGGER.dueSoon, loanId: i.loanId, what });
  }
  return out;
}

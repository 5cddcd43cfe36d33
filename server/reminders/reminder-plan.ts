// Which reminders of upcoming, due and overdue installments are due today, as a pure function of a
// product's rules, the loan's installments (with what is still owed on each), the debtor's local day
// and the reminders already recorded. One reminder per installment per rule, ever: its key is
// `loan:installment:rule`, recorded (unique) before anything is sent. When the send happens is the
// contact law's business (contact-law.ts); whether it still should (a payment came first) is checked
// again by the sending job.
import type { EmployeeVia, ProductReminderRule } from '../../wire/reminders.js';
import { addDays } from './local-time.js';

export type ReminderChannel = 'client_sms' | 'employee';

export interface ReminderRule {
  /** Stable within the product ("before-3", "after-7"): part of every reminder's key. */
  id: string;
  /** Days from the due date: −3 three days before, 0 on the day, 7 a week after. */
  offsetDays: number;
  channel: ReminderChannel;
  /** Client SMS: the catalogue template (absent: payment-reminder before/on the day, overdue-notice after). */
  template?: string;
  /** Employee: how they are told (absent: a notification). */
  via?: EmployeeVia;
}

export interface InstallmentDue {
  loanId: string;
  /** The installment's number in the schedule (1-based). */
  installment: number;
  /** ISO day the installment falls due. */
  dueDate: string;
  /** Whether anything of it is still owed (the servicing run's answer, not recomputed here). */
  open: boolean;
}

export interface DueReminder {
  key: string;
  loanId: string;
  installment: number;
  ruleId: string;
  channel: ReminderChannel;
  /** About an overdue debt (offset > 0): the collection limits of the contact law apply. */
  overdue: boolean;
  /** The day the rule aimed at. */
  targetDay: string;
  template: string | null;
  via: EmployeeVia | null;
}

export const MAX_OFFSET_DAYS = 365;

export function reminderKey(loanId: string, installment: number, ruleId: string): string {
  return `${loanId}:${installment}:${ruleId}`;
}

/**
 * The last day a rule's reminder still makes sense when the run that should have sent it was missed
 * (the server was down, the contact law postponed it): a reminder before or on the due date is
 * pointless after it; an overdue one is superseded by the installment's next overdue rule.
 */
function lastDay(rule: ReminderRule, dueDate: string, rules: readonly ReminderRule[]): string {
  if (rule.offsetDays <= 0) return dueDate;
  const next = rules
    .filter((r) => r.channel === rule.channel && r.offsetDays > rule.offsetDays)
    .reduce<number | null>((min, r) => (min === null || r.offsetDays < min ? r.offsetDays : min), null);
  return addDays(dueDate, (next ?? MAX_OFFSET_DAYS + 1) - 1);
}

/** Reminders due on `today` (the debtor's local ISO day) that are not recorded yet, oldest first. */
export function dueReminders(input: {
  rules: readonly ReminderRule[];
  installments: readonly InstallmentDue[];
  today: string;
  recorded: ReadonlySet<string>;
}): DueReminder[] {
  const out: DueReminder[] = [];
  for (const inst of input.installments) {
    if (!inst.open) continue;
    for (const rule of input.rules) {
      const targetDay = addDays(inst.dueDate, rule.offsetDays);
      if (input.today < targetDay || input.today > lastDay(rule, inst.dueDate, input.rules)) continue;
      const key = reminderKey(inst.loanId, inst.installment, rule.id);
      if (input.recorded.has(key)) continue;
      out.push({
        key,
        loanId: inst.loanId,
        installment: inst.installment,
        ruleId: rule.id,
        channel: rule.channel,
        overdue: rule.offsetDays > 0,
        targetDay,
        template: rule.template ?? null,
        via: rule.via ?? null,
      });
    }
  }
  return out.sort((a, b) => (a.targetDay < b.targetDay ? -1 : a.targetDay > b.targetDay ? 1 : a.key < b.key ? -1 : 1));
}

/**
 * A rule's id from its channel and offset alone, so the portal's "3 days after" and a product's are
 * one rule: a loan whose product gets its own rules is not reminded again of what it already was.
 */
const ruleId = (channel: ReminderChannel, o: number): string => `${channel}:${o < 0 ? `before-${-o}` : o === 0 ? 'due' : `after-${o}`}`;
const validOffset = (o: number): boolean => Number.isInteger(o) && Math.abs(o) <= MAX_OFFSET_DAYS;

/** The rules as an admin writes them: "-3, 0, 1, 3, 7, 30" → rule per offset and channel. */
export function rulesFromOffsets(offsets: readonly number[], channel: ReminderChannel): ReminderRule[] {
  return [...new Set(offsets)]
    .filter(validOffset)
    .sort((a, b) => a - b)
    .map((o) => ({ id: ruleId(channel, o), offsetDays: o, channel }));
}

/** A product's own rules: each offset to the client by its SMS template and/or to the employee. */
export function rulesFromProduct(rules: readonly ProductReminderRule[]): ReminderRule[] {
  const out = new Map<string, ReminderRule>();
  for (const r of [...rules].sort((a, b) => a.offsetDays - b.offsetDays)) {
    if (!validOffset(r.offsetDays)) continue;
    if (r.smsTemplate !== null) {
      const id = ruleId('client_sms', r.offsetDays);
      if (!out.has(id)) out.set(id, { id, offsetDays: r.offsetDays, channel: 'client_sms', template: r.smsTemplate });
    }
    if (r.employee !== null) {
      const id = ruleId('employee', r.offsetDays);
      if (!out.has(id)) out.set(id, { id, offsetDays: r.offsetDays, channel: 'employee', via: r.employee });
    }
  }
  return [...out.values()];
}

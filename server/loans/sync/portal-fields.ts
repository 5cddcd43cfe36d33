import { createHash } from 'node:crypto';
import Decimal from 'decimal.js';
import type { InstallmentState, ScheduleRow, Servicing } from '../lending-types.js';
import type { LoanState } from '../operations/loan-state.js';
import type { InstallmentStatus, SyncTarget } from './target.js';

// Pure: what each smart-process item and the deal should hold, from the schedule and servicing.

export interface DesiredItem {
  installment: number;
  fields: Record<string, unknown>;
  hash: string;
}

/** The core's status in the four words of the issue: a 'due' (today) installment is still upcoming. */
export function installmentStatus(s: InstallmentState): InstallmentStatus {
  switch (s.status) {
    case 'paid':
      return 'paid';
    case 'overdue':
      return 'overdue';
    case 'partial':
      return 'partially_paid';
    default:
      return new Decimal(s.paid).gt(0) ? 'partially_paid' : 'upcoming';
  }
}

/** Title carries the installment number first ("№3 · …"): reconcile reads it back from a listing. */
export function itemTitle(row: ScheduleRow, count: number, currency: string): string {
  return `№${row.n}/${count} · ${row.dueDate} · ${row.total} ${currency}`;
}

export function installmentFromTitle(title: unknown): number | null {
  const m = typeof title === 'string' ? /^№(\d+)\//.exec(title) : null;
  return m ? Number(m[1]) : null;
}

export function hashFields(fields: Record<string, unknown>): string {
  return createHash('sha256')
    .update(
      JSON.stringify(
        Object.keys(fields)
          .sort()
          .map((k) => [k, fields[k]]),
      ),
    )
    .digest('hex')
    .slice(0, 32);
}

export function desiredItems(state: LoanState, servicing: Servicing, target: SyncTarget): DesiredItem[] {
  const { loan, schedule } = state;
  const byN = new Map(servicing.installments.map((i) => [i.n, i]));
  const rows = schedule.rows;
  return rows.map((row, idx) => {
    const s = byN.get(row.n);
    const status: InstallmentStatus = s ? installmentStatus(s) : 'upcoming';
    const fields: Record<string, unknown> = {
      title: itemTitle(row, rows.length, loan.currency),
      parentId2: loan.dealId,
      begindate: idx === 0 ? schedule.terms.disbursementDate : rows[idx - 1]!.dueDate,
      closedate: row.dueDate,
      opportunity: row.total,
      currencyId: loan.currency,
      isManualOpportunity: 'Y',
    };
    const f = target.itemFields;
    if (f) {
      fields[f.installment] = row.n;
      fields[f.principal] = row.principal;
      fields[f.interest] = row.interest;
      fields[f.fees] = row.fees;
      fields[f.total] = row.total;
      fields[f.paid] = s?.paid ?? '0';
      fields[f.outstanding] = s?.outstanding ?? row.total;
      fields[f.status] = status;
      fields[f.balanceAfter] = row.closing;
      fields[f.loanId] = loan.id;
    }
    const stage = target.stageIds?.[status];
    if (stage) fields.stageId = stage;
    return { installment: row.n, fields, hash: hashFields(fields) };
  });
}

/** Money user fields take "amount|CURRENCY" (UNVERIFIED(b24): the documented money UF format). */
function money(amount: string, currency: string): string {
  return `${amount}|${currency}`;
}

/** The deal's OPPORTUNITY and loan user fields (crm.deal.update, UPPER_CASE names). */
export function dealFields(state: LoanState, servicing: Servicing, target: SyncTarget): Record<string, unknown> {
  const { loan, schedule } = state;
  const terms = schedule.terms;
  const open = servicing.installments.filter((i) => new Decimal(i.outstanding).gt(0));
  const next = open.find((i) => i.dueDate >= servicing.asOf) ?? open[0];
  // The next payment includes any arrears before it: what the client must pay by that date.
  const nextAmount = next
    ? open.filter((i) => i.dueDate <= next.dueDate).reduce((s, i) => s.add(i.outstanding), new Decimal(0))
    : new Decimal(0);
  const status = open.length === 0 ? 'closed' : servicing.daysPastDue > 0 ? 'overdue' : 'active';
  const rate =
    terms.rate.annualPercent ?? (terms.rate.dailyPercent !== undefined ? new Decimal(terms.rate.dailyPercent).mul(365).toFixed() : '');
  const d = target.dealFields;
  return {
    OPPORTUNITY: loan.principal,
    CURRENCY_ID: loan.currency,
    IS_MANUAL_OPPORTUNITY: 'Y',
    [d.rate]: rate,
    [d.term]: terms.installments,
    [d.nextDueDate]: next?.dueDate ?? '',
    [d.nextAmount]: money(nextAmount.toFixed(new Decimal(schedule.installmentAmount).decimalPlaces()), loan.currency),
    [d.balance]: money(servicing.outstanding.principal, loan.currency),
    [d.daysPastDue]: servicing.daysPastDue,
    [d.status]: status,
  };
}

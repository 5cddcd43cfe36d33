import { createHash } from 'node:crypto';
import Decimal from 'decimal.js';
import type { Formatters } from '../../../widgets/loan-tab/format.js';
import type { ScheduleRow, Servicing } from '../lending-types.js';
import type { LoanState } from '../operations/loan-state.js';
import { formatFor, loanStatusText, statusText } from './item-text.js';
import type { InstallmentStatus, SyncTarget } from './target.js';

// Pure: what each smart-process item and the deal should hold, from the schedule and servicing.

export interface DesiredItem {
  installment: number;
  fields: Record<string, unknown>;
  hash: string;
}

/**
 * "№3/12 · 03/07/2026 · $2,030.86": the installment number first (reconcile reads it back from a
 * listing, installmentFromTitle), then the due date and the amount as the tab shows them in the
 * portal's language.
 */
export function itemTitle(row: ScheduleRow, count: number, fmt: Formatters): string {
  return `№${row.n}/${count} · ${fmt.date(row.dueDate)} · ${fmt.money(row.total)}`;
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
  const fmt = formatFor(target.lang, loan.currency);
  const byN = new Map(servicing.installments.map((i) => [i.n, i]));
  const rows = schedule.rows;
  return rows.map((row, idx) => {
    const s = byN.get(row.n);
    // The status the tab shows for this installment (lending/servicing/loan-servicing.ts).
    const status: InstallmentStatus = s?.status ?? 'upcoming';
    const fields: Record<string, unknown> = {
      title: itemTitle(row, rows.length, fmt),
      parentId2: loan.dealId,
      begindate: idx === 0 ? schedule.terms.disbursementDate : rows[idx - 1]!.dueDate,
      closedate: row.dueDate,
      opportunity: row.total,
      currencyId: loan.currency,
      isManualOpportunity: 'Y',
    };
    const f = target.itemFields;
    if (f) {
      const c = s?.components;
      fields[f.installment] = row.n;
      fields[f.principal] = row.principal;
      fields[f.interest] = row.interest;
      fields[f.fees] = row.fees;
      fields[f.total] = row.total;
      // Paid towards the installment itself; what went to its penalty is apart (paidPenalty).
      fields[f.paid] = c ? sum(c.principal.paid, c.interest.paid, c.fees.paid, c.vat.paid) : '0';
      fields[f.outstanding] = s?.outstanding ?? row.total;
      fields[f.status] = statusText(status, target.lang);
      fields[f.balanceAfter] = row.closing;
      fields[f.loanId] = loan.id;
      const split = target.splitFields;
      if (split) {
        fields[split.vat] = row.vat ?? '0';
        fields[split.penalty] = c?.penalty.due ?? '0';
        fields[split.paidPrincipal] = c?.principal.paid ?? '0';
        fields[split.paidInterest] = c?.interest.paid ?? '0';
        fields[split.paidFees] = c?.fees.paid ?? '0';
        fields[split.paidVat] = c?.vat.paid ?? '0';
        fields[split.paidPenalty] = c?.penalty.paid ?? '0';
      }
    }
    const stage = target.stageIds?.[status];
    if (stage) fields.stageId = stage;
    return { installment: row.n, fields, hash: hashFields(fields) };
  });
}

/** Amounts of one currency added exactly, written with the scale they came in. */
function sum(...amounts: string[]): string {
  const dp = Math.max(...amounts.map((a) => new Decimal(a).decimalPlaces()));
  return amounts.reduce((s, a) => s.add(a), new Decimal(0)).toFixed(dp);
}

/** The installments the schedule holds; a down payment is its own first row (lending/schedule/build.ts), not one of them. */
function installmentsNow(rows: number, terms: LoanState['schedule']['terms']): number {
  return rows - (terms.downPayment ? 1 : 0);
}

/** Decimals an amount is written with (the currency's scale, as servicing wrote it). */
function scaleOf(amount: string): number {
  const dot = amount.indexOf('.');
  return dot < 0 ? 0 : amount.length - dot - 1;
}

/** Money user fields take "amount|CURRENCY" (UNVERIFIED(b24): the documented money UF format). */
function money(amount: string, currency: string): string {
  return `${amount}|${currency}`;
}

/**
 * The deal's OPPORTUNITY and loan user fields (crm.deal.update, UPPER_CASE names). The next due date
 * is the tab's "next payment"; the amount is what the client must pay by that date — the tab's "past
 * due" plus its "next payment" (the deal has no field of its own for the arrears, so they stay in
 * the one amount as before) — and the status is its loan status (one servicing for both).
 * UF_CRM_LOAN_TERM holds the number of installments (labelled so): a term of 8 fortnights has no
 * honest whole number of months. It is counted off the current version's rows, not the contract's
 * `installments`: a reduce-term prepayment (issue 13) writes a shorter schedule as a new version whose
 * terms stay the contract's (schedule-version-write.ts), and the deal should say how many installments
 * the loan now runs — the same rows the tab and the schedule items show. The deal has no maturity
 * field; the last due date is the last schedule item's.
 */
export function dealFields(state: LoanState, servicing: Servicing, target: SyncTarget): Record<string, unknown> {
  const { loan, schedule } = state;
  const terms = schedule.terms;
  const next = servicing.nextPayment;
  const rate =
    terms.rate.annualPercent ?? (terms.rate.dailyPercent !== undefined ? new Decimal(terms.rate.dailyPercent).mul(365).toFixed() : '');
  const d = target.dealFields;
  return {
    OPPORTUNITY: loan.principal,
    CURRENCY_ID: loan.currency,
    IS_MANUAL_OPPORTUNITY: 'Y',
    [d.rate]: rate,
    [d.term]: installmentsNow(schedule.rows.length, terms),
    [d.nextDueDate]: next?.dueDate ?? '',
    // No next payment once everything is paid (toBeCurrent is then a zero in the currency's scale), or
    // when every open installment is past due (a matured loan in arrears): then all that is owed now.
    [d.nextAmount]: money(
      next ? new Decimal(servicing.pastDue).add(next.amount).toFixed(scaleOf(next.amount)) : servicing.toBeCurrent,
      loan.currency,
    ),
    [d.balance]: money(servicing.outstanding.principal, loan.currency),
    [d.daysPastDue]: servicing.daysPastDue,
    [d.status]: loanStatusText(servicing.loanStatus, target.lang),
  };
}

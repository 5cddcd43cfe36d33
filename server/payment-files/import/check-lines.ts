import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { AppError, isAppError } from '../../errors.js';
import type { Executor } from '../../db/executor.js';
import { loadLoanStateByDeal, servicingOf, type LoanState } from '../../loans/operations/loan-state.js';
import { positiveAmount } from '../../loans/operations/money.js';
import type { ColumnMapping, LineIssue, PaymentLine } from '../types.js';
import { canonicalReference, paymentIdSequence } from './payment-id.js';

/** A line that passed every check: 'new' will be booked, 'already' is booked under its id. */
export interface CheckedLine {
  line: number;
  paymentId: string;
  dealId: number;
  date: string;
  /** In the loan currency's scale ("1500.50"). */
  amount: string;
  currency: string;
  reference: string | null;
  status: 'new' | 'already';
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Lines checked between two yields to the event loop. A 20 000-line file is seconds of CPU here
 * (and SQLite answers synchronously), which must not hold up every other request — health checks
 * included — the way parsing on the request thread did; a slice of this many lines takes ~10 ms.
 */
export const LINES_PER_SLICE = 200;

/**
 * Checks every line against the portal's loans, without writing: the deal has a loan here, a line
 * already booked under its id is 'already' (even on a loan closed since — a re-sent file is not an
 * error), a new one needs an active loan, a date from disbursement to today and an amount in the
 * loan currency's scale. Each loan is read once, with its whole ledger, so this is one read per deal.
 */
export async function checkLines(
  db: Executor,
  portalId: string,
  lines: readonly PaymentLine[],
  ctx: { today: string; mapping: ColumnMapping },
): Promise<{ checked: CheckedLine[]; issues: LineIssue[] }> {
  const idOf = paymentIdSequence();
  const loans = new Map<number, LoanState | null>();
  const checked: CheckedLine[] = [];
  const issues: LineIssue[] = [];
  for (const [i, line] of lines.entries()) {
    if (i > 0 && i % LINES_PER_SLICE === 0) await yieldToEventLoop();
    if (!loans.has(line.dealId)) loans.set(line.dealId, await loadLoanStateByDeal(db, portalId, line.dealId));
    const r = checkLine(line, idOf(line), loans.get(line.dealId) ?? null, ctx);
    if ('issue' in r) issues.push(r.issue);
    else checked.push(r.ok);
  }
  if (issues.length === 0) issues.push(...(await servicingIssues(checked, loans, ctx.today)));
  return { checked, issues };
}

type LineCheck = { ok: CheckedLine } | { issue: LineIssue };

function checkLine(
  line: PaymentLine,
  paymentId: string,
  state: LoanState | null,
  ctx: { today: string; mapping: ColumnMapping },
): LineCheck {
  const at = (code: string, message: string, column?: string): LineCheck => ({
    issue: { line: line.line, ...(column ? { column } : {}), code, message },
  });
  const { mapping } = ctx;
  if (!state) return at('LOAN_NOT_FOUND', `Deal ${line.dealId} has no saved loan in this portal`, mapping.dealId);
  const { loan } = state;
  const base = { line: line.line, paymentId, dealId: line.dealId, date: line.date, currency: loan.currency };
  const reference = canonicalReference(line.reference);
  const booked = state.ledger.find((e) => e.kind === 'PAYMENT' && e.externalId === paymentId);
  if (booked) return { ok: { ...base, amount: booked.amount, reference, status: 'already' } };
  if (loan.status !== 'ACTIVE')
    return at('LOAN_CLOSED', `The loan of deal ${line.dealId} is closed; it takes no new payments`, mapping.dealId);
  if (!ISO_DAY.test(line.date)) return at('DATE_INVALID', `"${line.date}" is not a date`, mapping.date);
  if (line.date < state.schedule.terms.disbursementDate)
    return at(
      'PAYMENT_BEFORE_DISBURSEMENT',
      `${line.date} is before the loan was disbursed (${state.schedule.terms.disbursementDate})`,
      mapping.date,
    );
  if (line.date > ctx.today) return at('PAYMENT_IN_FUTURE', `${line.date} is in the future`, mapping.date);
  try {
    return { ok: { ...base, amount: positiveAmount(line.amount, loan.currency, 'amount'), reference, status: 'new' } };
  } catch (e) {
    if (!isAppError(e)) throw e;
    return at(e.code === 'VALIDATION' ? 'AMOUNT_INVALID' : e.code, e.textFor('en').replace(/^amount/, 'The amount'), mapping.amount);
  }
}

/**
 * The lending core allocates each new payment when it is booked; ask it now, per loan, with all of
 * the file's new payments at once, so a payment it would refuse stops the whole file before any
 * line is written (all-or-nothing), not halfway through.
 */
async function servicingIssues(checked: CheckedLine[], loans: Map<number, LoanState | null>, today: string): Promise<LineIssue[]> {
  const issues: LineIssue[] = [];
  const newByDeal = new Map<number, CheckedLine[]>();
  for (const c of checked)
    if (c.status === 'new') {
      const list = newByDeal.get(c.dealId);
      if (list) list.push(c);
      else newByDeal.set(c.dealId, [c]);
    }
  for (const [dealId, state] of loans) {
    const extra = newByDeal.get(dealId) ?? [];
    if (!state || extra.length === 0) continue;
    // One loan's servicing at a time, each in its own turn of the event loop.
    await yieldToEventLoop();
    try {
      servicingOf(
        state,
        today,
        extra.map((c) => ({ id: c.paymentId, date: c.date, amount: c.amount })),
      );
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      issues.push({ line: extra[0]!.line, code: e.code, message: `Deal ${dealId}: ${e.userMessage}` });
    }
  }
  return issues;
}

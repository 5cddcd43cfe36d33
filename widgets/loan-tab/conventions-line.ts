// The conventions a loan's figures use where they are not the tab's defaults for a new loan (daily
// interest, the currency's day count, half-up rounding, one opening fee, …), as the short line under
// the terms reads them: "Interest per period · 30/360 · 2 fees". Pure: items with their values; the
// component words them in the user's language. They come from the loan input the figures are
// computed from, so the line never says other than the schedule does.
import { defaultDayCount } from './kept-conventions.js';
import type { LoanInput } from './lending-types.js';

export type ConventionItem =
  | { kind: 'interest-periodic' }
  | { kind: 'day-count'; dayCount: string }
  | { kind: 'rounding'; mode: string }
  | { kind: 'installment-rounding'; mode: string }
  | { kind: 'remainder-first' }
  | { kind: 'contract-date'; date: string }
  | { kind: 'fees'; count: number }
  | { kind: 'grace-principal'; count: number }
  | { kind: 'grace-interest'; count: number }
  | { kind: 'vat'; percent: string }
  | { kind: 'payoff-whole-period' }
  | { kind: 'month-end' }
  | { kind: 'due-dates'; count: number }
  | { kind: 'psk-month-days'; days: '30' | '365/12' };

/** The one fee the tab makes: an amount at the disbursement (its fee field). */
const tabFee = (f: NonNullable<LoanInput['fees']>[number]): boolean => f.amount !== undefined && f.at === 'disbursement';

/**
 * Not listed, because they do not change what the tab shows of the schedule: effectiveRates (which
 * rates are disclosed; the summary shows "—" for one left out). Kept on save like the rest.
 */
export function conventionItems(l: LoanInput): ConventionItem[] {
  const items: ConventionItem[] = [];
  const mode = l.rounding?.mode ?? 'half-up';
  const fees = l.fees ?? [];
  // The core's default is per period (parse-input.ts); the tab's is daily.
  if ((l.interest ?? 'periodic') !== 'daily') items.push({ kind: 'interest-periodic' });
  const dayCount = l.dayCount ?? 'actual/365';
  if (dayCount !== defaultDayCount(l.currency)) items.push({ kind: 'day-count', dayCount });
  if (mode !== 'half-up') items.push({ kind: 'rounding', mode });
  const installmentMode = l.rounding?.installmentMode;
  if (installmentMode && installmentMode !== mode) items.push({ kind: 'installment-rounding', mode: installmentMode });
  if (l.rounding?.remainderTo === 'first') items.push({ kind: 'remainder-first' });
  if (l.contractDate < l.disbursementDate) items.push({ kind: 'contract-date', date: l.contractDate });
  if (fees.length > 1 || (fees.length === 1 && !tabFee(fees[0]!))) items.push({ kind: 'fees', count: fees.length });
  if (l.grace?.principal) items.push({ kind: 'grace-principal', count: l.grace.principal });
  if (l.grace?.interest) items.push({ kind: 'grace-interest', count: l.grace.interest });
  if (l.vat) items.push({ kind: 'vat', percent: l.vat.percent });
  if (l.payoffInterest === 'whole-period') items.push({ kind: 'payoff-whole-period' });
  if (l.frequency.monthEnd) items.push({ kind: 'month-end' });
  // One explicit date is the form's first due date; more are a calendar the form cannot show.
  if (l.dueDates && l.dueDates.length > 1) items.push({ kind: 'due-dates', count: l.dueDates.length });
  if (l.pskMonthDays === '30' || l.pskMonthDays === '365/12') items.push({ kind: 'psk-month-days', days: l.pskMonthDays });
  return items;
}

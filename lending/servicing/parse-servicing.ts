// parseServicingInput: untrusted JSON → ServicingTerms. The loan comes as loan terms (the schedule is
// built here) or as explicit rows; the profile (from the loan) fixes the allocation order and caps.
import { currencyScale } from '../currency.js';
import { Dec, HUNDRED, ZERO, sum } from '../decimal.js';
import { parseIsoDate } from '../dates.js';
import { invalid, refused } from '../errors.js';
import { parseAmount, parseDecimal } from '../money.js';
import { parseLoanInput } from '../parse-input.js';
import { resolveProfile, type ProfileRules } from '../profiles.js';
import { levelOf } from '../prepay.js';
import { buildSchedule } from '../schedule/build.js';
import type { LoanTerms, Schedule } from '../types.js';
import { asArray, asBool, asInt, asObject, asString, join, oneOf } from '../validate.js';
import { ALLOCATION_ORDERS, parseAllocationOrder, sameOrder } from './allocation-orders.js';
import { DEFAULT_DELINQUENCY_RANGES } from './delinquency.js';
import { parseDelinquency, parseLateFees, parsePaymentOf, parsePrepayments } from './parse-conventions.js';
import type { DelinquencyJson, LateFeeJson, PrepaymentJson } from './parse-conventions.js';
import type { DelinquencyRange, InstallmentDue, PayoffInterest, Payment, PenaltyTerms, ServicingTerms } from './types.js';
import type { LoanInputJson } from '../loan-input-json.js';

export const MAX_PAYMENTS = 5000;

// The servicing input as JSON, what parseServicingInput reads (README "Servicing input"): amounts
// decimal strings, dates ISO. Types for callers only; the parser takes `unknown` and checks it all.

export interface PaymentJson {
  id: string;
  date: string;
  amount: string;
}

/** An installment given directly (instead of loan terms): interest, fees and vat default to 0. */
export interface InstallmentRowJson {
  n?: number;
  dueDate: string;
  principal: string;
  interest?: string;
  fees?: string;
  vat?: string;
}

export interface PenaltyJson {
  /** Exactly one of the two. */
  dailyPercent?: string;
  annualPercent?: string;
  base?: 'principal' | 'principal+interest';
  graceDays?: number;
  capAmount?: string;
  interestAccrues?: boolean;
}

interface ServicingCommonJson {
  asOf: string;
  payments?: PaymentJson[];
  penalty?: PenaltyJson;
  /** A named order or a list of steps such as "past-due:penalty"; a profile may fix it. */
  allocation?: string | string[];
  overpayment?: 'in-advance' | 'reduce-principal';
  /** Interest of the current period in a payoff: "pro-rata" to the days elapsed (default) or the "whole-period". */
  payoffInterest?: PayoffInterest;
  delinquencyRanges?: { name: string; minDays: number; maxDays?: number }[];
  lateFees?: LateFeeJson[];
  delinquency?: DelinquencyJson;
  /** Any number, in date order with the payments; reduce-term / reduce-installment need `loan`. */
  prepayments?: PrepaymentJson[];
}

/** The loan as its terms (the schedule is built here), or as explicit rows. */
export type ServicingInputJson = ServicingCommonJson &
  (
    | { loan: LoanInputJson }
    | { rows: InstallmentRowJson[]; currency: string; disbursementDate: string; profile?: string; contractDate?: string }
  );

export function parseServicingInput(raw: unknown): { terms: ServicingTerms; schedule?: Schedule } {
  const o = asObject(raw, '');
  let schedule: Schedule | undefined;
  let base: Pick<ServicingTerms, 'currency' | 'scale' | 'mode' | 'principal' | 'disbursementDate' | 'installments'>;
  let rules: ProfileRules | undefined;
  let scheduledCharges: Dec;
  let loan: LoanTerms | undefined;
  if (o.loan !== undefined) {
    if (o.rows !== undefined) throw invalid('LOAN_OR_ROWS', 'rows', 'Give either loan or rows, not both');
    loan = parseLoanInput(o.loan, 'loan');
    schedule = buildSchedule(loan);
    rules = loan.profile ? resolveProfile(loan.profile, loan.contractDate, 'loan.profile') : undefined;
    scheduledCharges = schedule.totals.costOfCredit;
    base = {
      currency: loan.currency,
      scale: loan.scale,
      mode: loan.rounding.mode,
      principal: loan.principal,
      disbursementDate: loan.disbursementDate,
      installments: schedule.rows.map((r) => ({
        n: r.n,
        dueDate: r.dueDate,
        principal: r.principal,
        interest: r.interest,
        fees: r.fees,
        vat: r.vat,
      })),
    };
  } else {
    const currency = asString(o.currency, 'currency', 3);
    const scale = currencyScale(currency);
    const installments = parseRows(o.rows, 'rows', scale);
    const disbursementDate = parseIsoDate(o.disbursementDate, 'disbursementDate');
    // An installment may fall due on the disbursement day (a down payment), never before it.
    if (installments[0]!.dueDate < disbursementDate)
      throw invalid('DUE_BEFORE_DISBURSEMENT', 'rows[0].dueDate', 'Installments cannot fall due before the disbursement');
    if (o.profile !== undefined) rules = resolveProfile(asString(o.profile, 'profile', 20), parseIsoDate(o.contractDate, 'contractDate'));
    scheduledCharges = sum(installments.map((i) => i.interest.plus(i.fees).plus(i.vat)));
    base = { currency, scale, mode: 'half-up', principal: sum(installments.map((i) => i.principal)), disbursementDate, installments };
  }
  const asOf = parseIsoDate(o.asOf, 'asOf');
  const payments = parsePayments(o.payments ?? [], 'payments', base.scale, base.disbursementDate, asOf);
  const penalty = o.penalty === undefined ? undefined : parsePenalty(o.penalty, 'penalty', base.scale);
  const order = resolveOrder(o.allocation, rules);
  const lateFees = o.lateFees === undefined ? [] : parseLateFees(o.lateFees, 'lateFees', base.scale, rules?.vatPercent);
  const delinquency = parseDelinquency(o.delinquency, 'delinquency', base.disbursementDate);
  const prepayments = parsePrepayments(o.prepayments ?? [], 'prepayments', base.scale, payments, base.disbursementDate, asOf);
  prepayments.forEach((p, i) => {
    if (p.mode === 'reschedule-next') return;
    if (!loan)
      throw invalid(
        'PREPAY_NEEDS_LOAN',
        `prepayments[${i}].mode`,
        `${p.mode} rebuilds the schedule: give the loan's terms (loan), not rows`,
      );
    if (loan.method === 'flat')
      throw invalid(
        'PREPAY_METHOD_UNSUPPORTED',
        `prepayments[${i}].mode`,
        'Flat-rate loans charge interest on the original principal; use reschedule-next',
      );
  });
  if (penalty && rules) checkPenalty(penalty, rules);
  const ceilings = [
    penalty?.capAmount,
    rules?.overpaymentCap ? Dec.max(ZERO, base.principal.times(rules.overpaymentCap).minus(scheduledCharges)) : undefined,
  ].filter((x): x is Dec => x !== undefined);
  const terms: ServicingTerms = {
    ...base,
    payments,
    asOf,
    ...(penalty ? { penalty } : {}),
    order: order.steps,
    ...(order.name ? { orderName: order.name } : {}),
    overpayment:
      o.overpayment === undefined ? 'in-advance' : oneOf(o.overpayment, ['in-advance', 'reduce-principal'] as const, 'overpayment'),
    payoffInterest:
      o.payoffInterest === undefined ? 'pro-rata' : oneOf(o.payoffInterest, ['pro-rata', 'whole-period'] as const, 'payoffInterest'),
    ranges: o.delinquencyRanges === undefined ? DEFAULT_DELINQUENCY_RANGES : parseRanges(o.delinquencyRanges, 'delinquencyRanges'),
    ...(ceilings.length ? { penaltyCeiling: Dec.min(...ceilings) } : {}),
    lateFees,
    delinquency,
    prepayments,
    ...(loan && schedule ? { loan, level: levelOf(schedule) } : {}),
  };
  return { terms, ...(schedule ? { schedule } : {}) };
}

function parseRows(raw: unknown, path: string, scale: number): InstallmentDue[] {
  const rows = asArray(raw, path, 1200).map((r, i) => {
    const p = join(path, i);
    const o = asObject(r, p);
    const opt = (k: string) => (o[k] === undefined ? ZERO : parseAmount(o[k], join(p, k), { scale }));
    return {
      n: o.n === undefined ? i + 1 : asInt(o.n, join(p, 'n'), 1, 100_000),
      dueDate: parseIsoDate(o.dueDate, join(p, 'dueDate')),
      principal: parseAmount(o.principal, join(p, 'principal'), { scale }),
      interest: opt('interest'),
      fees: opt('fees'),
      vat: opt('vat'),
    };
  });
  if (rows.length === 0) throw invalid('TERM_ZERO', path, 'At least one installment is needed');
  rows.forEach((r, i) => {
    if (i > 0 && r.dueDate <= rows[i - 1]!.dueDate)
      throw invalid('DUE_DATES_NOT_INCREASING', join(join(path, i), 'dueDate'), 'Due dates must increase');
  });
  if (sum(rows.map((r) => r.principal)).lte(ZERO)) throw invalid('PRINCIPAL_NOT_POSITIVE', path, 'The rows repay no principal');
  return rows;
}

function parsePayments(raw: unknown, path: string, scale: number, disbursementDate: string, asOf: string): Payment[] {
  const ids = new Set<string>();
  const when = { scale, disbursementDate, asOf, beforeCode: 'PAYMENT_BEFORE_DISBURSEMENT' };
  return asArray(raw, path, MAX_PAYMENTS).map((r, i) => parsePaymentOf(asObject(r, join(path, i)), join(path, i), ids, when));
}

function parsePenalty(raw: unknown, path: string, scale: number): PenaltyTerms {
  const o = asObject(raw, path);
  const hasDaily = o.dailyPercent !== undefined;
  if (hasDaily === (o.annualPercent !== undefined))
    throw invalid('RATE_ONE_OF', path, 'Give exactly one of penalty.dailyPercent or penalty.annualPercent');
  const key = hasDaily ? 'dailyPercent' : 'annualPercent';
  const pct = parseDecimal(o[key], join(path, key));
  if (pct.isNegative()) throw invalid('RATE_NEGATIVE', join(path, key), 'The penalty rate cannot be negative');
  const fraction = pct.div(HUNDRED);
  return {
    rate: hasDaily ? { kind: 'daily', daily: fraction } : { kind: 'annual', annual: fraction },
    base: o.base === undefined ? 'principal' : oneOf(o.base, ['principal', 'principal+interest'] as const, join(path, 'base')),
    graceDays: o.graceDays === undefined ? 0 : asInt(o.graceDays, join(path, 'graceDays'), 0, 365),
    ...(o.capAmount !== undefined ? { capAmount: parseAmount(o.capAmount, join(path, 'capAmount'), { scale }) } : {}),
    interestAccrues: o.interestAccrues === undefined ? true : asBool(o.interestAccrues, join(path, 'interestAccrues')),
  };
}

function parseRanges(raw: unknown, path: string): DelinquencyRange[] {
  return asArray(raw, path, 20).map((r, i) => {
    const p = join(path, i);
    const o = asObject(r, p);
    const minDays = asInt(o.minDays, join(p, 'minDays'), 0, 100_000);
    const maxDays = o.maxDays === undefined ? undefined : asInt(o.maxDays, join(p, 'maxDays'), minDays, 100_000);
    return { name: asString(o.name, join(p, 'name'), 40), minDays, ...(maxDays !== undefined ? { maxDays } : {}) };
  });
}

function resolveOrder(raw: unknown, rules: ProfileRules | undefined) {
  if (raw === undefined) {
    if (!rules?.allocationOrder) throw invalid('ALLOCATION_REQUIRED', 'allocation', 'Give an allocation order (a name or a list of steps)');
    return { name: rules.allocationOrder, steps: ALLOCATION_ORDERS[rules.allocationOrder]! };
  }
  const order = parseAllocationOrder(raw, 'allocation');
  if (rules?.allocationOrder && !sameOrder(order.steps, ALLOCATION_ORDERS[rules.allocationOrder]!)) {
    throw refused(
      'PROFILE_ALLOCATION_ORDER',
      'allocation',
      `${rules.id} requires the statutory order "${rules.allocationOrder}" (${rules.source})`,
      `${rules.id}.allocationOrder@${rules.from}`,
    );
  }
  return order;
}

const D365 = new Dec(365);

function checkPenalty(p: PenaltyTerms, r: ProfileRules): void {
  const daily = p.rate.kind === 'daily' ? p.rate.daily : p.rate.annual.div(D365);
  const path = p.rate.kind === 'daily' ? 'penalty.dailyPercent' : 'penalty.annualPercent';
  if (p.interestAccrues && r.penaltyAnnualCap && daily.times(D365).gt(r.penaltyAnnualCap)) {
    throw refused(
      'PROFILE_PENALTY_CAP',
      path,
      `${r.id}: a penalty above ${r.penaltyAnnualCap.times(100).toString()} % a year while interest accrues`,
      `${r.id}.penaltyAnnualCap@${r.from}`,
    );
  }
  if (!p.interestAccrues && r.penaltyDailyCapAfterTerm && daily.gt(r.penaltyDailyCapAfterTerm)) {
    throw refused(
      'PROFILE_PENALTY_CAP',
      path,
      `${r.id}: a penalty above ${r.penaltyDailyCapAfterTerm.times(100).toString()} % a day once interest stops`,
      `${r.id}.penaltyDailyCap@${r.from}`,
    );
  }
}

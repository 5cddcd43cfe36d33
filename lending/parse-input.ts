// parseLoanInput: untrusted JSON → LoanTerms. Every refusal names its field; documented defaults are
// applied here and nowhere else (see README "Loan input"). The input's shape as types: loan-input-json.ts.
import { currencyScale } from './currency.js';
import { Dec, HUNDRED, ZERO } from './decimal.js';
import { parseIsoDate, type IsoDate } from './dates.js';
import { parseDayCount } from './day-count.js';
import { invalid } from './errors.js';
import { parseAmount, parseDecimal, roundMoney, ROUNDING_MODES, type RoundingMode } from './money.js';
import { profileDefaults } from './profiles.js';
import { installmentsForFixedPayment } from './schedule/fixed-payment.js';
import {
  METHODS,
  type AnnuityAdjustment,
  type CatBasis,
  type EffectiveRateKind,
  type Fee,
  type Frequency,
  type LoanTerms,
  type Method,
  type Rate,
  type Rounding,
} from './types.js';
import { asArray, asBool, asInt, asObject, asString, join, oneOf } from './validate.js';

export const MAX_INSTALLMENTS = 1200;

export function parseLoanInput(raw: unknown, base = ''): LoanTerms {
  const o = asObject(raw, base);
  const p = (k: string) => join(base, k);
  const currency = asString(o.currency, p('currency'), 3);
  const scale = currencyScale(currency, p('currency'));
  const principal = parseDecimal(o.principal, p('principal'));
  if (principal.lte(ZERO)) throw invalid('PRINCIPAL_NOT_POSITIVE', p('principal'), 'Principal must be greater than zero');
  if (principal.decimalPlaces() > scale)
    throw invalid('AMOUNT_SCALE', p('principal'), `Principal has more than ${scale} decimals for ${currency}`);
  const contractDate = parseIsoDate(o.contractDate, p('contractDate'));
  const disbursementDate = o.disbursementDate === undefined ? contractDate : parseIsoDate(o.disbursementDate, p('disbursementDate'));
  if (disbursementDate < contractDate)
    throw invalid('DISBURSEMENT_BEFORE_CONTRACT', p('disbursementDate'), 'Disbursement cannot precede the contract date');
  const method = oneOf(o.method, METHODS, p('method'), 'UNKNOWN_METHOD');
  const profile = o.profile === undefined ? undefined : asString(o.profile, p('profile'), 20);
  const defaults = profile ? profileDefaults(profile, contractDate, p('profile')) : undefined;

  const dueDates = o.dueDates === undefined ? undefined : parseDueDates(o.dueDates, p('dueDates'), disbursementDate);
  const fixedPayment = o.fixedPayment === undefined ? undefined : parseFixedPayment(o, method, scale, p);
  const installments = dueDates
    ? dueDates.length
    : (method === 'single-payment' && o.installments === undefined) || fixedPayment
      ? 1
      : parseInstallments(o.installments, p('installments'));
  if (dueDates && o.installments !== undefined && o.installments !== dueDates.length) {
    throw invalid('INSTALLMENTS_MISMATCH', p('installments'), 'installments must equal the number of dueDates');
  }
  if (method === 'single-payment' && installments !== 1) {
    throw invalid('SINGLE_PAYMENT_INSTALLMENTS', p('installments'), 'A single-payment loan has exactly one installment');
  }
  const firstDueDate = o.firstDueDate === undefined ? undefined : parseIsoDate(o.firstDueDate, p('firstDueDate'));
  if (firstDueDate && dueDates)
    throw invalid('DUE_DATES_WITH_FIRST_DUE', p('firstDueDate'), 'Give either dueDates or firstDueDate, not both');
  // An installment may fall due on the disbursement day itself (a down payment, Fineract's
  // "enable down payment"); only a due date before the money is out is refused.
  if (firstDueDate && firstDueDate < disbursementDate)
    throw invalid('FIRST_DUE_BEFORE_DISBURSEMENT', p('firstDueDate'), 'The first due date cannot precede the disbursement');

  const grace = fixedPayment ? parseGrace(o.grace, p('grace'), MAX_INSTALLMENTS) : parseGrace(o.grace, p('grace'), installments);
  const vatRaw = o.vat ?? defaults?.vat;
  const annuity = o.annuity === undefined ? 'fixed-payment' : oneOf(o.annuity, ['fixed-payment', 'resolved'] as const, p('annuity'));
  const rounding = parseRounding(o.rounding, p('rounding'), scale);
  checkStepApplies(o.rounding, rounding, scale, method, fixedPayment, p('rounding'));
  const terms: LoanTerms = {
    principal,
    currency,
    scale,
    contractDate,
    disbursementDate,
    method,
    rate: parseRate(o.rate, p('rate'), method),
    installments,
    frequency: parseFrequency(o.frequency, p('frequency')),
    ...(firstDueDate ? { firstDueDate } : {}),
    ...(dueDates ? { dueDates } : {}),
    dayCount: o.dayCount === undefined ? 'actual/365' : parseDayCount(o.dayCount, p('dayCount')),
    interest: o.interest === undefined ? 'periodic' : oneOf(o.interest, ['daily', 'periodic'] as const, p('interest')),
    annuity,
    annuityAdjustment: parseAnnuityAdjustment(o.annuityAdjustment, method, annuity, p('annuityAdjustment')),
    rounding,
    ...(o.downPayment !== undefined
      ? { downPayment: parseDownPayment(o.downPayment, principal, scale, rounding.mode, p('downPayment')) }
      : {}),
    ...(fixedPayment ? { fixedPayment } : {}),
    grace,
    fees: o.fees === undefined ? [] : asArray(o.fees, p('fees'), 20).map((f, i) => parseFee(f, join(p('fees'), i), scale)),
    ...(vatRaw !== undefined ? { vat: parseVat(vatRaw, p('vat')) } : {}),
    ...(profile ? { profile } : {}),
    effectiveRates: parseEffectiveRates(o.effectiveRates, p('effectiveRates'), defaults?.effectiveRates ?? defaultEffectiveRates(currency)),
    pskMonthDays: o.pskMonthDays === undefined ? 'actual' : oneOf(o.pskMonthDays, ['actual', '30', '365/12'] as const, p('pskMonthDays')),
    catBasis: parseCatBasis(o.catBasis, dueDates !== undefined, defaults?.catBasis, p('catBasis')),
  };
  return fixedPayment ? { ...terms, installments: installmentsForFixedPayment(terms, MAX_INSTALLMENTS, p('fixedPayment')) } : terms;
}

/** "Pay 2,500 a period until done" (Frappe's "Repay Fixed Amount per Period"): the term follows. */
function parseFixedPayment(o: Record<string, unknown>, method: Method, scale: number, p: (k: string) => string): Dec {
  if (method !== 'annuity' && method !== 'interest-free')
    throw invalid('FIXED_PAYMENT_METHOD', p('fixedPayment'), 'A fixed payment sets the installment of an annuity or an interest-free plan');
  if (o.installments !== undefined || o.dueDates !== undefined)
    throw invalid('FIXED_PAYMENT_WITH_TERM', p('fixedPayment'), 'With a fixed payment the term is derived: omit installments and dueDates');
  return parseAmount(o.fixedPayment, p('fixedPayment'), { positive: true, scale });
}

/** The step rounds installments of annuity, flat, equal-principal and interest-free loans; elsewhere it is refused. */
function checkStepApplies(raw: unknown, r: Rounding, scale: number, method: Method, fixedPayment: Dec | undefined, path: string): void {
  const minor = new Dec(1).div(new Dec(10).pow(scale));
  if (raw === undefined || r.installmentStep.eq(minor)) return;
  if (method === 'single-payment')
    throw invalid('INSTALLMENT_STEP_NOT_APPLICABLE', join(path, 'installmentStep'), 'A single payment has no installment to round');
  if (fixedPayment)
    throw invalid(
      'INSTALLMENT_STEP_NOT_APPLICABLE',
      join(path, 'installmentStep'),
      'A fixed payment is the installment; it is not rounded',
    );
}

function parseAnnuityAdjustment(raw: unknown, method: Method, annuity: LoanTerms['annuity'], path: string): AnnuityAdjustment {
  if (raw === undefined) return 'none';
  const v = oneOf(raw, ['none', 'fineract'] as const, path);
  if (v === 'fineract' && (method !== 'annuity' || annuity !== 'resolved'))
    throw invalid('ANNUITY_ADJUSTMENT_NOT_APPLICABLE', path, 'The Fineract adjustment applies to an annuity with annuity "resolved"');
  return v;
}

function parseDownPayment(raw: unknown, principal: Dec, scale: number, mode: RoundingMode, path: string): Dec {
  const o = asObject(raw, path);
  const hasAmount = o.amount !== undefined;
  if (hasAmount === (o.percent !== undefined)) throw invalid('DOWN_PAYMENT_ONE_OF', path, 'Give exactly one of amount or percent');
  const amount = hasAmount
    ? parseAmount(o.amount, join(path, 'amount'), { positive: true, scale })
    : roundMoney(principal.times(parseAmount(o.percent, join(path, 'percent'), { positive: true })).div(HUNDRED), scale, mode);
  if (amount.isZero() || amount.gte(principal))
    throw invalid(
      'DOWN_PAYMENT_RANGE',
      join(path, hasAmount ? 'amount' : 'percent'),
      'The down payment must be above zero and below the principal',
    );
  return amount;
}

function parseCatBasis(raw: unknown, hasDueDates: boolean, profileBasis: CatBasis | undefined, path: string): CatBasis {
  if (raw === undefined) return hasDueDates ? 'dates' : (profileBasis ?? 'dates');
  const v = oneOf(raw, ['periods', 'dates'] as const, path);
  if (v === 'periods' && hasDueDates)
    throw invalid('CAT_PERIODS_NEED_FREQUENCY', path, 'CAT by periods needs a regular frequency, not explicit due dates');
  return v;
}

function parseInstallments(raw: unknown, path: string): number {
  if (raw === 0) throw invalid('TERM_ZERO', path, 'The loan needs at least one installment');
  return asInt(raw, path, 1, MAX_INSTALLMENTS, 'INVALID_INSTALLMENTS');
}

function parseDueDates(raw: unknown, path: string, disbursementDate: IsoDate): IsoDate[] {
  const list = asArray(raw, path, MAX_INSTALLMENTS).map((d, i) => parseIsoDate(d, join(path, i)));
  if (list.length === 0) throw invalid('TERM_ZERO', path, 'The loan needs at least one due date');
  let prev = disbursementDate;
  list.forEach((d, i) => {
    // The first may fall on the disbursement day (a down payment); later ones must increase.
    if (i === 0 ? d < prev : d <= prev)
      throw invalid('DUE_DATES_NOT_INCREASING', join(path, i), 'Due dates must increase and not precede the disbursement');
    prev = d;
  });
  return list;
}

function parseRate(raw: unknown, path: string, method: string): Rate {
  const o = asObject(raw ?? (method === 'interest-free' ? { annualPercent: '0' } : raw), path);
  const hasAnnual = o.annualPercent !== undefined;
  const hasDaily = o.dailyPercent !== undefined;
  if (hasAnnual === hasDaily) throw invalid('RATE_ONE_OF', path, 'Give exactly one of rate.annualPercent or rate.dailyPercent');
  const key = hasAnnual ? 'annualPercent' : 'dailyPercent';
  const percent = parseDecimal(o[key], join(path, key));
  if (percent.isNegative()) throw invalid('RATE_NEGATIVE', join(path, key), 'The rate cannot be negative');
  if (percent.gt(hasAnnual ? 10_000 : 100)) throw invalid('RATE_TOO_HIGH', join(path, key), 'The rate is beyond any plausible loan');
  if (method === 'interest-free' && !percent.isZero())
    throw invalid('INTEREST_FREE_WITH_RATE', join(path, key), 'Interest-free installments take no rate');
  const fraction = percent.div(HUNDRED);
  return hasAnnual ? { kind: 'annual', annual: fraction } : { kind: 'daily', daily: fraction };
}

function parseFrequency(raw: unknown, path: string): Frequency {
  if (raw === undefined) return { unit: 'month', every: 1, monthEnd: false };
  const o = asObject(raw, path);
  return {
    unit: oneOf(o.unit, ['day', 'week', 'month'] as const, join(path, 'unit')),
    every: o.every === undefined ? 1 : asInt(o.every, join(path, 'every'), 1, 366),
    monthEnd: o.monthEnd === undefined ? false : asBool(o.monthEnd, join(path, 'monthEnd')),
  };
}

function parseRounding(raw: unknown, path: string, scale: number): Rounding {
  const minor = new Dec(1).div(new Dec(10).pow(scale));
  if (raw === undefined) return { mode: 'half-up', installmentStep: minor, installmentMode: 'half-up', remainderTo: 'last' };
  const o = asObject(raw, path);
  const mode: RoundingMode = o.mode === undefined ? 'half-up' : oneOf(o.mode, ROUNDING_MODES, join(path, 'mode'), 'UNKNOWN_ROUNDING_MODE');
  const step = o.installmentStep === undefined ? minor : parseAmount(o.installmentStep, join(path, 'installmentStep'), { positive: true });
  if (step.lt(minor) || !step.div(minor).isInteger()) {
    throw invalid('INSTALLMENT_STEP', join(path, 'installmentStep'), 'The installment step must be a multiple of the currency minor unit');
  }
  if (o.last !== undefined) oneOf(o.last, ['adjust'] as const, join(path, 'last'));
  return {
    mode,
    installmentStep: step,
    installmentMode:
      o.installmentMode === undefined
        ? mode
        : oneOf(o.installmentMode, ROUNDING_MODES, join(path, 'installmentMode'), 'UNKNOWN_ROUNDING_MODE'),
    remainderTo: o.remainderTo === undefined ? 'last' : oneOf(o.remainderTo, ['first', 'last'] as const, join(path, 'remainderTo')),
  };
}

function parseGrace(raw: unknown, path: string, installments: number): { principal: number; interest: number } {
  if (raw === undefined) return { principal: 0, interest: 0 };
  const o = asObject(raw, path);
  const g = {
    principal: o.principal === undefined ? 0 : asInt(o.principal, join(path, 'principal'), 0, MAX_INSTALLMENTS),
    interest: o.interest === undefined ? 0 : asInt(o.interest, join(path, 'interest'), 0, MAX_INSTALLMENTS),
  };
  if (g.principal >= installments)
    throw invalid('GRACE_TOO_LONG', join(path, 'principal'), 'Grace on principal must leave at least one installment');
  if (g.interest >= installments)
    throw invalid('GRACE_TOO_LONG', join(path, 'interest'), 'Grace on interest must leave at least one installment');
  return g;
}

function parseFee(raw: unknown, path: string, scale: number): Fee {
  const o = asObject(raw, path);
  const name = asString(o.name, join(path, 'name'), 60);
  const at = oneOf(o.at, ['disbursement', 'installment'] as const, join(path, 'at'));
  const hasAmount = o.amount !== undefined;
  if (hasAmount === (o.percent !== undefined)) throw invalid('FEE_ONE_OF', path, 'Give exactly one of amount or percent for a fee');
  const withheld = o.withheld === undefined ? false : asBool(o.withheld, join(path, 'withheld'));
  if (withheld && at !== 'disbursement') throw invalid('FEE_WITHHELD_AT', join(path, 'withheld'), 'Only disbursement fees can be withheld');
  return hasAmount
    ? { name, amount: parseAmount(o.amount, join(path, 'amount'), { scale }), at, withheld }
    : { name, fraction: parseAmount(o.percent, join(path, 'percent')).div(HUNDRED), at, withheld };
}

function parseVat(raw: unknown, path: string): { rate: Dec; onFees: boolean } {
  const o = asObject(raw, path);
  const percent = parseAmount(o.percent, join(path, 'percent'));
  if (percent.gt(100)) throw invalid('VAT_TOO_HIGH', join(path, 'percent'), 'VAT cannot exceed 100 %');
  return { rate: percent.div(HUNDRED), onFees: o.onFees === undefined ? false : asBool(o.onFees, join(path, 'onFees')) };
}

function defaultEffectiveRates(currency: string): EffectiveRateKind[] {
  return currency === 'RUB' ? ['psk'] : currency === 'MXN' ? ['cat'] : ['xirr'];
}

function parseEffectiveRates(raw: unknown, path: string, fallback: EffectiveRateKind[]): EffectiveRateKind[] {
  if (raw === undefined) return fallback;
  return asArray(raw, path, 3).map((k, i) => oneOf(k, ['psk', 'cat', 'xirr'] as const, join(path, i)));
}

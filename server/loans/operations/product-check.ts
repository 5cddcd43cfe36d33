import Decimal from 'decimal.js';
import { AppError } from '../../errors.js';
import type { LoanProduct } from '../../products/product.js';
import type { LoanInput } from '../lending-types.js';

function refuse(field: string, message: string): never {
  throw new AppError('PRODUCT_RANGE', message, message, { field });
}

/** The loan's level-payment rule in the product's terms. */
function annuityModeOf(input: LoanInput): 'fixed-payment' | 'resolved' | 'fineract' {
  if (input.annuity !== 'resolved') return 'fixed-payment';
  return input.annuityAdjustment === 'fineract' ? 'fineract' : 'resolved';
}

/** Re-checks a loan against its product on the server (the widget checks too, but is not trusted). */
export function checkAgainstProduct(input: LoanInput, p: LoanProduct, derivedTerm?: number): void {
  if (!p.active) throw new AppError('PRODUCT_INACTIVE', `product ${p.id} inactive`, undefined, { field: 'productId' });
  if (input.method !== p.method) refuse('method', `Method must be ${p.method} for ${p.name}`);
  if ((input.dayCount ?? 'actual/365') !== p.dayCount) refuse('dayCount', `Day count must be ${p.dayCount} for ${p.name}`);
  if (p.profile && input.profile !== p.profile) refuse('profile', `Regulatory profile must be ${p.profile} for ${p.name}`);
  if (p.currency && input.currency !== p.currency) refuse('currency', `Currency must be ${p.currency} for ${p.name}`);
  const rateField = p.rateUnit === 'daily' ? 'dailyPercent' : 'annualPercent';
  const rate = input.rate?.[rateField];
  if (rate === undefined) refuse(`rate.${rateField}`, `${p.name} takes a ${p.rateUnit} rate`);
  const r = new Decimal(rate);
  if (r.lt(p.rateMin) || r.gt(p.rateMax)) refuse(`rate.${rateField}`, `Rate must be between ${p.rateMin} and ${p.rateMax} % for ${p.name}`);
  if ((input.payoffInterest ?? 'pro-rata') !== (p.payoffInterest ?? 'pro-rata'))
    refuse('payoffInterest', `Payoff interest must be ${p.payoffInterest ?? 'pro-rata'} for ${p.name}`);
  if (p.catBasis && input.catBasis !== p.catBasis) refuse('catBasis', `CAT basis must be ${p.catBasis} for ${p.name}`);
  // The product's schedule rounding (issue 13 item 7): the step and the annuity's level-payment rule, when it sets them.
  const step = input.rounding?.installmentStep;
  if (p.installmentStep != null && (typeof step !== 'string' || !/^\d+(\.\d+)?$/.test(step) || !new Decimal(step).eq(p.installmentStep)))
    refuse('rounding.installmentStep', `Installments must be in multiples of ${p.installmentStep} for ${p.name}`);
  if (p.annuityMode != null && annuityModeOf(input) !== p.annuityMode)
    refuse('annuity', `The level payment must be ${p.annuityMode} for ${p.name}`);
  // A fixed payment derives the term: the schedule's count is what the product's range bounds.
  const n = Array.isArray(input.dueDates) ? input.dueDates.length : (input.installments ?? derivedTerm ?? 0);
  if (n < p.termMin || n > p.termMax)
    refuse('installments', `Term must be between ${p.termMin} and ${p.termMax} installments for ${p.name}`);
  const amount = new Decimal(input.principal);
  if (p.amountMin !== null && amount.lt(p.amountMin)) refuse('principal', `Amount must be at least ${p.amountMin} for ${p.name}`);
  if (p.amountMax !== null && amount.gt(p.amountMax)) refuse('principal', `Amount must be at most ${p.amountMax} for ${p.name}`);
}

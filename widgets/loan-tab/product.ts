// Loan products as the tab receives them (placement page boot, from the admin's product settings):
// what a product fixes in the loan (method, rate unit, day count, fees, profile) and the ranges the
// user must stay within. The server re-checks the same ranges on save (PRODUCT_RANGE).
import { outsideRange, type LoanProductJson } from '../../lending/index.js';
import type { LendingIssue, LoanInput, Method, ServicingSettings } from './lending-types.js';

/**
 * lending's LoanProductJson as the placement page hands it over (placements/app-plugin.ts
 * toWidgetProduct): renamed for the form, without `active` (only active products are sent), and
 * the method narrowed to those the form offers.
 */
export interface Product extends Omit<LoanProductJson, 'id' | 'name' | 'rateUnit' | 'active' | 'method'> {
  code: string;
  title: string;
  method: Method;
  rateKind: LoanProductJson['rateUnit'];
}

/** The loan input with what the product fixes applied. */
export function applyProduct(input: LoanInput, p: Product | undefined): LoanInput {
  if (!p) return input;
  // The product's payoff rule replaces a saved loan's own (the server holds the loan to it).
  const { payoffInterest: _own, ...rest } = input;
  return {
    ...rest,
    method: p.method,
    dayCount: p.dayCount,
    fees: p.fees,
    ...(p.profile ? { profile: p.profile } : {}),
    // Servicing conventions the product fixes (issue 13); the server re-checks them on save.
    ...(p.payoffInterest && p.payoffInterest !== 'pro-rata' ? { payoffInterest: p.payoffInterest } : {}),
    ...(p.catBasis ? { catBasis: p.catBasis } : {}),
    // Its schedule rounding, when it sets it: the step, and an annuity's level-payment rule.
    ...(p.installmentStep ? { rounding: { ...input.rounding, installmentStep: p.installmentStep } } : {}),
    ...(p.annuityMode && p.method === 'annuity' ? annuityOf(p.annuityMode) : {}),
  };
}

/** A level-payment rule as the core's `annuity` and `annuityAdjustment` (lending README "Loan input"). */
export function annuityOf(mode: NonNullable<Product['annuityMode']>): Pick<LoanInput, 'annuity' | 'annuityAdjustment'> {
  if (mode === 'fixed-payment') return { annuity: 'fixed-payment' };
  return mode === 'fineract' ? { annuity: 'resolved', annuityAdjustment: 'fineract' } : { annuity: 'resolved' };
}

/**
 * The loan's late fees and delinquency grace when the user picks a product: the product's defaults
 * (issue 13), like its method and fees. The loan's pauses stay: they are about this loan, not the product.
 */
export function withProductServicing(s: ServicingSettings, p: Product): ServicingSettings {
  const pauses = s.delinquency?.pauses;
  const graceDays = p.delinquencyGraceDays ?? 0;
  const lateFees = p.lateFees ?? [];
  const delinquency = { ...(graceDays > 0 ? { graceDays } : {}), ...(pauses?.length ? { pauses } : {}) };
  return { ...(lateFees.length > 0 ? { lateFees } : {}), ...(Object.keys(delinquency).length > 0 ? { delinquency } : {}) };
}

/** Range issues against the chosen product, each with the allowed range as a hint. */
export function productIssues(input: LoanInput, p: Product | undefined): LendingIssue[] {
  if (!p) return [];
  const issues: LendingIssue[] = [];
  const rate = 'annualPercent' in input.rate ? input.rate.annualPercent : input.rate.dailyPercent;
  if (outsideRange(rate, p.rateMin, p.rateMax))
    issues.push({ code: 'PRODUCT_RATE_RANGE', field: 'rate', hint: `${p.rateMin}–${p.rateMax}` });
  if (input.installments !== undefined && Number.isInteger(input.installments) && outsideRange(input.installments, p.termMin, p.termMax)) {
    issues.push({ code: 'PRODUCT_TERM_RANGE', field: 'installments', hint: `${p.termMin}–${p.termMax}` });
  }
  if (outsideRange(input.principal, p.amountMin, p.amountMax)) {
    issues.push({ code: 'PRODUCT_AMOUNT_RANGE', field: 'principal', hint: `${p.amountMin ?? '0'}–${p.amountMax ?? '∞'}` });
  }
  return issues;
}

/** Products the deal can use: active ones come from the server; here only the currency matters. */
export function productsFor(all: Product[], currency: string): Product[] {
  return all.filter((p) => p.currency === null || p.currency === currency);
}

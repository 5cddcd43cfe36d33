// A loan product: what an admin fixes for the loans made under it (method, rate unit, day count,
// fees, regulatory profile) and the ranges a loan must stay within. One shape for the products API
// and table (server/products), the settings widget that edits it and the loan tab that offers it.
// Browser-safe; widgets that must stay small import its types only.
import { Dec } from './decimal.js';
import type { FeeJson } from './loan-input-json.js';
import type { LateFeeJson } from './servicing/parse-conventions.js';

export const PRODUCT_ANNUITY_MODES = ['fixed-payment', 'resolved', 'fineract'] as const;
export type ProductAnnuityMode = (typeof PRODUCT_ANNUITY_MODES)[number];

export interface LoanProductJson {
  id: string;
  name: string;
  /** One of METHODS; a plain string as stored (the products API checks it). */
  method: string;
  rateUnit: 'annual' | 'daily';
  /** Percent, in rateUnit. */
  rateMin: string;
  rateMax: string;
  /** Number of installments. */
  termMin: number;
  termMax: number;
  /** Principal; null = no bound. */
  amountMin: string | null;
  amountMax: string | null;
  /** null = any currency (the deal's). */
  currency: string | null;
  fees: FeeJson[];
  /** One of DAY_COUNTS, as stored. */
  dayCount: string;
  /** One of PROFILE_IDS, or none. */
  profile: string | null;
  /** The current period's interest in a payoff (lending README "Servicing"), saved with each loan; absent = pro-rata. */
  payoffInterest?: 'pro-rata' | 'whole-period';
  /** CAT time base for the product's loans; null or absent = the profile's (MX: periods), else dates. */
  catBasis?: 'periods' | 'dates' | null;
  /** Late fees a new loan of the product starts with (README "Servicing input" `lateFees[]`); absent = none. */
  lateFees?: LateFeeJson[];
  /** Days after a due date before days past due count (`delinquency.graceDays`); null or absent = none. */
  delinquencyGraceDays?: number | null;
  /**
   * Whether a loan of the product may go without its late fees (waived on the loan tab); absent = no:
   * a loan of the product carries exactly its late fees (server/loans/operations/late-fee-check.ts).
   */
  lateFeesWaivable?: boolean;
  /** Installments of the product's loans in multiples of this (lending `rounding.installmentStep`); null or absent = the loan's. */
  installmentStep?: string | null;
  /**
   * The annuity's level payment for the product's loans: `fixed-payment` (nominal rate), `resolved`
   * (Fineract progressive) or `fineract` (resolved + `annuityAdjustment: "fineract"`); null or absent = the loan's.
   */
  annuityMode?: ProductAnnuityMode | null;
  active: boolean;
}

/**
 * Whether `value` lies outside a product range [min, max] (bounds inclusive, a null bound open),
 * compared exactly. A value that is not a number is not "outside": the core reports it.
 */
export function outsideRange(value: string | number, min: string | number | null, max: string | number | null): boolean {
  let v: Dec;
  try {
    v = new Dec(value);
  } catch {
    return false;
  }
  return (min !== null && v.lt(min)) || (max !== null && v.gt(max));
}

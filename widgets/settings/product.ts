// A loan product as GET/PUT /api/v1/products speak it (server/routes/api/products/schemas.ts), and
// the form's draft of one: every input kept as the text the admin typed until it validates. The
// product's shape is lending's (lending/products.ts); imported as types only, so none of the core's
// code enters this bundle.
import type { FeeJson, LateFeeJson, LoanProductJson } from '../../lending/index.js';

export type ProductFee = FeeJson;
export type Product = LoanProductJson;

export interface FeeDraft extends Pick<ProductFee, 'name' | 'at'> {
  kind: 'amount' | 'percent';
  value: string;
  withheld: boolean;
}

/** A product's late fee as typed: a fixed amount (with VAT) or a percent of what is overdue (with its base). */
export interface LateFeeDraft {
  name: string;
  kind: 'amount' | 'percent';
  value: string;
  /** '' = the profile's (MX: 16), only for a fixed amount. */
  vatPercent: string;
  graceDays: string;
  base: NonNullable<LateFeeJson['base']>;
}

/** The product's fields that are text anyway, plus the others as typed (empty = none). */
export interface ProductDraft extends Pick<Product, 'id' | 'name' | 'method' | 'rateUnit' | 'rateMin' | 'rateMax' | 'dayCount' | 'active'> {
  /** False while creating: the id can still be chosen. */
  existing: boolean;
  termMin: string;
  termMax: string;
  amountMin: string;
  amountMax: string;
  currency: string;
  fees: FeeDraft[];
  profile: string;
  payoffInterest: NonNullable<Product['payoffInterest']>;
  /** '' = the profile's. */
  catBasis: '' | 'periods' | 'dates';
  lateFees: LateFeeDraft[];
  /** A loan of the product may go without its late fees (waived on the loan tab). */
  lateFeesWaivable: boolean;
  /** Installments in multiples of, as typed; '' = the loan's. Not on a single payment. */
  installmentStep: string;
  /** An annuity's level-payment rule; '' = the loan's. */
  annuityMode: '' | NonNullable<Product['annuityMode']>;
  /** '' = none. */
  delinquencyGraceDays: string;
}

export function newDraft(id: string): ProductDraft {
  return {
    existing: false,
    id,
    name: '',
    method: 'annuity',
    rateUnit: 'annual',
    rateMin: '',
    rateMax: '',
    termMin: '1',
    termMax: '12',
    amountMin: '',
    amountMax: '',
    currency: '',
    fees: [],
    dayCount: 'actual/365',
    profile: '',
    payoffInterest: 'pro-rata',
    catBasis: '',
    lateFees: [],
    lateFeesWaivable: false,
    installmentStep: '',
    annuityMode: '',
    delinquencyGraceDays: '',
    active: true,
  };
}

export function draftOf(p: Product): ProductDraft {
  return {
    existing: true,
    id: p.id,
    name: p.name,
    method: p.method,
    rateUnit: p.rateUnit,
    rateMin: p.rateMin,
    rateMax: p.rateMax,
    termMin: String(p.termMin),
    termMax: String(p.termMax),
    amountMin: p.amountMin ?? '',
    amountMax: p.amountMax ?? '',
    currency: p.currency ?? '',
    fees: p.fees.map((f) => ({
      name: f.name,
      kind: f.percent !== undefined ? 'percent' : 'amount',
      value: f.percent ?? f.amount ?? '',
      at: f.at,
      withheld: f.withheld === true,
    })),
    dayCount: p.dayCount,
    profile: p.profile ?? '',
    payoffInterest: p.payoffInterest ?? 'pro-rata',
    catBasis: p.catBasis ?? '',
    lateFees: (p.lateFees ?? []).map((f) => ({
      name: f.name ?? '',
      kind: f.percent !== undefined ? 'percent' : 'amount',
      value: f.percent ?? f.amount ?? '',
      vatPercent: f.vatPercent ?? '',
      graceDays: f.graceDays === undefined ? '' : String(f.graceDays),
      base: f.base ?? 'principal',
    })),
    lateFeesWaivable: p.lateFeesWaivable === true,
    installmentStep: p.installmentStep ?? '',
    annuityMode: p.annuityMode ?? '',
    delinquencyGraceDays: p.delinquencyGraceDays == null ? '' : String(p.delinquencyGraceDays),
    active: p.active,
  };
}

// A loan product as GET/PUT /api/v1/products speak it (server/routes/api/products/schemas.ts), and
// the form's draft of one: every input kept as the text the admin typed until it validates.

export interface ProductFee {
  name: string;
  amount?: string;
  percent?: string;
  at: 'disbursement' | 'installment';
  withheld?: boolean;
}

export interface Product {
  id: string;
  name: string;
  method: string;
  rateUnit: 'annual' | 'daily';
  rateMin: string;
  rateMax: string;
  termMin: number;
  termMax: number;
  amountMin: string | null;
  amountMax: string | null;
  currency: string | null;
  fees: ProductFee[];
  dayCount: string;
  profile: string | null;
  active: boolean;
}

export interface FeeDraft {
  name: string;
  kind: 'amount' | 'percent';
  value: string;
  at: 'disbursement' | 'installment';
  withheld: boolean;
}

export interface ProductDraft {
  /** False while creating: the id can still be chosen. */
  existing: boolean;
  id: string;
  name: string;
  method: string;
  rateUnit: 'annual' | 'daily';
  rateMin: string;
  rateMax: string;
  termMin: string;
  termMax: string;
  amountMin: string;
  amountMax: string;
  currency: string;
  fees: FeeDraft[];
  dayCount: string;
  profile: string;
  active: boolean;
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
    active: p.active,
  };
}

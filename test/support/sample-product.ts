import type { LoanProduct } from '../../server/products/product.js';

// A valid loan product as PUT /api/v1/products/:id takes it (routes/api/products/schemas.ts), for tests.
export function sampleProductBody(id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    name: 'Nómina',
    method: 'annuity',
    rateUnit: 'annual',
    rateMin: '10',
    rateMax: '60',
    termMin: 3,
    termMax: 24,
    dayCount: 'actual/365',
    ...overrides,
  };
}

/** A stored loan product (server/products/product-repo.ts upsertProduct takes it), for tests. */
export function sampleProduct(id: string, overrides: Partial<LoanProduct> = {}): LoanProduct {
  return {
    id,
    name: id,
    method: 'annuity',
    rateUnit: 'annual',
    rateMin: '10',
    rateMax: '90',
    termMin: 1,
    termMax: 36,
    amountMin: null,
    amountMax: null,
    currency: null,
    fees: [],
    dayCount: 'actual/365',
    profile: null,
    active: true,
    ...overrides,
  };
}

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

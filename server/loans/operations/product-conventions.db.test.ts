// Issue 13 through the loan feature: a product's payoff interest mode and CAT basis are stored,
// required of its loans on save, and the payoff of a saved loan follows the mode; a fixed payment's
// derived term is what the product's term range bounds.
import { beforeAll, describe, expect, it } from 'vitest';
import { loanOpsDb } from '../../../test/support/loan-ops-db.js';
import { getProduct, upsertProduct } from '../../products/product-repo.js';
import { sampleTerms } from '../../../test/support/sample-terms.js';
import { getLoanView } from './get-loan-view.js';
import { saveLoan } from './save-loan.js';

const t = loanOpsDb();
const { deps, actor, portalId: P } = t;
const kysely = () => t.db.kysely;
const now = '2024-06-01T10:00:00.000Z';
const product = {
  id: 'whole',
  name: 'Whole period',
  method: 'annuity',
  rateUnit: 'annual' as const,
  rateMin: '10',
  rateMax: '30',
  termMin: 2,
  termMax: 12,
  amountMin: null,
  amountMax: null,
  currency: 'RUB',
  fees: [],
  dayCount: 'actual/365',
  profile: null,
  payoffInterest: 'whole-period' as const,
  catBasis: 'periods' as const,
  active: true,
};

beforeAll(async () => {
  await upsertProduct(kysely(), P, product, now);
});

describe('product servicing conventions', () => {
  it('are stored and read back; a product saved without them reads pro rata and the profile’s CAT basis', async () => {
    expect(await getProduct(kysely(), P, 'whole')).toMatchObject({ payoffInterest: 'whole-period', catBasis: 'periods' });
    const { payoffInterest, catBasis, ...older } = product;
    void payoffInterest;
    void catBasis;
    await upsertProduct(kysely(), P, { ...older, id: 'plain' }, now);
    expect(await getProduct(kysely(), P, 'plain')).toMatchObject({ payoffInterest: 'pro-rata', catBasis: null });
  });

  it('a loan of the product must carry them; then its payoff charges the whole current period', async () => {
    await expect(saveLoan(kysely(), P, 201, { productId: 'whole', terms: sampleTerms(12) }, actor, deps)).rejects.toMatchObject({
      code: 'PRODUCT_RANGE',
      details: { field: 'payoffInterest' },
    });
    const terms = sampleTerms(12, { payoffInterest: 'whole-period', catBasis: 'periods' });
    await saveLoan(kysely(), P, 201, { productId: 'whole', terms }, actor, deps);
    // 2024-02-20: five days into the period to 2024-03-15 — the whole period's interest is owed.
    const view = (await getLoanView(kysely(), P, 201, '2024-02-20'))!;
    const [first, second] = view.schedule.rows;
    // Installment 1 (past due) in full plus the March period's interest whole, not 5/29 of it.
    expect(view.servicing.payoff.interest).toBe((Number(first!.interest) + Number(second!.interest)).toFixed(2));
    expect(view.servicing.payoff.principal).toBe(view.schedule.totals.principal);
  });

  it("a fixed payment's derived term is checked against the product's term range", async () => {
    const terms = {
      ...sampleTerms(12, { payoffInterest: 'whole-period', catBasis: 'periods', fixedPayment: '5000' }),
      installments: undefined,
    };
    await expect(
      saveLoan(kysely(), P, 202, { productId: 'whole', terms: terms as unknown as ReturnType<typeof sampleTerms> }, actor, deps),
    ).rejects.toMatchObject({ code: 'PRODUCT_RANGE', details: { field: 'installments' } });
  });
});

// The late-fee rule of a product's loans (late-fee-check.ts) through saveLoan, on both dialects: the
// product's late fees or — when the product lets a loan waive them — none; a saved loan keeps the fees
// it was made with when the product's change; anything else is refused on `lateFees`, nothing stored.
import { beforeAll, describe, expect, it } from 'vitest';
import { loanOpsDb } from '../../../test/support/loan-ops-db.js';
import { sampleProduct } from '../../../test/support/sample-product.js';
import { sampleTerms } from '../../../test/support/sample-terms.js';
import { upsertProduct } from '../../products/product-repo.js';
import { getLoanView } from './get-loan-view.js';
import { saveLoan } from './save-loan.js';
import { sameLateFees } from './late-fee-check.js';

const t = loanOpsDb();
const { deps, actor, portalId: P } = t;
const kysely = () => t.db.kysely;
const now = '2024-06-01T10:00:00.000Z';
const FEE = { name: 'штраф', amount: '500', graceDays: 3 };
const fixed = sampleProduct('fixed', { currency: 'RUB', lateFees: [FEE] });
const waivable = sampleProduct('waivable', { currency: 'RUB', lateFees: [FEE], lateFeesWaivable: true });
const refused = { code: 'PRODUCT_RANGE', details: { field: 'lateFees' } };

beforeAll(async () => {
  await upsertProduct(kysely(), P, fixed, now);
  await upsertProduct(kysely(), P, waivable, now);
});

describe("a product's late fees on its loans", () => {
  it('compares as servicing reads them: 500 = 500.00, a missing base or grace is its default, names do not matter', () => {
    expect(sameLateFees([{ amount: '500.00', graceDays: 3, name: 'other' }], [FEE])).toBe(true);
    expect(sameLateFees([{ percent: '5' }], [{ percent: '5.0', base: 'principal', graceDays: 0 }])).toBe(true);
    expect(sameLateFees([{ amount: '500', graceDays: 3, vatPercent: '0' }], [FEE])).toBe(false); // absent VAT = the profile's
    expect(sameLateFees([], [FEE])).toBe(false);
  });

  it('a loan of a product without the right to waive must carry them; another amount is refused, nothing stored', async () => {
    await expect(saveLoan(kysely(), P, 401, { productId: 'fixed', terms: sampleTerms(12) }, actor, deps)).rejects.toMatchObject(refused);
    const cheaper = sampleTerms(12, { lateFees: [{ ...FEE, amount: '100' }] });
    await expect(saveLoan(kysely(), P, 401, { productId: 'fixed', terms: cheaper }, actor, deps)).rejects.toMatchObject(refused);
    expect(await getLoanView(kysely(), P, 401, '2024-06-01')).toBeNull();
    const r = await saveLoan(
      kysely(),
      P,
      401,
      { productId: 'fixed', terms: sampleTerms(12, { lateFees: [{ ...FEE, amount: '500.00' }] }) },
      actor,
      deps,
    );
    expect(r.created).toBe(true);
  });

  it('a waivable product: none is accepted (waived), another amount still refused', async () => {
    await saveLoan(kysely(), P, 402, { productId: 'waivable', terms: sampleTerms(12) }, actor, deps);
    const other = sampleTerms(12, { lateFees: [{ ...FEE, graceDays: 10 }] });
    await expect(saveLoan(kysely(), P, 403, { productId: 'waivable', terms: other }, actor, deps)).rejects.toMatchObject(refused);
  });

  it("a saved loan keeps its fees when the product's change; it may take the new ones, not a third set", async () => {
    await saveLoan(kysely(), P, 404, { productId: 'fixed', terms: sampleTerms(12, { lateFees: [FEE] }) }, actor, deps);
    const raised = { ...FEE, amount: '750' };
    await upsertProduct(kysely(), P, { ...fixed, lateFees: [raised] }, now);
    try {
      const kept = await saveLoan(kysely(), P, 404, { productId: 'fixed', terms: sampleTerms(10, { lateFees: [FEE] }) }, actor, deps);
      expect(kept.changed).toBe(true);
      await saveLoan(kysely(), P, 404, { productId: 'fixed', terms: sampleTerms(10, { lateFees: [raised] }) }, actor, deps);
      const third = sampleTerms(10, { lateFees: [{ ...FEE, amount: '50' }] });
      await expect(saveLoan(kysely(), P, 404, { productId: 'fixed', terms: third }, actor, deps)).rejects.toMatchObject(refused);
      // A new loan takes the product's current fees, not the old ones.
      await expect(
        saveLoan(kysely(), P, 405, { productId: 'fixed', terms: sampleTerms(12, { lateFees: [FEE] }) }, actor, deps),
      ).rejects.toMatchObject(refused);
    } finally {
      await upsertProduct(kysely(), P, fixed, now);
    }
  });

  it('the refusal names the product in the user’s language', async () => {
    const e = await saveLoan(kysely(), P, 406, { productId: 'fixed', terms: sampleTerms(12) }, actor, deps).catch((x: unknown) => x);
    expect((e as { textFor(lang: string): string }).textFor('es')).toContain('fixed');
  });
});

describe("a product's schedule rounding on its loans", () => {
  it('a loan of a product with a step and a level-payment rule must have them', async () => {
    await upsertProduct(kysely(), P, sampleProduct('round', { currency: 'RUB', installmentStep: '10', annuityMode: 'resolved' }), now);
    await expect(saveLoan(kysely(), P, 501, { productId: 'round', terms: sampleTerms(12) }, actor, deps)).rejects.toMatchObject({
      code: 'PRODUCT_RANGE',
      details: { field: 'rounding.installmentStep' },
    });
    const stepped = sampleTerms(12, { rounding: { mode: 'half-up', installmentStep: '10.00', last: 'adjust' } });
    await expect(saveLoan(kysely(), P, 501, { productId: 'round', terms: stepped }, actor, deps)).rejects.toMatchObject({
      code: 'PRODUCT_RANGE',
      details: { field: 'annuity' },
    });
    const r = await saveLoan(kysely(), P, 501, { productId: 'round', terms: { ...stepped, annuity: 'resolved' } }, actor, deps);
    expect(Number(r.schedule.installmentAmount) % 10).toBe(0);
  });
});

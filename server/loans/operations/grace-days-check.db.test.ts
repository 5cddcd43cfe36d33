// The delinquency-grace rule of a product's loans (grace-days-check.ts) through saveLoan, on both
// dialects: the product's grace days (none when the product has none); a saved loan keeps the grace it
// was made with when the product's change; anything else is refused on `delinquency.graceDays`,
// nothing stored — a borrower who needs time gets a pause, which stays the loan's own.
import { beforeAll, describe, expect, it } from 'vitest';
import { loanOpsDb } from '../../../test/support/loan-ops-db.js';
import { sampleProduct } from '../../../test/support/sample-product.js';
import { sampleTerms } from '../../../test/support/sample-terms.js';
import { upsertProduct } from '../../products/product-repo.js';
import { getLoanView } from './get-loan-view.js';
import { saveLoan } from './save-loan.js';

const t = loanOpsDb();
const { deps, actor, portalId: P } = t;
const kysely = () => t.db.kysely;
const now = '2024-06-01T10:00:00.000Z';
const graced = sampleProduct('graced', { currency: 'RUB', delinquencyGraceDays: 5 });
const plain = sampleProduct('plain', { currency: 'RUB' });
const refused = { code: 'PRODUCT_RANGE', details: { field: 'delinquency.graceDays' } };
const withGrace = (graceDays: number, n = 12) => sampleTerms(n, { delinquency: { graceDays } });

beforeAll(async () => {
  await upsertProduct(kysely(), P, graced, now);
  await upsertProduct(kysely(), P, plain, now);
});

describe("a product's delinquency grace on its loans", () => {
  it('a loan must carry the product’s grace: more (hiding arrears) or less is refused, nothing stored', async () => {
    await expect(saveLoan(kysely(), P, 601, { productId: 'graced', terms: withGrace(30) }, actor, deps)).rejects.toMatchObject(refused);
    await expect(saveLoan(kysely(), P, 601, { productId: 'graced', terms: sampleTerms(12) }, actor, deps)).rejects.toMatchObject(refused);
    expect(await getLoanView(kysely(), P, 601, '2024-06-01')).toBeNull();
    expect((await saveLoan(kysely(), P, 601, { productId: 'graced', terms: withGrace(5) }, actor, deps)).created).toBe(true);
  });

  it('a product without grace: a loan with grace is refused; with none (absent or 0) accepted; pauses stay the loan’s', async () => {
    await expect(saveLoan(kysely(), P, 602, { productId: 'plain', terms: withGrace(3) }, actor, deps)).rejects.toMatchObject(refused);
    const paused = sampleTerms(12, { delinquency: { graceDays: 0, pauses: [{ from: '2024-03-01', to: '2024-03-31' }] } });
    expect((await saveLoan(kysely(), P, 602, { productId: 'plain', terms: paused }, actor, deps)).created).toBe(true);
  });

  it("a saved loan keeps its grace when the product's change; it may take the new one, not a third", async () => {
    await saveLoan(kysely(), P, 603, { productId: 'graced', terms: withGrace(5) }, actor, deps);
    await upsertProduct(kysely(), P, { ...graced, delinquencyGraceDays: 10 }, now);
    try {
      expect((await saveLoan(kysely(), P, 603, { productId: 'graced', terms: withGrace(5, 10) }, actor, deps)).changed).toBe(true);
      await saveLoan(kysely(), P, 603, { productId: 'graced', terms: withGrace(10, 10) }, actor, deps);
      await expect(saveLoan(kysely(), P, 603, { productId: 'graced', terms: withGrace(20, 10) }, actor, deps)).rejects.toMatchObject(
        refused,
      );
      // A new loan takes the product's current grace.
      await expect(saveLoan(kysely(), P, 604, { productId: 'graced', terms: withGrace(5) }, actor, deps)).rejects.toMatchObject(refused);
    } finally {
      await upsertProduct(kysely(), P, graced, now);
    }
  });

  it('the refusal names the product and its grace in the user’s language', async () => {
    const e = await saveLoan(kysely(), P, 605, { productId: 'graced', terms: withGrace(9) }, actor, deps).catch((x: unknown) => x);
    const text = (e as { textFor(lang: string): string }).textFor('ru');
    expect(text).toContain('graced');
    expect(text).toContain('5');
  });
});

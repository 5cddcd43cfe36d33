// One currency table (issue 11 deliver 9): a payment's decimals are the loan currency's as
// lending/currency.ts has them. The server once kept its own copy that said 2 for everything but a
// few zero-decimal currencies: a KWD payment of 1.234 was refused and an XOF one of 100.50 booked.
import { describe, expect, it } from 'vitest';
import { loanOpsDb } from '../../../test/support/loan-ops-db.js';
import { sampleTerms } from '../../../test/support/sample-terms.js';
import { registerPayment } from './register-payment.js';
import { saveLoan } from './save-loan.js';

const t = loanOpsDb();
const { deps, actor, portalId: P } = t;
const kysely = () => t.db.kysely;

describe('payments in the loan currency scale from lending/currency.ts', () => {
  it('books a KWD payment of 1.234 (3 decimals) as 1.234', async () => {
    await saveLoan(kysely(), P, 301, { terms: sampleTerms(6, { currency: 'KWD', principal: '1000' }) }, actor, deps);
    const r = await registerPayment(kysely(), P, 301, { id: 'kwd-1', date: '2024-02-15', amount: '1.234' }, actor, deps);
    expect([r.entry.amount, r.entry.currency]).toEqual(['1.234', 'KWD']);
  });

  it('refuses an XOF payment of 100.50 (no decimals) with AMOUNT_SCALE and books 100', async () => {
    const terms = sampleTerms(6, {
      currency: 'XOF',
      principal: '500000',
      rounding: { mode: 'half-up', installmentStep: '1', last: 'adjust' },
    });
    await saveLoan(kysely(), P, 302, { terms }, actor, deps);
    await expect(
      registerPayment(kysely(), P, 302, { id: 'xof-1', date: '2024-02-15', amount: '100.50' }, actor, deps),
    ).rejects.toMatchObject({
      code: 'AMOUNT_SCALE',
      status: 422,
    });
    const r = await registerPayment(kysely(), P, 302, { id: 'xof-2', date: '2024-02-15', amount: '100' }, actor, deps);
    expect(r.entry.amount).toBe('100');
  });
});

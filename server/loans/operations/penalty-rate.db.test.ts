// The penalty rate is the loan's own: saved with its terms, used by the server's servicing, and
// refused on save when the core would refuse it (not a number, above the profile's cap).
import { describe, expect, it } from 'vitest';
import { loanOpsDb } from '../../../test/support/loan-ops-db.js';
import { sampleTerms } from '../../../test/support/sample-terms.js';
import { getLoanView } from './get-loan-view.js';
import { saveLoan } from './save-loan.js';

const t = loanOpsDb();
const { deps, actor, portalId: P } = t;
const kysely = () => t.db.kysely;

describe('the penalty rate saved with the loan', () => {
  it('a missed installment accrues the saved rate: 0.5 % a day is five times 0.1 %', async () => {
    await saveLoan(kysely(), P, 201, { terms: sampleTerms(3, { penaltyDailyPercent: '0.5' }) }, actor, deps);
    await saveLoan(kysely(), P, 202, { terms: sampleTerms(3, { penaltyDailyPercent: '0.1' }) }, actor, deps);
    const high = await getLoanView(kysely(), P, 201, '2024-02-25');
    const low = await getLoanView(kysely(), P, 202, '2024-02-25');
    expect(high?.loan.penaltyDailyPercent).toBe('0.5');
    expect(Number(high?.servicing.penaltyOutstanding)).toBeGreaterThan(0);
    // 10 days late on the first installment's principal: the same base, five times the rate
    const ratio = Number(high?.servicing.penaltyOutstanding) / Number(low?.servicing.penaltyOutstanding);
    expect(ratio).toBeCloseTo(5, 1);
  });

  it('a loan saved without a rate still accrues the default (0.1 % a day), never 0', async () => {
    await saveLoan(kysely(), P, 203, { terms: sampleTerms(3) }, actor, deps);
    const v = await getLoanView(kysely(), P, 203, '2024-02-25');
    expect(Number(v?.servicing.penaltyOutstanding)).toBeGreaterThan(0);
  });

  it('refuses a rate that is not a number, and one above the RU-MFO cap (20 % a year), beside the field', async () => {
    await expect(saveLoan(kysely(), P, 204, { terms: sampleTerms(3, { penaltyDailyPercent: 'abc' }) }, actor, deps)).rejects.toMatchObject({
      status: 422,
      details: { field: 'penaltyDailyPercent' },
    });
    await expect(
      saveLoan(kysely(), P, 205, { terms: sampleTerms(3, { profile: 'RU-MFO', penaltyDailyPercent: '50' }) }, actor, deps),
    ).rejects.toMatchObject({
      code: 'LOAN_TERMS_REFUSED',
      status: 422,
      details: { field: 'penaltyDailyPercent', lendingCode: 'PROFILE_PENALTY_CAP' },
    });
    expect(await getLoanView(kysely(), P, 205, '2024-02-25')).toBeNull();
  });
});

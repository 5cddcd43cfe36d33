// A loan's late fees and delinquency grace and pauses are its own: saved with its terms, used by the
// server's servicing (the same the tab and the sync show), refused on save beside the field when the
// core would refuse them (issue 13).
import { describe, expect, it } from 'vitest';
import { loanOpsDb } from '../../../test/support/loan-ops-db.js';
import { sampleTerms } from '../../../test/support/sample-terms.js';
import { getLoanView } from './get-loan-view.js';
import { saveLoan } from './save-loan.js';

const t = loanOpsDb();
const { deps, actor, portalId: P } = t;
const kysely = () => t.db.kysely;

describe('late fees and delinquency saved with the loan', () => {
  it('the first installment (due 15 February) unpaid on 25 February: a 500 fee on the 19th, 10 − 3 days past due, 2 paused days left out', async () => {
    const terms = sampleTerms(3, {
      lateFees: [{ name: 'штраф', amount: '500', graceDays: 3 }],
      delinquency: { graceDays: 3, pauses: [{ from: '2024-02-20', to: '2024-02-22' }] },
    });
    await saveLoan(kysely(), P, 301, { terms }, actor, deps);
    const v = await getLoanView(kysely(), P, 301, '2024-02-25');
    expect(v?.loan.lateFees).toEqual(terms.lateFees);
    expect(v?.servicing.installments[0]!.charges).toEqual([{ name: 'штраф', date: '2024-02-19', amount: '500.00', vat: '0.00' }]);
    expect([v?.servicing.daysPastDue, v?.servicing.pastDueDays]).toEqual([5, 10]);
  });

  it('refuses overlapping pauses and a fee with neither amount nor percent, beside the field, saving nothing', async () => {
    const overlapping = { pauses: [{ from: '2024-02-20', to: '2024-02-25' }, { from: '2024-02-24' }] };
    await expect(saveLoan(kysely(), P, 302, { terms: sampleTerms(3, { delinquency: overlapping }) }, actor, deps)).rejects.toMatchObject({
      code: 'LOAN_TERMS_REFUSED',
      status: 422,
      details: { field: 'delinquency.pauses', lendingCode: 'PAUSE_OVERLAP' },
    });
    await expect(
      saveLoan(kysely(), P, 303, { terms: sampleTerms(3, { lateFees: [{ graceDays: 1 }] }) }, actor, deps),
    ).rejects.toMatchObject({
      code: 'LOAN_TERMS_REFUSED',
      details: { field: 'lateFees[0]', lendingCode: 'LATE_FEE_ONE_OF' },
    });
    expect(await getLoanView(kysely(), P, 302, '2024-02-25')).toBeNull();
  });
});

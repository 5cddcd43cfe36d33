import Decimal from 'decimal.js';
import { AppError } from '../../errors.js';
import type { Trx } from '../../db/executor.js';
import type { Schedule } from '../lending-types.js';
import { updateLoanTerms } from '../loan-repo.js';
import { insertScheduleVersion } from '../schedule-version-repo.js';
import type { Actor, LoanDeps } from './deps.js';
import type { LoanState } from './loan-state.js';

/**
 * The writes that move a loan to a schedule servicing gave it (a rebuilding prepayment, or the
 * reversal of one), for the ledger entry's transaction: the schedule kept as the next version, based
 * on the version servicing starts from (older versions stay readable, history is never rewritten),
 * and the loan moved to it, its terms as they were.
 */
export function servicedVersionWrite(
  state: LoanState,
  schedule: Schedule,
  reason: string,
  actor: Actor,
  deps: LoanDeps,
): (trx: Trx) => Promise<void> {
  const { loan, base } = state;
  const version = loan.currentScheduleVersion + 1;
  const principal = schedule.rows.reduce((s, r) => s.add(r.principal), new Decimal(0));
  // Invariant (STYLE.md): the schedule the loan holds repays exactly the principal.
  if (!principal.eq(loan.principal))
    throw new AppError('INTERNAL', `${reason}: schedule repays ${principal.toFixed()} not ${loan.principal}`);
  const nowIso = deps.now().toISOString();
  return async (trx) => {
    await insertScheduleVersion(trx, loan.portalId, {
      loanId: loan.id,
      version,
      terms: base.terms,
      schedule,
      reason,
      createdBy: actor.userId,
      nowIso,
      baseVersion: base.version,
    });
    // A concurrent save, prepayment or reversal that moved the loan first makes this one fail whole
    // (nothing booked) rather than build on a stale base.
    const { productId, currency, principal: p, terms } = loan;
    const change = { productId, currency, principal: p, terms, version, expectedVersion: loan.currentScheduleVersion, nowIso };
    if (!(await updateLoanTerms(trx, loan.portalId, loan.id, change)))
      throw new AppError('CONFLICT', `loan ${loan.id} moved past version ${loan.currentScheduleVersion} during ${reason}`);
  };
}

import type { ScheduleVersionReplyT, ScheduleVersionsReplyT } from '../../../wire/loans.js';
import { AppError } from '../../errors.js';
import type { Executor } from '../../db/executor.js';
import type { Loan } from '../loan.js';
import { findLoanByDeal } from '../loan-repo.js';
import { getScheduleVersion, listScheduleVersions } from '../schedule-version-repo.js';

// A loan's schedule history as the API answers it: every version a save or a rebuilding prepayment
// made, each readable as it was stored (history is never edited).

async function loanOf(db: Executor, portalId: string, dealId: number): Promise<Loan> {
  const loan = await findLoanByDeal(db, portalId, dealId);
  if (!loan) throw new AppError('LOAN_NOT_FOUND', `no loan for deal ${dealId}`);
  return loan;
}

export async function scheduleVersionsOf(db: Executor, portalId: string, dealId: number): Promise<ScheduleVersionsReplyT> {
  const loan = await loanOf(db, portalId, dealId);
  return { current: loan.currentScheduleVersion, versions: await listScheduleVersions(db, portalId, loan.id) };
}

export async function scheduleVersionOf(db: Executor, portalId: string, dealId: number, version: number): Promise<ScheduleVersionReplyT> {
  const loan = await loanOf(db, portalId, dealId);
  const v = await getScheduleVersion(db, portalId, loan.id, version);
  if (!v) throw new AppError('NOT_FOUND', `loan ${loan.id} has no schedule version ${version}`);
  const { installmentAmount, rows, totals, effectiveRates } = v;
  return {
    version: v.version,
    reason: v.reason,
    baseVersion: v.baseVersion,
    createdAt: v.createdAt,
    schedule: { installmentAmount, rows, totals, effectiveRates },
  };
}

import type { Executor } from '../db/executor.js';
import { enqueue } from '../jobs/outbox.js';
import { loadLoanState, servicingOf } from '../loans/operations/loan-state.js';
import { isoDay } from '../loans/operations/deps.js';
import { loanMarkOf, mayMove, targetStageOf, type LoanMark } from './decide.js';
import { readDeal, type DealReader } from './deal-reader.js';
import { LIFECYCLE_JOB } from './kinds.js';
import { recordStage } from './process-deal.js';
import { casDealLifecycle, getDealLifecycle, getStageMap, insertTransition } from './repo.js';
import { queuePaidOffTrigger } from '../triggers/paid-off.js';
import { queueRole } from './assign-role.js';

// Loan → deal. After each push of a loan to its portal (a payment, an import, the daily resync that
// carries days past due forward) the loan's mark — current, overdue past a threshold, paid — is
// compared with the one we last moved the deal for. A new mark is recorded with a compare-and-set
// and the move queued in the same transaction: written once per transition. A deal a person moved
// off our stages is not moved back (decide.ts mayMove).

export interface MovePayload {
  dealId: number;
  stageId: string;
  transitionId: string;
}

export type LoanStageOutcome = 'no-map' | 'same' | 'recorded' | 'queued' | 'raced';

export async function reactToLoan(
  db: Executor,
  portal: DealReader,
  portalId: string,
  loanId: string,
  now: () => Date,
): Promise<LoanStageOutcome> {
  const state = await loadLoanState(db, portalId, loanId);
  if (!state || state.loan.status !== 'ACTIVE') return 'same';
  const dealId = state.loan.dealId;
  const s = servicingOf(state, isoDay(now()));
  // The robot trigger for process designers, with or without a stage map (once per loan).
  if (s.loanStatus === 'closed') await queuePaidOffTrigger(db, portalId, { id: loanId, dealId });
  let row = await getDealLifecycle(db, portalId, dealId);
  if (!row) {
    // Never saw this deal change: one read tells its pipeline and stage.
    const deal = await readDeal(portal, dealId);
    if (!deal) return 'same';
    await recordStage(db, portalId, deal, now);
    row = await getDealLifecycle(db, portalId, dealId);
    if (!row) return 'raced';
  }
  const map = await getStageMap(db, portalId, row.categoryId);
  if (!map) return 'no-map';
  const mark = loanMarkOf(map, { closed: s.loanStatus === 'closed', daysPastDue: s.daysPastDue });
  const previous = row.loanMark as LoanMark | null;
  if (mark === previous || (previous === null && mark === 'current')) return 'same';
  const target = targetStageOf(map, mark, previous);
  const move = target !== null && target !== row.stageId && mayMove(map, row);
  const nowIso = now().toISOString();
  const from = row.stageId;
  return db.transaction().execute(async (trx) => {
    const ok = await casDealLifecycle(
      trx,
      portalId,
      dealId,
      { stageId: row.stageId, loanMark: row.loanMark },
      move && target ? { loanMark: mark, stageId: target, writtenStageId: target, nowIso } : { loanMark: mark, nowIso },
    );
    if (!ok) return 'raced';
    const transitionId = `loan:${mark}:${nowIso}:${dealId}`;
    await insertTransition(trx, portalId, {
      id: transitionId,
      dealId,
      direction: 'loan',
      what: mark,
      from,
      to: move ? target : null,
      nowIso,
    });
    if (!move || !target) return 'recorded';
    const payload: MovePayload = { dealId, stageId: target, transitionId };
    await enqueue(trx, { portalId, kind: LIFECYCLE_JOB.move, idempotencyKey: `lifecycle-move:${portalId}:${transitionId}`, payload });
    // The stage's role applies to the app's own moves too (e.g. a collector on overdue).
    await queueRole(trx, portalId, map, dealId, target);
    return 'queued';
  });
}

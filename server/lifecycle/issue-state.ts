import type { Executor } from '../db/executor.js';
import { stageEventFor } from './decide.js';
import { getDealLifecycle, getStageMap } from './repo.js';
import type { StageMap } from './stage-map.js';

/**
 * Whether the deal's loan has been issued, as the lifecycle knows it (README "Deal stages and the
 * loan"): the loan tab does not offer to book payments, nor show arrears and a payoff, on a loan not
 * issued yet. A loan has no status before issue (ACTIVE from its first save): the deal's stage says it.
 *   issued      the deal entered the stage mapped to ISSUED (issuedOn recorded), stands on it, or on a
 *               stage the app moves issued loans to (current, overdue, paid off)
 *   not-issued  the deal's pipeline maps a stage to ISSUED and the deal, as last seen, is on none of those
 *   unknown     no map with an ISSUED stage for its pipeline, or the app has not seen the deal's stage:
 *               nothing says when the loan starts, so the tab keeps treating it as running (as before)
 * A map saved after a deal was issued leaves that deal "not-issued" until it moves; a payment booked
 * on it makes the tab treat it as running anyway (widgets/loan-tab: issue state and payments).
 */
export type IssueState = 'issued' | 'not-issued' | 'unknown';

export async function readIssueState(db: Executor, portalId: string, dealId: number): Promise<IssueState> {
  const row = await getDealLifecycle(db, portalId, dealId);
  if (!row) return 'unknown';
  if (row.issuedOn) return 'issued';
  const map = await getStageMap(db, portalId, row.categoryId);
  if (!map || !Object.values(map.onStage).includes('ISSUED')) return 'unknown';
  return stageEventFor(map, row.stageId) === 'ISSUED' || afterIssue(map).has(row.stageId) ? 'issued' : 'not-issued';
}

/** The stages the app moves an issued loan's deal to. */
function afterIssue(map: StageMap): Set<string> {
  const t = map.toStage;
  return new Set([t.current, t.paidOff, ...t.overdue.map((o) => o.stageId)].filter((s): s is string => s !== undefined));
}

import type { StageMap } from '../../lifecycle/stage-map.js';
import type { PipelineStage } from '../../lifecycle/pipelines.js';
import type { DecisionKind } from '../parse/decide.js';
import { bankTagOf } from '../bank-tag.js';

// Where a bank's decision moves a deal, and whether it still may. Pure: the pipeline's stages (in
// the portal's order), the lifecycle's map and what the app knows of the deal come in as arguments.
// A decision applies only to a deal still before it: not once the deal is won or lost, not once its
// loan is issued or closed, not from a stage later in the pipeline than the decision's, and a
// rejection never undoes another bank's approval already applied (a broker sends one application to
// many banks: one "no" does not close a deal another bank said "yes" to). Nor does one "no" close a
// deal other banks are still deciding: a rejection moves the deal only once every bank the
// application went to has rejected; until then it is applied as a record (no move, `waitingFor`
// names the banks still deciding, for the timeline comment). Each refusal sends the reply to review
// with its reason.

export type ApplyRefusal = 'no-decision-stage' | 'stage-not-in-pipeline' | 'deal-past-decision';

export type DecisionTarget = { stageId: string; move: boolean; waitingFor?: string[] } | { refusal: ApplyRefusal };

const KEY: Record<DecisionKind, 'approved' | 'rejected' | 'counterOffer'> = {
  approved: 'approved',
  rejected: 'rejected',
  'counter-offer': 'counterOffer',
};

export function decisionTarget(
  map: StageMap | null,
  stages: PipelineStage[],
  deal: { stageId: string; phase: string | null },
  decision: DecisionKind,
  /** For a rejection: the other banks the application went to that have not rejected (pendingBanks). */
  stillDeciding: readonly string[] = [],
): DecisionTarget {
  const stageId = map?.bankDecision?.[KEY[decision]];
  if (!map || !stageId) return { refusal: 'no-decision-stage' };
  const target = stages.findIndex((s) => s.id === stageId);
  if (target < 0) return { refusal: 'stage-not-in-pipeline' };
  if (deal.stageId === stageId) return { stageId, move: false };
  const current = stages.findIndex((s) => s.id === deal.stageId);
  const here = stages[current];
  const event = map.onStage[deal.stageId];
  const loanStarted = deal.phase === 'ISSUED' || deal.phase === 'CLOSED' || event === 'ISSUED' || event === 'CLOSED';
  const final = here !== undefined && here.semantics !== 'process';
  const later = current >= 0 && stages[target]!.semantics === 'process' && current > target;
  const undoesApproval = decision === 'rejected' && [map.bankDecision?.approved, map.bankDecision?.counterOffer].includes(deal.stageId);
  if (loanStarted || final || later || undoesApproval) return { refusal: 'deal-past-decision' };
  if (decision === 'rejected' && stillDeciding.length > 0) return { stageId, move: false, waitingFor: [...stillDeciding] };
  return { stageId, move: true };
}

/**
 * The banks a rejection from `bank` still waits for: those the deal's application was sent to (a
 * sent bank e-mail or SMS; none recorded: just this bank) that have not rejected it. Ids or reply-
 * token tags, compared as tags (bank-tag.ts); sorted, each once.
 */
export function pendingBanks(sentTo: readonly string[], rejected: readonly string[], bank: string): string[] {
  const done = new Set([bankTagOf(bank), ...rejected.map(bankTagOf)]);
  return [...new Set(sentTo.map(bankTagOf))].filter((t) => !done.has(t)).sort();
}

/** One applied decision, however many replies (or forwards) carry it: deal, bank, decision, amount. */
export function noticeKey(r: { dealId: number; bankId: string; decision: DecisionKind; amount: string | null }): string {
  return `${r.dealId}:${r.bankId}:${r.decision}:${r.amount ?? '-'}`;
}

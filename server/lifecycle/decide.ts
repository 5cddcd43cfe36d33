import type { StageEvent, StageMap } from './stage-map.js';

// Pure decisions of the deal lifecycle: which loan event a stage means, which state the loan is in
// for the deal's stage, and whether the app may move the deal. No I/O, no clock.

/** The loan's state as the deal's stage reflects it: current, overdue past a threshold, paid off. */
export type LoanMark = 'current' | 'paid' | `overdue:${number}`;

export function stageEventFor(map: StageMap, stageId: string): StageEvent | null {
  return map.onStage[stageId] ?? null;
}

/** The mark of a loan from its servicing: paid off, else the highest threshold its DPD reached. */
export function loanMarkOf(map: StageMap, s: { closed: boolean; daysPastDue: number }): LoanMark {
  if (s.closed) return 'paid';
  let mark: LoanMark = 'current';
  for (const o of map.toStage.overdue) if (s.daysPastDue >= o.days) mark = `overdue:${o.days}`;
  return mark;
}

/** The stage a mark moves the deal to; null when the map has none or nothing should move. */
export function targetStageOf(map: StageMap, mark: LoanMark, previous: LoanMark | null): string | null {
  if (mark === 'paid') return map.toStage.paidOff ?? null;
  if (mark === 'current') return previous && previous.startsWith('overdue:') ? (map.toStage.current ?? null) : null;
  const days = Number(mark.slice('overdue:'.length));
  return map.toStage.overdue.find((o) => o.days === days)?.stageId ?? null;
}

/**
 * No tug of war: the app moves a deal only from a stage it set itself, or from the stage mapped to
 * ISSUED (repayment starts there). A deal a person moved anywhere else stays where they put it; the
 * app's loan mark still advances, and when the person moves the deal back to an app stage the next
 * change of the loan moves it again.
 */
export function mayMove(map: StageMap, row: { stageId: string; writtenStageId: string | null }): boolean {
  if (row.writtenStageId !== null && row.stageId === row.writtenStageId) return true;
  return stageEventFor(map, row.stageId) === 'ISSUED';
}

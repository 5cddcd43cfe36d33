import type { StageMap } from '../../wire/stage-maps.js';

// The stored shape is the wire's (wire/stage-maps.ts: the app page reads and writes it as is).
export { STAGE_EVENTS, StageMapSchema, type StageEvent, type StageMap, type StageRole } from '../../wire/stage-maps.js';

export const EMPTY_STAGE_MAP: StageMap = { onStage: {}, toStage: { overdue: [] }, payoutOnIssue: false };

/** Thresholds ascending and distinct; a stage id cannot both drive the loan and be a loan target of another kind. */
export function normaliseStageMap(m: StageMap): StageMap {
  const seen = new Set<number>();
  const overdue = [...m.toStage.overdue].sort((a, b) => a.days - b.days).filter((o) => !seen.has(o.days) && seen.add(o.days));
  return { ...m, toStage: { ...m.toStage, overdue } };
}

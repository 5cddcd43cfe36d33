// A loan's delinquency pauses as the tab edits them (issue 13, item 7): a payment holiday or a court
// stay from a day (backdating allowed) to the day counting resumes (open when empty). Checked with
// the core's own parser, so the tab refuses exactly what servicing and the server would refuse.
import { isLendingError, parseDelinquency, type DelinquencyJson, type PauseReason } from '../../lending/index.js';

export type Pause = NonNullable<DelinquencyJson['pauses']>[number];

export interface PauseDraft {
  from: string;
  /** '' = open: counting resumes when someone ends the pause. */
  to: string;
  reason: PauseReason;
}

export type PauseIssue = { code: string; field: 'from' | 'to' };

/** The delinquency terms with the draft added (in date order), or why not — naming the field to fix. */
export function withPause(
  d: DelinquencyJson | undefined,
  draft: PauseDraft,
  disbursementDate: string,
): { ok: true; delinquency: DelinquencyJson } | { ok: false; issue: PauseIssue } {
  const pause: Pause = { from: draft.from, ...(draft.to ? { to: draft.to } : {}), reason: draft.reason };
  const pauses = [...(d?.pauses ?? []), pause].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const next: DelinquencyJson = { ...d, pauses };
  try {
    parseDelinquency(next, 'delinquency', disbursementDate);
  } catch (e) {
    if (!isLendingError(e)) throw e;
    // The overlap is between the new pause and one listed: the new one's start is what to change.
    return { ok: false, issue: { code: e.code, field: e.path.endsWith('.to') ? 'to' : 'from' } };
  }
  return { ok: true, delinquency: next };
}

/** The delinquency terms without the pause at `index`; undefined when nothing is left to keep. */
export function withoutPause(d: DelinquencyJson | undefined, index: number): DelinquencyJson | undefined {
  const pauses = (d?.pauses ?? []).filter((_, i) => i !== index);
  const { pauses: _old, ...rest } = d ?? {};
  const next: DelinquencyJson = { ...rest, ...(pauses.length > 0 ? { pauses } : {}) };
  return Object.keys(next).length > 0 ? next : undefined;
}

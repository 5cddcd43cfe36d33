import type { StageMap } from './stage-map.js';

// "Offer fixed" freezes the loan's terms (issue 14 item 1), pure: which saved fields are terms,
// and whether the deal's current stage keeps them frozen. No I/O.
//
// Terms are everything the client is offered and signs: amount, currency, rate, method, term and
// frequency, every date (contract, disbursement, first due, explicit due dates), fees and VAT,
// down payment, fixed payment, rounding, interest and annuity conventions, the penalty and late
// fees, the payoff-interest rule, the profile and CAT/ПСК basis (they change the disclosed rate),
// and the product. Not terms: `delinquency` (grace days and pauses are how the lender services a
// late loan — a collector's pause must stay possible on a fixed offer, widgets/loan-tab/pauses.ts)
// and `effectiveRates` (which rates the tab computes: display only). A field added to the loan later
// is a term until listed here: frozen by default is the safe side.
const NOT_TERMS: ReadonlySet<string> = new Set(['delinquency', 'effectiveRates']);

function canonical(v: unknown): string {
  const walk = (x: unknown): unknown =>
    Array.isArray(x)
      ? x.map(walk)
      : x && typeof x === 'object'
        ? Object.fromEntries(
            Object.keys(x)
              .sort()
              .map((k) => [k, walk((x as Record<string, unknown>)[k])]),
          )
        : x;
  return JSON.stringify(walk(v)) ?? 'undefined';
}

/** The term fields that differ between the saved loan and a save request, sorted (`productId` for the product). */
export function changedTerms(
  saved: { terms: Record<string, unknown>; productId: string | null },
  next: { terms: Record<string, unknown>; productId: string | null },
): string[] {
  const keys = new Set([...Object.keys(saved.terms), ...Object.keys(next.terms)]);
  const changed = [...keys].filter((k) => !NOT_TERMS.has(k) && canonical(saved.terms[k]) !== canonical(next.terms[k]));
  if ((saved.productId ?? null) !== (next.productId ?? null)) changed.push('productId');
  return changed.sort();
}

export interface PipelineStageOrder {
  id: string;
  name: string;
  /** crm.status.list SORT: the order people see the pipeline in. */
  sort: number;
}

export interface Freeze {
  /** The stage mapped to OFFER_FIXED (the earliest, when several are). */
  fixedAt: PipelineStageOrder;
  /** The stage just before it, where the deal goes back to unfreeze; null when offer fixed is the first. */
  backTo: PipelineStageOrder | null;
}

/**
 * Frozen when the offer was fixed (the apply job recorded its version on entering the offer-fixed
 * stage) and the deal still stands at or after that stage in the pipeline's SORT order. A deal moved
 * back to a stage sorted before it is unfrozen: Bitrix24 pipelines are a line ordered by SORT
 * (api-reference/crm/status/crm-status-list.md), so "before offer fixed" is a lower SORT. Won and
 * lost stages sort after the in-progress ones, so a lost deal whose offer was fixed stays frozen.
 * A stage the pipeline no longer lists (deleted meanwhile) cannot be placed: frozen, the safe side.
 */
export function freezeOf(
  map: StageMap,
  stages: readonly PipelineStageOrder[],
  deal: { stageId: string; offerFixed: boolean },
): Freeze | null {
  if (!deal.offerFixed) return null;
  const ordered = [...stages].sort((a, b) => a.sort - b.sort);
  const fixedAt = ordered.find((s) => map.onStage[s.id] === 'OFFER_FIXED');
  if (!fixedAt) return null;
  const current = ordered.find((s) => s.id === deal.stageId);
  if (current && current.sort < fixedAt.sort) return null;
  const before = ordered.filter((s) => s.sort < fixedAt.sort);
  return { fixedAt, backTo: before[before.length - 1] ?? null };
}

import type { PortalClient } from '../portal-client/portal-client.js';
import { NotFound } from '../portal-client/errors.js';
import { fieldText } from '../portal-client/field-text.js';
import { readPipelineStages, stageEntityId, stagesOf, type PipelineStage, type StatusRow } from './pipelines.js';

// Reads the one deal the change filter let through. doc: api-reference/crm/deals/crm-deal-get.md —
// STAGE_ID, CATEGORY_ID (pipeline), DATE_MODIFY (ISO 8601 with the portal's offset); a deal that is
// gone answers 400 "Not found".

export interface DealSnapshot {
  id: number;
  stageId: string;
  categoryId: number;
  /** YYYY-MM-DD of the last change, as the portal wrote it (the day a stage was entered). */
  modifiedOn: string;
  fields: Record<string, unknown>;
}

export type DealReader = Pick<PortalClient, 'call'>;

export async function readDeal(portal: DealReader, dealId: number): Promise<DealSnapshot | null> {
  let d: Record<string, unknown>;
  try {
    d = await portal.call<Record<string, unknown>>('crm.deal.get', { id: dealId });
  } catch (e) {
    if (e instanceof NotFound) return null;
    throw e;
  }
  return snapshotOf(dealId, d);
}

/**
 * Many deals in one request (batch, ≤ 50 commands each — api-reference/how-to-call-rest-api/batch.md):
 * still one crm.deal.get per deal, one request against the portal's 2 req/s. A deal the portal no
 * longer has is null; any other refusal fails the whole read (the drain is retried).
 */
export async function readDeals(portal: Pick<PortalClient, 'batch'>, dealIds: number[]): Promise<Map<number, DealSnapshot | null>> {
  const out = new Map<number, DealSnapshot | null>();
  if (dealIds.length === 0) return out;
  const r = await portal.batch<Record<string, unknown>>(
    Object.fromEntries(dealIds.map((id) => [`d${id}`, { method: 'crm.deal.get', params: { id } }])),
  );
  for (const id of dealIds) {
    const err = r.errors[`d${id}`];
    if (err) {
      if (/not found/i.test(err.description) || err.code === 'NOT_FOUND') out.set(id, null);
      else throw new Error(`crm.deal.get ${id}: ${err.code} ${err.description}`);
    } else out.set(id, snapshotOf(id, r.results[`d${id}`] ?? {}));
  }
  return out;
}

/**
 * The deal and the stages of its pipeline in ONE request to the portal, for a use case that may move
 * it: a batch (settings/how-to-call-rest-api/batch.md — one HTTP request of the portal's 2 req/s) of
 * crm.deal.get and, for each pipeline in `categoryIds` (those the app has a stage map for),
 * crm.status.list filtered by that pipeline's ENTITY_ID (api-reference/crm/status/crm-status-list.md).
 * A deal in none of them gets no stages (the caller has no map for it either). A pipeline whose list
 * pages (more than 50 stages) is read again in full. A deal the portal no longer has is null.
 */
export async function readDealAndStages(
  portal: Pick<PortalClient, 'batch' | 'list'>,
  dealId: number,
  categoryIds: readonly number[],
): Promise<{ deal: DealSnapshot; stages: PipelineStage[] } | null> {
  const cats = [...new Set(categoryIds)].slice(0, 49);
  const r = await portal.batch<unknown>({
    deal: { method: 'crm.deal.get', params: { id: dealId } },
    ...Object.fromEntries(
      cats.map((c) => [
        `s${c}`,
        { method: 'crm.status.list', params: { order: { SORT: 'ASC' }, filter: { ENTITY_ID: stageEntityId(c) } } },
      ]),
    ),
  });
  const err = r.errors.deal;
  if (err) {
    if (/not found/i.test(err.description) || err.code === 'NOT_FOUND') return null;
    throw new Error(`crm.deal.get ${dealId}: ${err.code} ${err.description}`);
  }
  const deal = snapshotOf(dealId, (r.results.deal ?? {}) as Record<string, unknown>);
  const key = `s${deal.categoryId}`;
  if (!cats.includes(deal.categoryId)) return { deal, stages: [] };
  if (r.errors[key]) throw new Error(`crm.status.list: ${r.errors[key].code} ${r.errors[key].description}`);
  if (r.next[key] !== undefined) return { deal, stages: await readPipelineStages(portal, deal.categoryId) };
  const rows = r.results[key];
  return { deal, stages: stagesOf(Array.isArray(rows) ? (rows as StatusRow[]) : [], stageEntityId(deal.categoryId)) };
}

function snapshotOf(dealId: number, d: Record<string, unknown>): DealSnapshot {
  const modified = typeof d.DATE_MODIFY === 'string' ? d.DATE_MODIFY : new Date().toISOString();
  return {
    id: dealId,
    stageId: fieldText(d.STAGE_ID),
    categoryId: Number(d.CATEGORY_ID ?? 0) || 0,
    modifiedOn: modified.slice(0, 10),
    fields: d,
  };
}

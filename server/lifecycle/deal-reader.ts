import type { PortalClient } from '../portal/portal-client.js';
import { NotFound } from '../portal/errors.js';
import { fieldText } from '../portal/field-text.js';

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
  const modified = typeof d.DATE_MODIFY === 'string' ? d.DATE_MODIFY : new Date().toISOString();
  return {
    id: dealId,
    stageId: fieldText(d.STAGE_ID),
    categoryId: Number(d.CATEGORY_ID ?? 0) || 0,
    modifiedOn: modified.slice(0, 10),
    fields: d,
  };
}

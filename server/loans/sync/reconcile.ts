import { BATCH_LIMIT, type PortalGateway } from '../portal-gateway.js';
import type { PortalItemLink } from '../portal-item-repo.js';
import { installmentFromTitle } from './portal-fields.js';
import type { SyncTarget } from './target.js';

/** Most items we page through when reconciling one deal (bounds the loop). */
const MAX_LISTED = 5_000;

export interface ReconcileResult {
  /** Links rebuilt from the portal (fieldsHash '' so every one is rewritten). */
  links: PortalItemLink[];
  /** Items that are ours but surplus or duplicates: to delete. */
  surplus: number[];
  calls: number;
}

interface ListedItem {
  id: number;
  title?: unknown;
  [k: string]: unknown;
}

/**
 * Rebuilds the installment → item map from the portal, after a write whose answer we lost (items
 * may exist that we have no ids for). Lists the deal's items in the schedule smart process with
 * `crm.item.list` filtered by parentId2, inside v2 batch so that one REST request reads up to
 * 50 pages (2,500 items): normally a single call. An item is ours when its installment number can
 * be read (our user field, else our title prefix); one item per installment is kept (the lowest
 * id, i.e. the first created), the others are surplus. Items we cannot identify are left alone.
 */
export async function reconcileItems(
  gateway: PortalGateway,
  target: SyncTarget,
  dealId: number,
  expectedCount: number,
  /** Which items to list; the deal's children by default. */
  filter: Record<string, unknown> = { parentId2: dealId },
): Promise<ReconcileResult> {
  const nField = target.itemFields?.installment;
  const select = ['id', 'title', ...(nField ? [nField] : [])];
  const listed: ListedItem[] = [];
  let calls = 0;
  let pages = Math.max(1, Math.ceil(expectedCount / 50) + 1);
  let start = 0;
  let total = Infinity;
  while (start < total && start < MAX_LISTED) {
    const cmds: Record<string, { method: string; params: Record<string, unknown> }> = {};
    for (let p = 0; p < Math.min(pages, BATCH_LIMIT) && start + p * 50 < Math.min(total, MAX_LISTED); p++) {
      cmds[`p${start + p * 50}`] = {
        method: 'crm.item.list',
        params: { entityTypeId: target.entityTypeId, filter, select, order: { id: 'ASC' }, start: start + p * 50 },
      };
    }
    const out = await gateway.batch<{ items?: ListedItem[] }>(cmds);
    calls++;
    const keys = Object.keys(cmds);
    for (const k of keys) {
      if (out.errors[k]) throw new Error(`reconcile list failed: ${out.errors[k].code} ${out.errors[k].description}`);
      listed.push(...(out.results[k]?.items ?? []));
      if (out.total[k] !== undefined) total = Number(out.total[k]);
    }
    if (total === Infinity) total = listed.length;
    start += keys.length * 50;
    pages = Math.ceil((total - start) / 50);
  }

  const byN = new Map<number, number>();
  const surplus: number[] = [];
  for (const item of [...listed].sort((a, b) => Number(a.id) - Number(b.id))) {
    const raw = nField ? item[nField] : undefined;
    const n =
      raw !== undefined && raw !== null && raw !== '' && Number.isInteger(Number(raw)) ? Number(raw) : installmentFromTitle(item.title);
    if (n === null) continue;
    if (byN.has(n)) surplus.push(Number(item.id));
    else byN.set(n, Number(item.id));
  }
  const links = [...byN].map(([installment, itemId]) => ({ installment, itemId, entityTypeId: target.entityTypeId, fieldsHash: '' }));
  return { links, surplus, calls };
}

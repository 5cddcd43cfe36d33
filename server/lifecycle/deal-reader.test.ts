import { describe, expect, it } from 'vitest';
import type { BatchCommand, PortalClient } from '../portal-client/portal-client.js';
import { readDealAndStages } from './deal-reader.js';

// readDealAndStages: the deal and its pipeline's stages in one batch. The portal side answers each
// sub-call as the methods do alone (api-reference/crm/deals/crm-deal-get.md: a gone deal is
// "Not found"; crm/status/crm-status-list.md: rows filtered by ENTITY_ID — DEAL_STAGE for the default
// pipeline 0, DEAL_STAGE_<id> for the others), and records what was asked.

const row = (entity: string, id: string, sort: number, semantics: string | null = null) => ({
  ENTITY_ID: entity,
  STATUS_ID: id,
  NAME: id,
  SORT: String(sort),
  SEMANTICS: semantics,
});
const STATUSES = [
  row('DEAL_STAGE', 'WON', 30, 'S'),
  row('DEAL_STAGE', 'NEW', 10),
  row('DEAL_STAGE_3', 'C3:NEW', 10),
  row('DEAL_STAGE_3', 'C3:LOSE', 20, 'F'),
];

function portal(deal: Record<string, unknown> | null, o: { pagedEntity?: string } = {}) {
  const asked: { batches: Record<string, BatchCommand>[]; lists: unknown[] } = { batches: [], lists: [] };
  const client: Pick<PortalClient, 'batch' | 'list'> = {
    batch: (async (cmd: Record<string, BatchCommand>) => {
      asked.batches.push(cmd);
      const out = {
        results: {} as Record<string, unknown>,
        errors: {} as Record<string, { code: string; description: string }>,
        total: {},
        next: {} as Record<string, number>,
      };
      for (const [k, c] of Object.entries(cmd)) {
        if (c.method === 'crm.deal.get') {
          if (deal) out.results[k] = deal;
          else out.errors[k] = { code: '', description: 'Not found' };
          continue;
        }
        const entity = (c.params?.filter as { ENTITY_ID?: string }).ENTITY_ID;
        out.results[k] = STATUSES.filter((s) => s.ENTITY_ID === entity);
        if (entity === o.pagedEntity) out.next[k] = 50;
      }
      return out;
    }) as PortalClient['batch'],
    list: (async (method: string, params: unknown) => {
      asked.lists.push({ method, params });
      return STATUSES;
    }) as PortalClient['list'],
  };
  return { client, asked };
}

describe('readDealAndStages', () => {
  it('reads a default-pipeline deal and its DEAL_STAGE stages, in order, in one batch', async () => {
    const { client, asked } = portal({ ID: '5', STAGE_ID: 'NEW', CATEGORY_ID: '0' });
    const r = await readDealAndStages(client, 5, [0, 3]);
    expect(r?.deal).toMatchObject({ id: 5, stageId: 'NEW', categoryId: 0 });
    expect(r?.stages).toEqual([
      { id: 'NEW', name: 'NEW', semantics: 'process' },
      { id: 'WON', name: 'WON', semantics: 'success' },
    ]);
    expect(asked.batches).toHaveLength(1);
    expect(Object.values(asked.batches[0]!).map((c) => c.method)).toEqual(['crm.deal.get', 'crm.status.list', 'crm.status.list']);
    expect(asked.lists).toEqual([]);
  });

  it('a deal in a pipeline with no map gets no stages; a gone deal is null', async () => {
    expect((await readDealAndStages(portal({ ID: '6', STAGE_ID: 'C7:NEW', CATEGORY_ID: '7' }).client, 6, [3]))?.stages).toEqual([]);
    expect(await readDealAndStages(portal(null).client, 6, [3])).toBeNull();
  });

  it('a pipeline whose stage list pages is read again in full', async () => {
    const { client, asked } = portal({ ID: '8', STAGE_ID: 'C3:NEW', CATEGORY_ID: '3' }, { pagedEntity: 'DEAL_STAGE_3' });
    const r = await readDealAndStages(client, 8, [3]);
    expect(r?.stages.map((s) => s.id)).toEqual(['C3:NEW', 'C3:LOSE']);
    expect(asked.lists).toHaveLength(1);
  });
});

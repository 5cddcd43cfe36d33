import type { Executor } from '../db/executor.js';
import type { BatchCommand, PortalClient } from '../portal-client/portal-client.js';
import { AUTH_CONNECTOR } from '../portal-client/auth-connector.js';
import { readDeals } from './deal-reader.js';
import { recordStage, type DealOutcome } from './process-deal.js';
import { forgetBatches, markBatchHandled, openBatches, rememberBatch } from './repo.js';

// Reads the portal's offline deal events (doc: api-reference/events/offline-events.md,
// event-offline-get.md, event-offline-clear.md). The queue keeps one record per deal and never holds
// the app's own writes (AUTH_CONNECTOR), so it is the change filter before any read.
//
// Exactly once: a batch is reserved (clear=0) and its process_id stored before anything else; its
// deals are read (one batch request, one crm.deal.get each) and handled; then the batch is marked
// handled. The clear rides in the next drain's first request, beside its event.offline.get (the
// tail drain after each busy one, or the minute tick), so a quiet portal costs one request per drain.
// A crash before "handled" leaves the id behind and the next drain re-reads that batch by it;
// handling a deal twice acts once (the stage compare-and-set in process-deal.ts).

export type OfflinePortal = Pick<PortalClient, 'call' | 'batch'>;

interface OfflineBatch {
  process_id: string | null;
  events: { ID: string; EVENT_NAME: string; EVENT_DATA: unknown; MESSAGE_ID: string }[];
}

const DEAL_EVENTS = new Set(['ONCRMDEALADD', 'ONCRMDEALUPDATE']);
/** One batch request reads at most 50 deals (batch.md), so a page of the queue is 50 records. */
const PAGE = 50;
/** At most this many pages per drain (2 500 deals); the tail drain or the next tick goes on. */
const MAX_BATCHES = 50;

export interface DrainReport {
  batches: number;
  deals: number;
  outcomes: Partial<Record<DealOutcome, number>>;
}

function dealIdOf(data: unknown): number | null {
  const fields = data && typeof data === 'object' ? (data as { FIELDS?: unknown }).FIELDS : undefined;
  const id = fields && typeof fields === 'object' ? (fields as { ID?: unknown }).ID : undefined;
  const n = typeof id === 'number' ? id : typeof id === 'string' && /^\d{1,16}$/.test(id) ? Number(id) : NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

const GET = { clear: 0, limit: PAGE, auth_connector: AUTH_CONNECTOR };

/** event.offline.get, with the clears of handled batches in the same request when there are any. */
async function clearAndGet(portal: OfflinePortal, toClear: string[]): Promise<OfflineBatch> {
  if (toClear.length === 0) return portal.call<OfflineBatch>('event.offline.get', GET);
  const cmds: Record<string, BatchCommand> = {};
  toClear.forEach((pid, i) => (cmds[`c${i}`] = { method: 'event.offline.clear', params: { process_id: pid } }));
  cmds.get = { method: 'event.offline.get', params: GET };
  const r = await portal.batch<OfflineBatch>(cmds);
  const err = r.errors.get ?? Object.values(r.errors)[0];
  if (err) throw new Error(`event.offline.get/clear: ${err.code} ${err.description}`);
  return r.results.get ?? { process_id: null, events: [] };
}

export async function drainOfflineEvents(db: Executor, portal: OfflinePortal, portalId: string, now: () => Date): Promise<DrainReport> {
  const report: DrainReport = { batches: 0, deals: 0, outcomes: {} };
  const handle = async (batch: OfflineBatch): Promise<void> => {
    const ids = [...new Set(batch.events.filter((e) => DEAL_EVENTS.has(e.EVENT_NAME)).map((e) => dealIdOf(e.EVENT_DATA)))].filter(
      (id): id is number => id !== null,
    );
    const deals = await readDeals(portal, ids);
    for (const id of ids) {
      const deal = deals.get(id);
      const outcome: DealOutcome = deal ? await recordStage(db, portalId, deal, now) : 'gone';
      report.deals++;
      report.outcomes[outcome] = (report.outcomes[outcome] ?? 0) + 1;
    }
    if (batch.process_id) await markBatchHandled(db, portalId, batch.process_id, now().toISOString());
    report.batches++;
  };
  const open = await openBatches(db, portalId);
  // Batches a crashed drain reserved and never finished come first, re-read by their process_id.
  for (const b of open.filter((x) => !x.handled)) {
    const again = await portal.call<OfflineBatch>('event.offline.get', {
      process_id: b.processId,
      clear: 0,
      auth_connector: AUTH_CONNECTOR,
    });
    await handle({ ...again, process_id: b.processId });
  }
  let toClear = open.map((b) => b.processId);
  for (let i = 0; i < MAX_BATCHES; i++) {
    const batch = await clearAndGet(portal, toClear);
    await forgetBatches(db, portalId, toClear);
    toClear = [];
    if (batch.events.length === 0) break;
    if (batch.process_id) await rememberBatch(db, portalId, batch.process_id, now().toISOString());
    await handle(batch);
    if (batch.process_id) toClear = [batch.process_id];
    if (batch.events.length < PAGE) break;
  }
  return report;
}

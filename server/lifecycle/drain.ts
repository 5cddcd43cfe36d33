import type { Executor } from '../loans/db-types.js';
import type { PortalClient } from '../portal/portal-client.js';
import { AUTH_CONNECTOR } from '../portal/auth-connector.js';
import { processDealChange, type DealOutcome } from './process-deal.js';
import { forgetBatch, openBatches, rememberBatch } from './repo.js';

// Reads the portal's offline deal events (doc: api-reference/events/offline-events.md,
// event-offline-get.md, event-offline-clear.md). The queue keeps one record per deal and never holds
// the app's own writes (AUTH_CONNECTOR), so it is the change filter before any read. A batch is
// reserved (clear=0), its process_id stored, each deal handled, then cleared: a crash between leaves
// the id behind and the next drain re-reads that batch by it. Handling a deal twice acts once (the
// stage compare-and-set in process-deal.ts), so every change is processed exactly once.

export type OfflineReader = Pick<PortalClient, 'call'>;

interface OfflineBatch {
  process_id: string | null;
  events: { ID: string; EVENT_NAME: string; EVENT_DATA: unknown; MESSAGE_ID: string }[];
}

const DEAL_EVENTS = new Set(['ONCRMDEALADD', 'ONCRMDEALUPDATE']);
const PAGE = 50;
/** At most this many batches per drain (2 500 deals); the next tick or notification goes on. */
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

export async function drainOfflineEvents(db: Executor, portal: OfflineReader, portalId: string, now: () => Date): Promise<DrainReport> {
  const report: DrainReport = { batches: 0, deals: 0, outcomes: {} };
  const handle = async (batch: OfflineBatch): Promise<void> => {
    const ids = [...new Set(batch.events.filter((e) => DEAL_EVENTS.has(e.EVENT_NAME)).map((e) => dealIdOf(e.EVENT_DATA)))];
    for (const id of ids) {
      if (id === null) continue;
      const outcome = await processDealChange(db, portal, portalId, id, now);
      report.deals++;
      report.outcomes[outcome] = (report.outcomes[outcome] ?? 0) + 1;
    }
    if (batch.process_id) {
      await portal.call('event.offline.clear', { process_id: batch.process_id, auth_connector: AUTH_CONNECTOR });
      await forgetBatch(db, portalId, batch.process_id);
    }
    report.batches++;
  };
  // Batches a crashed drain reserved and never cleared come first.
  for (const pid of await openBatches(db, portalId)) {
    const again = await portal.call<OfflineBatch>('event.offline.get', { process_id: pid, clear: 0, auth_connector: AUTH_CONNECTOR });
    await handle({ ...again, process_id: pid });
  }
  for (let i = 0; i < MAX_BATCHES; i++) {
    const batch = await portal.call<OfflineBatch>('event.offline.get', { clear: 0, limit: PAGE, auth_connector: AUTH_CONNECTOR });
    if (batch.events.length === 0) break;
    if (batch.process_id) await rememberBatch(db, portalId, batch.process_id, now().toISOString());
    await handle(batch);
    if (batch.events.length < PAGE) break;
  }
  return report;
}

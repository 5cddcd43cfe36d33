import qs from 'qs';
import { LIFECYCLE_JOB } from '../../server/lifecycle/kinds.js';
import { startPlatform, type Platform } from './portal-harness.js';
import { sampleTerms } from './sample-terms.js';

// For the deal-deletion db tests: the emulator portal with our app installed (real install, real
// event delivery, real outbox worker and PortalClient), plus the few moves the tests repeat.

export interface DealWorld {
  p: Platform;
  portalId: string;
  entityTypeId: number;
  /** Registers a payment through the loan API (its status: 201 new, 200 replay, 409 closed). */
  pay(dealId: number, id: string, amount: string, date?: string): Promise<{ status: number; json: Record<string, unknown> }>;
  /** A deal with a saved loan of n installments, synced to the portal. */
  dealWithLoan(n: number, title?: string): Promise<{ dealId: number; loanId: string }>;
  api(
    method: 'GET' | 'PUT' | 'POST',
    path: string,
    dealId: number,
    body?: unknown,
  ): Promise<{ status: number; json: Record<string, unknown> }>;
  /** Item ids of the deal in the schedule smart process (the portal keeps parentId2 on orphans). */
  itemIds(dealId: number): Promise<number[]>;
  /**
   * REST requests the emulator has answered so far, but the deal lifecycle's reads of the
   * offline-event queue: what these tests count is what a deal's deletion costs.
   */
  calls(): number;
  /**
   * Runs the deal lifecycle's pending drains of the offline-event queue (tail drains pulled forward)
   * until none is left, so that a count taken next holds none of its reads of the deals the test
   * made. Jobs of other kinds that fall due meanwhile run too: hold them first.
   */
  settleLifecycle(): Promise<void>;
  /** Deletes the deal in the portal and waits for ONCRMDEALDELETE to reach our /events. */
  deleteDeal(dealId: number): Promise<void>;
  /** Posts an ONCRMDEALDELETE as the portal would, for any deal id (re-delivery, late, forged). */
  postDealDelete(dealId: number, ts: string): Promise<number>;
  loan(loanId: string): Promise<{ status: string; closed_reason: string | null; closed_at: string | null }>;
  jobs(kind: string): Promise<{ status: string; attempts: number; last_error: string | null }[]>;
  close(): Promise<void>;
}

export async function startDealWorld(): Promise<DealWorld> {
  const p = await startPlatform();
  const portalId = await p.install();
  const row = await p.db.kysely
    .selectFrom('portals')
    .select('schedule_entity_type_id')
    .where('id', '=', portalId)
    .executeTakeFirstOrThrow();
  const entityTypeId = Number(row.schedule_entity_type_id);
  const app = p.a.app;

  const w: DealWorld = {
    p,
    portalId,
    entityTypeId,
    async api(method, path, dealId, body) {
      const token = app.sessions.issue({ portalId, userId: 1, dealId, isAdmin: false });
      const r = await app.inject({
        method,
        url: path,
        headers: { authorization: `Bearer ${token}` },
        ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
      });
      return { status: r.statusCode, json: r.json<Record<string, unknown>>() };
    },
    pay: (dealId, id, amount, date = '2024-02-15') => w.api('POST', `/api/v1/deals/${dealId}/payments`, dealId, { id, date, amount }),
    async dealWithLoan(n, title = 'Deleted-deal loan') {
      const dealId = Number(await p.portalCall('crm.deal.add', { fields: { TITLE: title } }));
      const saved = await w.api('PUT', `/api/v1/deals/${dealId}/loan`, dealId, { loan: sampleTerms(n) });
      if (saved.status !== 200) throw new Error(`save answered ${saved.status}`);
      await app.outbox.drain();
      return { dealId, loanId: String(saved.json.loanId) };
    },
    async itemIds(dealId) {
      const out: number[] = [];
      for (let start = 0; start < 1000; start += 50) {
        const r = await p.portalCall<{ items: { id: number }[] }>('crm.item.list', {
          entityTypeId,
          filter: { parentId2: dealId },
          order: { id: 'ASC' },
          start,
        });
        out.push(...r.items.map((i) => Number(i.id)));
        if (r.items.length < 50) break;
      }
      return out;
    },
    calls: () => {
      // restCallsTotal counts HTTP requests, restCalls each method, the commands inside a batch too.
      // Every request of a drain (server/lifecycle/drain.ts) carries exactly one event.offline.get —
      // alone, or in a batch with the clears of the batches it handled — so that is what is taken
      // off. (Taking off every event.offline.* took 2 for one clear+get batch: a count of −1.)
      const s = p.em.stats();
      return s.restCallsTotal - (s.restCalls['event.offline.get'] ?? 0);
    },
    async settleLifecycle() {
      for (let round = 0; round < 20; round++) {
        await p.em.idle(); // an ONOFFLINEEVENT the portal still owes queues one more drain
        const pulled = await p.db.kysely
          .updateTable('outbox_jobs')
          .set({ run_after: 0 })
          .where('portal_id', '=', portalId)
          .where('kind', '=', LIFECYCLE_JOB.drain)
          .where('status', '=', 'pending')
          .executeTakeFirst();
        if (Number(pulled.numUpdatedRows) === 0) return;
        await app.outbox.drain();
      }
      throw new Error('the offline-event queue did not settle in 20 drains');
    },
    async deleteDeal(dealId) {
      await p.portalCall('crm.deal.delete', { id: dealId });
      await p.em.idle();
    },
    async postDealDelete(dealId, ts) {
      // The auth block of a real delivery, so the application_token is the portal's.
      const real = p.em
        .stats()
        .events.deliveries.filter((d) => d.event === 'ONCRMDEALDELETE' && d.payload && !d.dropped)
        .at(-1);
      if (!real) throw new Error('no ONCRMDEALDELETE delivered yet');
      const payload = { ...real.payload, data: { FIELDS: { ID: String(dealId) } }, ts };
      const r = await fetch(`${p.a.url}/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: qs.stringify(payload),
      });
      return r.status;
    },
    loan: (loanId) =>
      p.db.kysely
        .selectFrom('loans')
        .select(['status', 'closed_reason', 'closed_at'])
        .where('portal_id', '=', portalId)
        .where('id', '=', loanId)
        .executeTakeFirstOrThrow(),
    jobs: async (kind) =>
      (
        await p.db.kysely
          .selectFrom('outbox_jobs')
          .select(['status', 'attempts', 'last_error', 'created_at'])
          .where('kind', '=', kind)
          .orderBy('created_at')
          .execute()
      ).map((j) => ({ status: j.status, attempts: Number(j.attempts), last_error: j.last_error })),
    close: () => p.close(),
  };
  return w;
}

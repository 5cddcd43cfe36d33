import type { JobContext } from '../jobs/job.js';
import type { PortalClient } from '../portal-client/portal-client.js';

// The portal reads of the reminder sends, batched (issue 14: the nightly run's REST calls batched
// within the 2 req/s budget). The first send of a tick that needs a deal reads the deals of the
// portal's reminders due now — its own first, up to 50 — in one `batch` of crm.deal.get, and their
// contacts in a second of crm.contact.get (docs: settings/how-to-call-rest-api/batch.md — up to 50 commands,
// halt=0; crm/deals/crm-deal-get.md; crm/contacts/crm-contact-get.md). The sends that follow find
// their deal and contact here. Only reads: what was read is kept FRESH_MS, so a phone changed within
// that time may be read as it was (as when a send is a few seconds late); nothing here decides
// whether a reminder is sent — that stays with the send job's reservation and the contact law.

type Fields = Record<string, unknown>;

export interface DealRead {
  deal: Fields;
  contact: Fields | null;
}

/** How long a read serves the sends that follow it. */
const FRESH_MS = 30_000;
/** A batch holds at most 50 commands (batch.md). */
const MAX_COMMANDS = 50;
/** Reminders due within this much of the send's time count as this tick's. */
const TICK_AHEAD_MS = 60_000;
/** Due deals looked at per batch (those read already are skipped, the first 50 others read). */
const LOOK_AT = 1000;

export interface DealReads {
  /**
   * The deal and its main contact (null when none), read with the other deals of the reminders due
   * by `at` (epoch ms, the send's own clock) — or alone when the batch could not read them.
   */
  read(ctx: JobContext, portalId: string, dealId: number, at: number): Promise<DealRead>;
}

export function dealReads(opts: { now?: () => number } = {}): DealReads {
  const now = opts.now ?? Date.now;
  const cache = new Map<string, { at: number; read: DealRead }>();
  const inFlight = new Map<string, Promise<void>>();
  const key = (portalId: string, dealId: number) => `${portalId}\u0000${dealId}`;
  const fresh = (k: string) => {
    const hit = cache.get(k);
    return hit && now() - hit.at < FRESH_MS ? hit.read : undefined;
  };

  async function fill(ctx: JobContext, b24: PortalClient, portalId: string, dealId: number, at: number): Promise<void> {
    const t = now();
    for (const [k, v] of cache) if (t - v.at >= FRESH_MS) cache.delete(k);
    const due = await ctx.db
      .selectFrom('reminders')
      .select('deal_id')
      .distinct()
      .where('portal_id', '=', portalId)
      .where('status', '=', 'pending')
      .where('not_before', '<=', Math.max(at, t) + TICK_AHEAD_MS)
      .orderBy('deal_id')
      .limit(LOOK_AT)
      .execute();
    const others = due.map((d) => Number(d.deal_id)).filter((id) => id !== dealId && !fresh(key(portalId, id)));
    const ids = [dealId, ...others].slice(0, MAX_COMMANDS);
    const deals = await b24.batch<Fields>(ids.map((id) => ({ method: 'crm.deal.get', params: { id } })));
    const read = new Map<number, Fields>();
    ids.forEach((id, i) => {
      const d = deals.results[String(i)];
      if (d && typeof d === 'object') read.set(id, d);
    });
    const contactIds = [...new Set([...read.values()].map((d) => Number(d.CONTACT_ID ?? 0)).filter((c) => c > 0))];
    const contacts =
      contactIds.length > 0
        ? await b24.batch<Fields>(Object.fromEntries(contactIds.map((id) => [`c${id}`, { method: 'crm.contact.get', params: { id } }])))
        : { results: {} as Record<string, Fields>, errors: {} as Record<string, unknown> };
    for (const [id, deal] of read) {
      const c = Number(deal.CONTACT_ID ?? 0);
      // A contact the batch could not read is left to the send's own read (its error, its retry).
      if (c > 0 && !contacts.results[`c${c}`]) continue;
      cache.set(key(portalId, id), { at: t, read: { deal, contact: c > 0 ? contacts.results[`c${c}`]! : null } });
    }
  }

  return {
    async read(ctx, portalId, dealId, at) {
      const k = key(portalId, dealId);
      const b24 = await ctx.portal();
      // Sends running side by side share one batch per portal: a send that waited for another's batch
      // without its deal in it runs the next one (its own deal first).
      for (let round = 0; round < 2; round++) {
        const hit = fresh(k);
        if (hit) return hit;
        let pending = inFlight.get(portalId);
        if (!pending) {
          pending = fill(ctx, b24, portalId, dealId, at).finally(() => inFlight.delete(portalId));
          inFlight.set(portalId, pending);
        }
        await pending;
      }
      const filled = fresh(k);
      if (filled) return filled;
      // Not in the batch (another send's batch, or its command failed): read alone, errors thrown as ever.
      const deal = await b24.call<Fields>('crm.deal.get', { id: dealId });
      const contactId = Number(deal.CONTACT_ID ?? 0);
      const contact = contactId > 0 ? await b24.call<Fields>('crm.contact.get', { id: contactId }) : null;
      const read = { deal, contact };
      cache.set(k, { at: now(), read });
      return read;
    },
  };
}

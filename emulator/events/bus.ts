// Event delivery: asynchronous, form-encoded (PHP brackets), one POST per bound handler, no retries
// (doc: api-reference/events/index.md, contract.md §3.2–3.3). Every attempt is recorded in stats.
import qs from 'qs';
import type { Core, EmitOptions, EventSender } from '../core.js';
import { type DeliveryRecord, MAX_DELIVERY_RECORDS } from '../stats.js';
import { authBlock } from './auth-block.js';
import { isoDate, nowSec } from '../util.js';
import { enqueueOffline } from './offline.js';

// UNVERIFIED(b24): the queue's timeout for a handler is not documented.
const HANDLER_TIMEOUT_MS = 10_000;

export type { EmitOptions } from '../core.js';

export interface PostResult {
  status: number | null;
  body: string;
  error?: string;
}

/** POSTs a form-encoded payload the way the portal's queue does. */
export async function postForm(url: string, payload: Record<string, unknown>, query?: Record<string, string>): Promise<PostResult> {
  const target = new URL(url);
  for (const [k, v] of Object.entries(query ?? {})) target.searchParams.set(k, v);
  try {
    const res = await fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': 'Bitrix24 Webhook Engine' },
      body: qs.stringify(payload),
      signal: AbortSignal.timeout(HANDLER_TIMEOUT_MS),
      redirect: 'manual',
    });
    return { status: res.status, body: await res.text() };
  } catch (err) {
    return { status: null, body: '', error: err instanceof Error ? err.message : String(err) };
  }
}

export class EventBus implements EventSender {
  private pending = new Set<Promise<void>>();
  private offlineNotified = new Map<number, number>();
  private seq = 0;

  constructor(private readonly core: Core) {}

  /**
   * Fires an event: every online binding of it gets its own POST. Nothing is sent while the app is not
   * installed (installFinish not called yet) — contract.md §1.1.
   */
  emit(event: string, data: Record<string, unknown>, o: EmitOptions = {}): void {
    const app = this.core.state.app;
    if (!app || !app.installed) return;
    const name = event.toUpperCase();
    // One queue per auth_connector (offline-events.md): a write made with a binding's key is not
    // recorded in that binding's queue.
    const queues = new Set(
      this.core.state.eventBindings
        .filter((b) => b.event === name && b.offline && !(b.authConnector && b.authConnector === o.authConnector))
        .map((b) => b.authConnector ?? ''),
    );
    for (const connector of queues) enqueueOffline(this.core, name, data, o.userId, connector || undefined);
    if (queues.size > 0) this.notifyOffline();
    for (const b of this.core.state.eventBindings) {
      if (b.event !== name || b.offline) continue;
      const userId = b.authType > 0 ? b.authType : o.userId;
      const payload = {
        event: name,
        event_handler_id: String(b.id),
        data,
        ts: String(nowSec()),
        auth: authBlock(this.core, { userId }),
      };
      this.track(this.deliver(name, b.handler, payload, b.id));
    }
  }

  /** ONOFFLINEEVENT: tells ONOFFLINEEVENT handlers the queue changed, at most once per options.minTimeout s. */
  private notifyOffline(): void {
    const now = Date.now();
    for (const b of this.core.state.eventBindings) {
      if (b.event !== 'ONOFFLINEEVENT' || b.offline) continue;
      const minTimeoutSec = Number(b.options?.minTimeout ?? 1);
      const last = this.offlineNotified.get(b.id) ?? 0;
      if (minTimeoutSec > 0 && now - last < minTimeoutSec * 1000) continue;
      this.offlineNotified.set(b.id, now);
      const payload = {
        event: 'ONOFFLINEEVENT',
        event_handler_id: String(b.id),
        // "data arrives empty": an empty PHP array cannot be form-encoded, so the key is sent with no value.
        // UNVERIFIED(b24): exact wire form of the empty data.
        data: '',
        ts: String(nowSec()),
        auth: authBlock(this.core, { userId: b.boundBy, withRefreshToken: true }),
      };
      this.track(this.deliver('ONOFFLINEEVENT', b.handler, payload, b.id));
    }
  }

  /**
   * Direct server→app call outside the event queue (install callback, uninstall). Awaited by the caller and
   * never dropped by fault injection, so install flows stay deterministic.
   */
  async send(event: string, url: string, payload: Record<string, unknown>, bindingId?: number): Promise<DeliveryRecord> {
    const p = this.deliver(event, url, payload, bindingId, false);
    this.track(p.then(() => undefined));
    return p;
  }

  /** Resolves when every delivery started so far has finished (tests and orderly shutdown). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  private track(p: Promise<unknown>): void {
    const done = p.then(
      () => undefined,
      () => undefined,
    );
    this.pending.add(done);
    void done.finally(() => this.pending.delete(done));
  }

  private async deliver(
    event: string,
    handler: string,
    payload: Record<string, unknown>,
    bindingId?: number,
    droppable = true,
  ): Promise<DeliveryRecord> {
    const { faults, random } = this.core.opts;
    const rec: DeliveryRecord = {
      id: ++this.seq,
      event,
      handler,
      bindingId,
      status: null,
      dropped: false,
      at: isoDate(),
      durationMs: 0,
      payload,
    };
    const ev = this.core.stats.events;
    ev.deliveries.push(rec);
    if (ev.deliveries.length > MAX_DELIVERY_RECORDS) ev.deliveries.shift();
    if (droppable && faults.dropEvents > 0 && random() < faults.dropEvents) {
      rec.dropped = true;
      ev.dropped++;
      return rec;
    }
    // Delivered via a queue: never inside the REST call that caused it.
    await new Promise((r) => setImmediate(r));
    const started = Date.now();
    const res = await postForm(handler, payload);
    rec.durationMs = Date.now() - started;
    rec.status = res.status;
    if (res.error) rec.error = res.error;
    if (res.status !== null && res.status >= 200 && res.status < 300) ev.delivered++;
    else ev.failed++;
    return rec;
  }
}

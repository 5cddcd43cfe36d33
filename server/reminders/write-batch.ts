import type { JobContext } from '../jobs/job.js';

// The portal writes of the reminder sends, batched (issue 14: the nightly run's REST calls batched).
// The sends the worker runs side by side (a claim of up to 10 jobs) hand their writes — the deal's
// timeline comment (crm.timeline.comment.add), the responsible's notification (im.notify.system.add),
// the to-do (crm.activity.todo.add) — to one queue per portal, written as one `batch` (docs:
// settings/how-to-call-rest-api/batch.md — up to 50 commands, halt=0, an error per command) once
// WINDOW_MS has passed since the first or 50 are waiting. Each send waits for its own command's
// answer and gets its own error, so a send's job finishes only after its writes are made, as when it
// called them one by one: what is exactly-once (the reservation, the SMS key) stays with the send job.

/** How long the first write waits for the others of the same claim. */
const WINDOW_MS = 200;
const MAX_COMMANDS = 50;

export class BatchedCallError extends Error {
  override name = 'BatchedCallError';
  constructor(
    readonly method: string,
    readonly code: string,
    description: string,
  ) {
    super(`${method}: ${code} ${description}`.trim());
  }
}

interface Waiting {
  method: string;
  params: Record<string, unknown>;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

export interface PortalWrites {
  /** Runs `method` in the portal's next batch; resolves with its result, rejects with its error. */
  call<T = unknown>(ctx: JobContext, portalId: string, method: string, params: Record<string, unknown>): Promise<T>;
}

export function portalWrites(opts: { windowMs?: number } = {}): PortalWrites {
  const windowMs = opts.windowMs ?? WINDOW_MS;
  const queues = new Map<string, { items: Waiting[]; ctx: JobContext; timer: ReturnType<typeof setTimeout> | null }>();

  async function flush(portalId: string): Promise<void> {
    const q = queues.get(portalId);
    if (!q) return;
    queues.delete(portalId);
    if (q.timer) clearTimeout(q.timer);
    const items = q.items;
    try {
      const b24 = await q.ctx.portal();
      const out = await b24.batch(items.map((w) => ({ method: w.method, params: w.params })));
      items.forEach((w, i) => {
        const err = out.errors[String(i)];
        if (err) w.reject(new BatchedCallError(w.method, err.code, err.description));
        else w.resolve(out.results[String(i)]);
      });
    } catch (e) {
      for (const w of items) w.reject(e);
    }
  }

  return {
    call<T>(ctx: JobContext, portalId: string, method: string, params: Record<string, unknown>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        let q = queues.get(portalId);
        if (!q) {
          q = { items: [], ctx, timer: null };
          queues.set(portalId, q);
          q.timer = setTimeout(() => void flush(portalId), windowMs);
        }
        q.items.push({ method, params, resolve: resolve as (v: unknown) => void, reject });
        if (q.items.length >= MAX_COMMANDS) void flush(portalId);
      });
    },
  };
}

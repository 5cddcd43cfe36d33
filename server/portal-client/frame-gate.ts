// A portal's REST budget is one leaky bucket per portal (doc: limits.md — "request intensity is
// tracked separately for each Bitrix24 account"; apps on one server share it), so the calls a
// person's frame makes with their own token (`profile`, `crm.deal.get`) wait in the SAME bucket as
// our background sync. Our client's limiter paces the sync at the portal's drain rate, which keeps
// a bucket it once filled full for as long as the backlog lasts; a frame opened then got in only
// by luck. While a frame of a portal is being verified, that portal's background requests hold
// back (bounded), so the bucket drains and the frame's calls are the next ones in.

/** The longest one background request waits for frames: a pause, never a stop (frames can be forged). */
export const FRAME_HOLD_MAX_MS = 5_000;

export class FrameGate {
  private readonly open = new Map<string, number>();
  private readonly waiters = new Map<string, Set<() => void>>();

  /** Runs `fn` (a frame's calls to the portal) while the portal's background requests wait. */
  async during<T>(portalId: string, fn: () => Promise<T>): Promise<T> {
    this.open.set(portalId, (this.open.get(portalId) ?? 0) + 1);
    try {
      return await fn();
    } finally {
      const left = (this.open.get(portalId) ?? 1) - 1;
      if (left > 0) this.open.set(portalId, left);
      else {
        this.open.delete(portalId);
        for (const wake of this.waiters.get(portalId) ?? []) wake();
        this.waiters.delete(portalId);
      }
    }
  }

  /** Resolves at once when no frame of the portal is being opened, else when the last one is done or after maxWaitMs. */
  async clear(portalId: string, maxWaitMs = FRAME_HOLD_MAX_MS): Promise<void> {
    if (!this.open.has(portalId)) return;
    await new Promise<void>((resolve) => {
      const set = this.waiters.get(portalId) ?? new Set<() => void>();
      const done = () => {
        clearTimeout(timer);
        set.delete(done);
        resolve();
      };
      const timer = setTimeout(done, maxWaitMs);
      set.add(done);
      this.waiters.set(portalId, set);
    });
  }

  /** Frames being opened now, per portal (tests, health). */
  opening(portalId: string): number {
    return this.open.get(portalId) ?? 0;
  }
}

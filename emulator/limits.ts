// Leaky bucket (503 QUERY_LIMIT_EXCEEDED) and per-method operating time (429 OPERATION_TIME_LIMIT),
// doc: limits.md (contract.md §2.5).
import type { ResolvedOptions } from './options.js';

interface Bucket {
  level: number;
  at: number; // ms
}

interface OperatingBucket {
  minuteStartMs: number;
  firstCallMs: number;
  sumSec: number;
}

const WINDOW_MS = 10 * 60_000;

export interface OperatingInfo {
  operating: number;
  operatingResetAt: number | undefined;
}

export class Limits {
  private buckets = new Map<string, Bucket>();
  private operating = new Map<string, OperatingBucket[]>();

  constructor(private readonly opts: ResolvedOptions) {}

  /**
   * Each request adds 1; the level drains by drainPerSec. A request that would push the level past the
   * burst is refused and not counted. UNVERIFIED(b24): whether refused requests also fill the bucket.
   */
  take(key: string, nowMs = Date.now()): boolean {
    const rl = this.opts.rateLimit;
    if (!rl) return true;
    const b = this.buckets.get(key) ?? { level: 0, at: nowMs };
    b.level = Math.max(0, b.level - ((nowMs - b.at) / 1000) * rl.drainPerSec);
    b.at = nowMs;
    this.buckets.set(key, b);
    if (b.level + 1 > rl.burst) return false;
    b.level += 1;
    return true;
  }

  /** True when the method's summed operating time in the 10-minute window is over the limit. */
  overOperating(key: string, method: string, nowMs = Date.now()): boolean {
    const op = this.opts.operating;
    if (!op) return false;
    return this.info(key, method, nowMs).operating > op.limitSec;
  }

  /** Adds one call's execution time (real + configured synthetic cost) to the current minute bucket. */
  account(key: string, method: string, elapsedSec: number, nowMs = Date.now()): OperatingInfo {
    const op = this.opts.operating;
    if (!op) return { operating: 0, operatingResetAt: undefined };
    const cost = elapsedSec + (op.costSecByMethod?.[method] ?? 0);
    const list = this.live(key, method, nowMs);
    const minuteStartMs = Math.floor(nowMs / 60_000) * 60_000;
    let cur = list[list.length - 1];
    if (!cur || cur.minuteStartMs !== minuteStartMs) {
      cur = { minuteStartMs, firstCallMs: nowMs, sumSec: 0 };
      list.push(cur);
    }
    cur.sumSec += cost;
    return this.info(key, method, nowMs);
  }

  info(key: string, method: string, nowMs = Date.now()): OperatingInfo {
    const list = this.live(key, method, nowMs);
    const first = list[0];
    return {
      operating: list.reduce((s, b) => s + b.sumSec, 0),
      operatingResetAt: first ? Math.floor((first.firstCallMs + WINDOW_MS) / 1000) : undefined,
    };
  }

  reset(): void {
    this.buckets.clear();
    this.operating.clear();
  }

  private live(key: string, method: string, nowMs: number): OperatingBucket[] {
    const k = `${key}|${method}`;
    const list = (this.operating.get(k) ?? []).filter((b) => b.minuteStartMs + WINDOW_MS > nowMs);
    this.operating.set(k, list);
    return list;
  }
}

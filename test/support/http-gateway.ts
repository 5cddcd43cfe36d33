import qs from 'qs';
import { BATCH_LIMIT, type GatewayBatchCommand, type GatewayBatchOutcome, type PortalGateway } from '../../server/loans/portal-gateway.js';

// A tiny PortalGateway over plain HTTP (JSON POST to `${restUrl}/<method>` with `auth` in the body),
// for tests and the bench against the emulator. Production uses server/portal-client's PortalClient
// (token refresh, SDK limiter). This one paces itself with the same leaky bucket the portal
// enforces (contract.md §2.5: burst X, drain Y/s) and, if still refused with 503
// QUERY_LIMIT_EXCEEDED, waits and retries (bounded).

export interface HttpGatewayOptions {
  /** e.g. http://127.0.0.1:PORT/rest */
  restUrl: string;
  accessToken: string;
  rate?: { burst: number; drainPerSec: number } | false;
  maxRetries?: number;
}

export class HttpGateway implements PortalGateway {
  requests = 0;
  retries = 0;
  private level = 0;
  private lastMs = Date.now();

  constructor(private readonly o: HttpGatewayOptions) {}

  async call<T>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const body = await this.post(method, params);
    return body.result as T;
  }

  async batch<T>(commands: Record<string, GatewayBatchCommand>): Promise<GatewayBatchOutcome<T>> {
    const keys = Object.keys(commands);
    if (keys.length > BATCH_LIMIT) throw new Error(`batch of ${keys.length} > ${BATCH_LIMIT}`);
    const cmd = Object.fromEntries(keys.map((k) => [k, `${commands[k]!.method}?${qs.stringify(commands[k]!.params ?? {})}`]));
    const body = await this.post('batch', { halt: 0, cmd });
    const r = (body.result ?? {}) as { result?: unknown; result_error?: unknown; result_total?: unknown; result_next?: unknown };
    // PHP serialises empty maps as [] (contract.md §2.4).
    const map = <V>(m: unknown): Record<string, V> => (m && typeof m === 'object' && !Array.isArray(m) ? (m as Record<string, V>) : {});
    const errs = map<{ error?: string; error_description?: string }>(r.result_error);
    return {
      results: map<T>(r.result),
      errors: Object.fromEntries(
        Object.entries(errs).map(([k, e]) => [k, { code: String(e.error ?? ''), description: String(e.error_description ?? '') }]),
      ),
      total: map<number>(r.result_total),
      next: map<number>(r.result_next),
    };
  }

  private async post(method: string, params: Record<string, unknown>): Promise<{ result?: unknown; total?: number; next?: number }> {
    const maxRetries = this.o.maxRetries ?? 20;
    for (let attempt = 0; ; attempt++) {
      await this.pace();
      this.requests++;
      const res = await fetch(`${this.o.restUrl}/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ ...params, auth: this.o.accessToken }),
      });
      const body = (await res.json()) as { result?: unknown; error?: string; error_description?: string };
      if (res.status === 503 && body.error === 'QUERY_LIMIT_EXCEEDED' && attempt < maxRetries) {
        this.retries++;
        await sleep(this.o.rate ? 1000 / this.o.rate.drainPerSec : 500);
        continue;
      }
      if (body.error !== undefined || !res.ok)
        throw new Error(`${method}: HTTP ${res.status} ${body.error ?? ''} ${body.error_description ?? ''}`.trim());
      return body;
    }
  }

  /** Client-side leaky bucket: never send a request the portal's bucket would refuse. */
  private async pace(): Promise<void> {
    const rate = this.o.rate;
    if (!rate) return;
    for (;;) {
      const now = Date.now();
      this.level = Math.max(0, this.level - ((now - this.lastMs) / 1000) * rate.drainPerSec);
      this.lastMs = now;
      // Keep one slot of headroom: our clock and the portal's differ by the request's latency.
      if (this.level + 1 <= rate.burst - 1) {
        this.level += 1;
        return;
      }
      await sleep(Math.ceil(((this.level + 2 - rate.burst) / rate.drainPerSec) * 1000));
    }
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

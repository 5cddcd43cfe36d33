import { AjaxError, ApiVersion, B24OAuth, RefreshTokenError, type HandlerRefreshAuth } from '@bitrix24/b24jssdk';
import qs from 'qs';
import { isAppError } from '../errors.js';
import type { Portal } from '../portals/portal-repo.js';
import type { PortalTokens } from '../portals/portal-token-repo.js';
import { markPortalStatus } from '../portals/portal-repo.js';
import { readPortalTokens } from '../portals/portal-token-repo.js';
import { PortalCallError, RateLimited, ReinstallNeeded, portalError } from './errors.js';
import { isRedirectStatus, PORTAL_MOVED, RELOCATE_MIN_INTERVAL_MS } from './portal-move.js';
import { refreshPortalTokens, usableUntilMs, type RefreshDeps } from './token-refresh.js';
import { fieldText } from './field-text.js';
import type { FrameGate } from './frame-gate.js';
import { TokenRefusals } from './token-refusals.js';

// One long-lived client per portal (see client-cache.ts). Built on the SDK's B24OAuth so its
// RestrictionManager (client-side leaky bucket, operating-time limiter, 503/429 backoff) and its
// refresh coalescing apply; the refresh itself is replaced by refreshPortalTokens (DB-serialised).
// b24jssdk.md §2.2, §3.4.

export interface RateParams {
  burstLimit: number;
  drainRate: number;
}

export interface BatchCommand {
  method: string;
  params?: Record<string, unknown>;
}

export interface BatchOutcome<T = unknown> {
  results: Record<string, T>;
  errors: Record<string, { code: string; description: string }>;
  total: Record<string, number>;
  next: Record<string, number>;
}

const MAX_RATE_RETRIES = 8;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Seconds the SDK sees as the expiry: a little before the real one so a request never races it. */
function sdkExpires(t: PortalTokens, now: number): { expires: number; expiresIn: number } {
  return { expires: usableUntilMs(t.expiresAtMs) / 1000, expiresIn: Math.max(1, Math.round((t.expiresAtMs - now) / 1000)) };
}

export class PortalClient {
  private b24: B24OAuth;
  private version: number;
  /** Whether the portal refused the token we hold (then a refresh must bring a newer one). */
  private refusals: TokenRefusals;
  private inflight: Promise<PortalTokens> | null = null;
  /** The portal's REST address this client calls; it moves when the portal is renamed (relocate()). */
  private endpoint: string;
  private lastRelocateAt = 0;

  constructor(
    readonly portal: Portal,
    tokens: PortalTokens,
    private readonly deps: RefreshDeps & { rate: RateParams; frames?: FrameGate; onReinstallNeeded?: (portalId: string) => void },
  ) {
    this.version = tokens.version;
    this.refusals = new TokenRefusals(tokens.accessToken);
    this.endpoint = tokens.clientEndpoint ?? portal.clientEndpoint;
    this.b24 = this.sdkClient(tokens);
  }

  private sdkClient(tokens: PortalTokens): B24OAuth {
    const { expires, expiresIn } = sdkExpires(tokens, Date.now());
    const b24 = new B24OAuth(
      {
        applicationToken: '',
        userId: 0,
        memberId: this.portal.memberId,
        accessToken: tokens.accessToken,
        refreshToken: tokens.refreshToken,
        expires,
        expiresIn,
        scope: this.portal.scope,
        domain: new URL(this.endpoint).host,
        // No trailing slash: the SDK appends '/<method>' (b24jssdk.md §2.3).
        clientEndpoint: this.endpoint.replace(/\/+$/, ''),
        serverEndpoint: this.deps.oauthServer.replace(/\/+$/, '') + '/rest/',
        status: 'L',
      },
      { clientId: this.deps.clientId, clientSecret: this.deps.clientSecret },
      {
        restrictionParams: {
          rateLimit: { burstLimit: this.deps.rate.burstLimit, drainRate: this.deps.rate.drainRate, adaptiveEnabled: true },
          // Not worth the SDK's backoff retries: only relocate() helps.
          hardErrorCodes: [PORTAL_MOVED],
        },
      },
    );
    b24.setCustomRefreshAuth(() => this.refresh());
    // A renamed portal's old host answers 302 (portal-move.ts): never follow it — a redirected POST
    // arrives as a body-less GET — but see it, and ask the OAuth server for the new address.
    for (const v of [ApiVersion.v2, ApiVersion.v3]) {
      const axios = b24.getHttpClient(v).ajaxClient;
      this.refusals.watch(axios);
      // Right before a request leaves (after the SDK's own limiter): while a person's frame of this
      // portal is being verified, wait (bounded) so the portal's bucket has room for it (frame-gate.ts).
      const frames = this.deps.frames;
      if (frames)
        axios.interceptors.request.use(async (config) => {
          await frames.clear(this.portal.id);
          return config;
        });
      axios.defaults.maxRedirects = 0;
      axios.interceptors.response.use(undefined, (e: unknown) => {
        const err = e as { code?: string; config?: object; response?: { status?: number } };
        if (isRedirectStatus(Number(err.response?.status ?? 0))) err.code = PORTAL_MOVED;
        this.refusals.saw(err);
        throw e; // the SDK's own error, passed on as it came (a rejection either way)
      });
    }
    return b24;
  }

  /**
   * The portal answered "moved": take the address the OAuth server now names (stored by a refresh
   * of ours or of another process; if none moved yet, refresh now — at most every
   * RELOCATE_MIN_INTERVAL_MS) and rebuild the SDK client on it. True when the address changed.
   */
  async relocate(): Promise<boolean> {
    const row = await readPortalTokens(this.deps.db, this.deps.box, this.portal.id);
    if (!row || row.status !== 'active') throw new ReinstallNeeded(this.portal.id, `portal is ${row?.status ?? 'missing'}`);
    let t: PortalTokens = row;
    if (t.clientEndpoint === this.endpoint && Date.now() - this.lastRelocateAt >= RELOCATE_MIN_INTERVAL_MS) {
      this.lastRelocateAt = Date.now();
      t = await refreshPortalTokens(this.deps, this.portal.id, this.version, false);
    }
    if (!t.clientEndpoint || t.clientEndpoint === this.endpoint) return false;
    this.endpoint = t.clientEndpoint;
    this.version = t.version;
    this.refusals.adopt(t.accessToken);
    this.b24 = this.sdkClient(t);
    return true;
  }

  get portalId(): string {
    return this.portal.id;
  }

  /** Serialised refresh (coalesced in-process, CAS across processes), shaped for the SDK. */
  private async refresh(): Promise<HandlerRefreshAuth> {
    if (!this.inflight) {
      // Not refused (the SDK found our token expired, or a late refusal of a replaced one): the current
      // token serves while it is fresh. Refused: only a newer one will do.
      this.inflight = refreshPortalTokens(this.deps, this.portal.id, this.version, this.refusals.currentServes).finally(() => {
        this.inflight = null;
      });
    }
    const t = await this.inflight;
    if (t.version > this.version) {
      this.version = t.version;
      this.refusals.adopt(t.accessToken);
    }
    const { expires, expiresIn } = sdkExpires(t, Date.now());
    return {
      access_token: t.accessToken,
      refresh_token: t.refreshToken,
      expires: String(expires),
      expires_in: String(expiresIn),
      client_endpoint: this.endpoint,
      server_endpoint: this.deps.oauthServer.replace(/\/+$/, '') + '/rest/',
      member_id: this.portal.memberId,
      scope: this.portal.scope,
      status: 'L',
      domain: new URL(this.endpoint).host,
    };
  }

  private mapThrown(e: unknown, method: string): unknown {
    if (isAppError(e)) return e;
    if (e instanceof AjaxError || (e && typeof e === 'object' && 'code' in e)) {
      const err = e as AjaxError;
      const orig = (err as { originalError?: unknown }).originalError;
      if (isAppError(orig)) return orig;
      if (orig instanceof RefreshTokenError) {
        void markPortalStatus(this.deps.db, this.portal.id, 'reinstall_needed', `refresh failed: ${orig.code}`);
        return new ReinstallNeeded(this.portal.id, `refresh token rejected (${orig.code})`);
      }
      // Legacy crm.* errors carry an EMPTY `error` code (contract.md §2.2); the SDK then reports the
      // axios code (ERR_BAD_REQUEST). Read the portal's own body when it is there.
      const body = (orig as { response?: { data?: { error?: unknown; error_description?: unknown } } } | undefined)?.response?.data;
      if (body && typeof body === 'object' && typeof body.error === 'string') {
        return portalError(body.error, fieldText(body.error_description), Number(err.status ?? 0), method);
      }
      return portalError(String(err.code ?? ''), err.message ?? '', Number(err.status ?? 0), method);
    }
    return e;
  }

  private onMapped(e: unknown): unknown {
    if (e instanceof ReinstallNeeded) this.deps.onReinstallNeeded?.(this.portal.id);
    return e;
  }

  /** One REST v2 call; returns `result`. Rate-limit answers are retried with bounded backoff. */
  async call<T = unknown>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const r = await this.callRaw<T>(method, params);
    return r.result;
  }

  /** Like call() but also returns `total` / `next` for list methods. */
  async callRaw<T = unknown>(method: string, params: Record<string, unknown> = {}): Promise<{ result: T; total?: number; next?: number }> {
    for (let attempt = 0; ; attempt++) {
      try {
        const res = await this.b24.actions.v2.call.make<T>({ method, params });
        if (!res.isSuccess) {
          // The SDK's errors carry the portal's code and HTTP status beside the message.
          const first: unknown = [...res.getErrors()][0];
          const { code, status, message } = (first ?? {}) as { code?: unknown; status?: unknown; message?: string };
          throw portalError(fieldText(code), message ?? res.getErrorMessages().join('; '), Number(status ?? 200), method);
        }
        const data = res.getData() as { result: T } | undefined;
        if (!data) throw portalError('', 'empty response', 200, method);
        // getData() drops `total`/`next`; the raw envelope keeps them (ajax-result.mjs `_data`).
        const env = (res as unknown as { _data?: { total?: unknown; next?: unknown } })._data ?? {};
        const total = env.total !== undefined ? Number(env.total) : undefined;
        const next = env.next !== undefined ? Number(env.next) : undefined;
        return { result: data.result, ...(total !== undefined ? { total } : {}), ...(next !== undefined ? { next } : {}) };
      } catch (e) {
        const mapped = this.onMapped(this.mapThrown(e, method));
        if (mapped instanceof PortalCallError && isRedirectStatus(mapped.httpStatus) && attempt < 2 && (await this.relocate())) continue;
        // The SDK already waited and retried up to its maxRetries; past that we keep waiting (bounded)
        // so that a burst larger than the portal's bucket still completes instead of surfacing a 503.
        // The SDK refreshes and retries once on expired_token; a request that waited in the bucket
        // longer than a (very short) token life can still meet it — try again, bounded.
        if (
          mapped instanceof PortalCallError &&
          (mapped.portalCode === 'expired_token' || mapped.portalCode === 'invalid_token') &&
          attempt < 2
        )
          continue;
        if (mapped instanceof RateLimited && attempt < MAX_RATE_RETRIES) {
          await sleep(Math.min(1000 / this.deps.rate.drainRate + 250, 10_000) * 2 ** Math.min(attempt, 4));
          continue;
        }
        throw mapped;
      }
    }
  }

  /**
   * v2 batch (doc: settings/how-to-call-rest-api/batch.md): chunks of 50, halt=0, per-command errors
   * collected under the command key rather than thrown. Keys must be unique.
   */
  async batch<T = unknown>(commands: Record<string, BatchCommand> | BatchCommand[]): Promise<BatchOutcome<T>> {
    const entries = Array.isArray(commands) ? commands.map((c, i) => [String(i), c] as const) : Object.entries(commands);
    const out: BatchOutcome<T> = { results: {}, errors: {}, total: {}, next: {} };
    for (let i = 0; i < entries.length; i += 50) {
      const chunk = entries.slice(i, i + 50);
      const cmd: Record<string, string> = {};
      for (const [k, c] of chunk) cmd[k] = `${c.method}?${qs.stringify(c.params ?? {}, { encodeValuesOnly: false })}`;
      const r = await this.call<{
        result?: Record<string, T> | T[];
        result_error?: Record<string, { error?: string; error_description?: string }> | unknown[];
        result_total?: Record<string, number> | unknown[];
        result_next?: Record<string, number> | unknown[];
      }>('batch', { halt: 0, cmd });
      const pick = <V>(m: unknown): Record<string, V> =>
        m && typeof m === 'object' && !Array.isArray(m)
          ? (m as Record<string, V>)
          : Array.isArray(m)
            ? Object.fromEntries(m.map((v, j) => [String(j), v as V]))
            : {};
      const results = pick<T>(r.result);
      const errors = pick<{ error?: string; error_description?: string }>(r.result_error);
      for (const [k] of chunk) {
        if (errors[k]) out.errors[k] = { code: String(errors[k].error ?? ''), description: String(errors[k].error_description ?? '') };
        else if (k in results) out.results[k] = results[k] as T;
      }
      Object.assign(out.total, pick<number>(r.result_total));
      Object.assign(out.next, pick<number>(r.result_next));
    }
    return out;
  }

  /**
   * Pages a list method through `next` (doc: list-methods-pecularities.md). Handles both plain-array
   * results and wrapped ones (`result.items`, `result.types`, …). Bounded by maxItems.
   */
  async list<T = unknown>(method: string, params: Record<string, unknown> = {}, opts: { maxItems?: number } = {}): Promise<T[]> {
    const max = opts.maxItems ?? 10_000;
    const items: T[] = [];
    let start: number | undefined = 0;
    while (start !== undefined && items.length < max) {
      const page: { result: unknown; next?: number } = await this.callRaw(method, { ...params, start });
      const rows = Array.isArray(page.result)
        ? (page.result as T[])
        : page.result && typeof page.result === 'object'
          ? ((Object.values(page.result as Record<string, unknown>).find(Array.isArray) as T[] | undefined) ?? [])
          : [];
      items.push(...rows);
      start = page.next !== undefined && page.next > (start ?? 0) ? page.next : undefined;
    }
    return items.slice(0, max);
  }
}

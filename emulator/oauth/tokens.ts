// Access/refresh tokens and authorization codes of the app (contract.md §1.5).
// Refresh tokens rotate: every refresh returns a new pair and the used refresh token stops working.
import type { EmulatorState } from '../state.js';
import type { ResolvedOptions } from '../options.js';
import { nowSec, randomToken } from '../util.js';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expires: number;
  expiresIn: number;
  userId: number;
  scope: string[];
}

export type AccessCheck = { ok: true; userId: number; scope: string[]; clientId: string } | { ok: false; reason: 'expired' | 'unknown' };

/** Code lifetime per docs: 30 seconds. */
export const AUTH_CODE_TTL_SEC = 30;
/** Expired access tokens are remembered this long so callers get expired_token, not NO_AUTH_FOUND. */
const EXPIRED_MEMORY_SEC = 7 * 86400;

export class TokenService {
  constructor(
    private readonly state: EmulatorState,
    private readonly opts: ResolvedOptions,
  ) {}

  /** `withRefresh: false` for event deliveries, which carry no refresh token: keeps the store small. */
  issue(userId: number, scope: string[], o: { withRefresh?: boolean } = {}): TokenPair {
    this.prune();
    const now = nowSec();
    const accessToken = randomToken();
    const refreshToken = randomToken();
    const clientId = this.opts.clientId;
    const expires = now + this.opts.accessTtlSec;
    this.state.tokens.access[accessToken] = { userId, clientId, scope, expiresAt: expires };
    if (o.withRefresh !== false)
      this.state.tokens.refresh[refreshToken] = { userId, clientId, scope, expiresAt: now + this.opts.refreshTtlSec };
    return { accessToken, refreshToken, expires, expiresIn: this.opts.accessTtlSec, userId, scope };
  }

  checkAccess(token: string): AccessCheck {
    const rec = this.state.tokens.access[token];
    if (!rec) return { ok: false, reason: 'unknown' };
    if (rec.expiresAt <= nowSec()) return { ok: false, reason: 'expired' };
    return { ok: true, userId: rec.userId, scope: rec.scope, clientId: rec.clientId };
  }

  /** Rotates: the old refresh token is deleted whether or not the caller keeps the new pair. */
  refresh(refreshToken: string): TokenPair | undefined {
    const rec = this.state.tokens.refresh[refreshToken];
    if (!rec) return undefined;
    delete this.state.tokens.refresh[refreshToken];
    if (rec.expiresAt <= nowSec()) return undefined;
    return this.issue(rec.userId, rec.scope);
  }

  issueCode(userId: number, state?: string): string {
    const code = randomToken();
    this.state.tokens.codes[code] = { userId, clientId: this.opts.clientId, state, expiresAt: nowSec() + AUTH_CODE_TTL_SEC };
    return code;
  }

  /** A code is single-use. */
  exchangeCode(code: string, scope: string[]): TokenPair | undefined {
    const rec = this.state.tokens.codes[code];
    if (!rec) return undefined;
    delete this.state.tokens.codes[code];
    if (rec.expiresAt <= nowSec()) return undefined;
    return this.issue(rec.userId, scope);
  }

  /** Uninstall revokes every token of the app. */
  revokeAll(): void {
    this.state.tokens.access = {};
    this.state.tokens.refresh = {};
    this.state.tokens.codes = {};
  }

  /** Test helper: make an access token expire now. */
  expireAccess(token: string): void {
    const rec = this.state.tokens.access[token];
    if (rec) rec.expiresAt = nowSec() - 1;
  }

  /**
   * Every access token issued so far expires now, as if its hour had passed: callers get the documented
   * expired_token answer and must refresh (api-reference/oauth/index.md). Refresh tokens stay valid.
   * Lets a test reach expiry on demand instead of sleeping through a short token life.
   */
  expireAllAccess(): number {
    const past = nowSec() - 1;
    let n = 0;
    for (const rec of Object.values(this.state.tokens.access)) {
      if (rec.expiresAt > past) {
        rec.expiresAt = past;
        n++;
      }
    }
    return n;
  }

  private prune(): void {
    const now = nowSec();
    const { access, refresh, codes } = this.state.tokens;
    for (const [k, v] of Object.entries(access)) if (v.expiresAt + EXPIRED_MEMORY_SEC < now) delete access[k];
    for (const [k, v] of Object.entries(refresh)) if (v.expiresAt < now) delete refresh[k];
    for (const [k, v] of Object.entries(codes)) if (v.expiresAt < now) delete codes[k];
  }
}

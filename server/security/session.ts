import { createHmac } from 'node:crypto';
import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { AppError } from '../errors.js';
import { safeEqualHex } from './crypto.js';
import { fieldText } from '../portal-client/field-text.js';

// Widget and admin sessions: a short-lived token `<payload b64url>.<hmac hex>` signed with
// SESSION_SECRET, bound to one portal, one user and optionally one deal. Stateless so that any of
// N processes can verify it; short TTL because it cannot be revoked individually (an uninstalled
// portal is refused by requireSession's status check).

export interface SessionClaims {
  portalId: string;
  userId: number;
  dealId?: number;
  isAdmin: boolean;
}

export interface Session extends SessionClaims {
  /** Issued at, seconds since the epoch: the calculator may bind only a deal created after it. */
  iat: number;
  exp: number;
}

export const SESSION_COOKIE = 'b24l_session';
const MAX_TTL_SEC = 12 * 3600;
/** Longest time after `exp` that a renewal may still present a session (session-renewal.ts). */
export const MAX_EXPIRED_GRACE_SEC = 12 * 3600;

export interface VerifyOptions {
  /**
   * Accept a session whose signature is valid but that expired at most this many seconds ago
   * (capped at MAX_EXPIRED_GRACE_SEC). Only the renewal route passes it; every other check stays strict.
   */
  expiredGraceSec?: number;
}

export interface SessionSigner {
  issue(claims: SessionClaims & { ttlSec?: number }): string;
  verify(token: string, opts?: VerifyOptions): Session | null;
  /** The CSRF token of a cookie session's user (see requireSession). */
  csrfToken(session: Pick<SessionClaims, 'portalId' | 'userId'>): string;
}

export function createSessionSigner(secret: string, defaultTtlSec = 900, now: () => number = Date.now): SessionSigner {
  const sign = (p: string) => createHmac('sha256', secret).update(p).digest('hex');
  return {
    csrfToken({ portalId, userId }) {
      // Its own prefix, so a CSRF token can never pass for a session signature or the reverse.
      return sign(`csrf/v1|${portalId}|${userId}`);
    },
    issue({ ttlSec, ...claims }) {
      const ttl = Math.min(Math.max(1, ttlSec ?? defaultTtlSec), MAX_TTL_SEC);
      const iat = Math.floor(now() / 1000);
      const body: Session = { ...claims, iat, exp: iat + ttl };
      const p = Buffer.from(JSON.stringify(body)).toString('base64url');
      return `${p}.${sign(p)}`;
    },
    verify(token, opts = {}) {
      const graceSec = Math.min(Math.max(0, opts.expiredGraceSec ?? 0), MAX_EXPIRED_GRACE_SEC);
      const dot = token.indexOf('.');
      if (dot <= 0 || token.length > 2048) return null;
      const p = token.slice(0, dot);
      if (!safeEqualHex(sign(p), token.slice(dot + 1))) return null;
      try {
        const s = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as Session;
        if (typeof s.portalId !== 'string' || typeof s.userId !== 'number' || typeof s.exp !== 'number') return null;
        // A token signed before `iat` existed has none; it is refused like any other stale token.
        if (typeof s.iat !== 'number') return null;
        if ((s.exp + graceSec) * 1000 <= now()) return null;
        return s;
      } catch {
        return null;
      }
    },
  };
}

declare module 'fastify' {
  interface FastifyInstance {
    sessions: SessionSigner;
  }
  interface FastifyRequest {
    session?: Session;
  }
}

/** Issues a session for a verified user (e.g. after verifyFramePost). Same as app.sessions.issue(). */
export function issueSession(app: { sessions: SessionSigner }, claims: SessionClaims & { ttlSec?: number }): string {
  return app.sessions.issue(claims);
}

export const CSRF_HEADER = 'x-csrf-token';

/** The session a request carries, and whether the browser sent it by itself (the cookie). */
export function readSessionCredential(req: FastifyRequest): { token: string; fromCookie: boolean } | undefined {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return { token: auth.slice(7).trim(), fromCookie: false };
  const h = req.headers['x-b24l-session'];
  if (typeof h === 'string' && h) return { token: h, fromCookie: false };
  const cookie = req.headers.cookie;
  if (cookie) {
    const m = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=([^;]+)`).exec(cookie);
    if (m?.[1]) {
      try {
        return { token: decodeURIComponent(m[1]), fromCookie: true };
      } catch {
        return undefined; // malformed %-escape: no session, not a 500
      }
    }
  }
  return undefined;
}

/** The session token a request carries: Bearer header, X-B24L-Session header or the session cookie. */
export function readSessionToken(req: FastifyRequest): string | undefined {
  return readSessionCredential(req)?.token;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF for the cookie session (the admin screen at /admin/products, signed in through
 * /auth/login): the browser attaches the cookie to any request to our origin, so a state-changing
 * request must also carry X-CSRF-Token — a synchronizer token the server wrote into that page. It is
 * an HMAC of portal and user under SESSION_SECRET: stateless (any process checks it), unforgeable
 * without the secret, and still valid after the user signs in again in another tab (the page keeps
 * working, as settings-session.test.ts expects). A double-submit cookie was not chosen: a readable
 * cookie can be planted by a sibling subdomain. Bearer and X-B24L-Session requests (the widgets in
 * the portal) are not affected: a cross-site page cannot make the browser add those headers.
 */
function checkCsrf(req: FastifyRequest, s: Session): void {
  if (SAFE_METHODS.has(req.method)) return;
  const sent = req.headers[CSRF_HEADER];
  if (typeof sent === 'string' && safeEqualHex(req.server.sessions.csrfToken(s), sent)) return;
  throw new AppError('CSRF_TOKEN_INVALID', 'cookie session without a valid CSRF token');
}

export interface RequireSessionOptions {
  /** Route param (or query key) holding a deal id that must match the session's deal, when bound. */
  dealParam?: string;
  /** Only portal administrators. */
  admin?: boolean;
}

/**
 * preHandler for routes that act for a widget/admin user. Sets `req.session`; every query the route
 * makes must then be scoped by `req.session.portalId` — never by an id taken from the request.
 */
export function requireSession(opts: RequireSessionOptions = {}): preHandlerAsyncHookHandler {
  return async function (this: unknown, req: FastifyRequest, _reply: FastifyReply) {
    const credential = readSessionCredential(req);
    const s = credential ? req.server.sessions.verify(credential.token) : null;
    if (!s) throw new AppError('SESSION_INVALID', 'missing, expired or forged session', undefined);
    const portal = await req.server.db.kysely.selectFrom('portals').select(['status']).where('id', '=', s.portalId).executeTakeFirst();
    if (!portal || portal.status === 'uninstalled') throw new AppError('SESSION_INVALID', 'portal gone', { key: 'APP_NOT_INSTALLED' });
    if (credential?.fromCookie) checkCsrf(req, s);
    if (opts.admin && !s.isAdmin) throw new AppError('FORBIDDEN', 'admin session required', { key: 'ADMIN_ONLY' });
    if (opts.dealParam && s.dealId !== undefined) {
      const params = (req.params ?? {}) as Record<string, unknown>;
      const query = (req.query ?? {}) as Record<string, unknown>;
      const raw = params[opts.dealParam] ?? query[opts.dealParam];
      if (raw !== undefined && fieldText(raw) !== String(s.dealId)) {
        throw new AppError('FORBIDDEN', 'session bound to another deal', { key: 'SESSION_OTHER_DEAL' });
      }
    }
    req.session = s;
  };
}

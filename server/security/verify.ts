import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';
import { callWithToken } from '../portal-client/direct-call.js';
import { PORTAL_MOVED } from '../portal-client/portal-move.js';
import { findPortalAuthByMemberId, findPortalByMemberId, type Portal } from '../portals/portal-repo.js';
import { safeEqualHex } from './crypto.js';

// Verification of calls that claim to come from a portal.
// doc: api-reference/events/safe-event-handlers.md — there is no signature; the application_token
// (per installation, per member_id) is the shared secret in every portal→app call.

export interface VerifiedCaller {
  portalId: string;
  memberId: string;
}

// Hot path (every event, activity and SMS call): the member_id → {id, status, hash} row is cached for
// AUTH_CACHE_MS. Only found rows are cached; install/uninstall in this process evict at once, another
// process's change is seen within AUTH_CACHE_MS (an event accepted in that window for a portal just
// uninstalled elsewhere only creates a job that then finds the portal gone).
const AUTH_CACHE_MS = 1_000;
const AUTH_CACHE_MAX = 10_000;
type AuthRow = NonNullable<Awaited<ReturnType<typeof findPortalAuthByMemberId>>>;
// Keyed by the app's Db (shared by all plugin contexts of one app; a second app has its own).
const authCache = new WeakMap<object, Map<string, { row: AuthRow; until: number }>>();

async function cachedPortalAuth(app: FastifyInstance, memberId: string): Promise<AuthRow | undefined> {
  let m = authCache.get(app.db);
  if (!m) authCache.set(app.db, (m = new Map<string, { row: AuthRow; until: number }>()));
  const now = Date.now();
  const hit = m.get(memberId);
  if (hit && hit.until > now) return hit.row;
  const row = await findPortalAuthByMemberId(app.db.kysely, memberId);
  if (row) {
    if (m.size >= AUTH_CACHE_MAX) m.clear();
    m.set(memberId, { row, until: now + AUTH_CACHE_MS });
  } else m.delete(memberId);
  return row;
}

/** Drop the cached verification row of a portal (install, update, uninstall in this process). */
export function evictPortalAuth(app: FastifyInstance, memberId: string): void {
  authCache.get(app.db)?.delete(memberId);
}

// A fixed dummy hash so an unknown member_id costs the same comparison as a known one.
const DUMMY_HASH = '0'.repeat(64);

function invalid(): AppError {
  return new AppError('INVALID_APPLICATION_TOKEN', 'application_token missing or wrong');
}

/**
 * Events, activity calls, SMS-provider calls, uninstall: `auth[member_id]` must name an installed
 * portal and `auth[application_token]` must equal (constant time) the stored one. Throws 401
 * INVALID_APPLICATION_TOKEN otherwise — callers must do nothing before this returns.
 */
export async function verifyApplicationToken(
  app: FastifyInstance,
  auth: unknown,
  opts: { allowUninstalled?: boolean } = {},
): Promise<VerifiedCaller> {
  const a = (auth && typeof auth === 'object' ? auth : {}) as Record<string, unknown>;
  const memberId = typeof a.member_id === 'string' ? a.member_id : '';
  const token = typeof a.application_token === 'string' ? a.application_token : '';
  if (!memberId || !token || memberId.length > 64 || token.length > 256) throw invalid();
  const p = await cachedPortalAuth(app, memberId);
  const ok = safeEqualHex(p?.applicationTokenHash ?? DUMMY_HASH, app.secrets.hash(token));
  if (!p || !ok || !p.applicationTokenHash) throw invalid();
  if (p.status === 'uninstalled' && !opts.allowUninstalled) throw invalid();
  return { portalId: p.id, memberId };
}

export interface FrameAuth {
  portal: Portal;
  userId: number;
  isAdmin: boolean;
  /** The user's name as `profile` gave it (NAME LAST_NAME): who signs what they send from the tab. */
  userName: string;
}

export interface FramePost {
  query: Record<string, unknown>;
  body: Record<string, unknown>;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** A user's portal access token as the frame gives it (POSTed AUTH_ID, or the SDK's getAuthData()). */
export interface UserTokenClaim {
  memberId: string;
  accessToken: string;
  /** The portal host the frame names (DOMAIN, or getAuthData().domain — an origin; the scheme is ignored). */
  domain: string;
}

/** The host part of `mycompany.bitrix24.com` or `https://mycompany.bitrix24.com/`, lower-cased. */
export function hostOf(domain: string): string {
  return domain
    .trim()
    .replace(/^https?:\/\//i, '')
    .replace(/\/+$/, '')
    .toLowerCase();
}

const frameAuthFailed = (why: string) => new AppError('PLACEMENT_AUTH_FAILED', why);

/**
 * A user token from a frame is not trusted until the portal accepts it (doc: settings/oauth/simple-way.md,
 * api-reference/widgets/crm/index.md). We call `profile` on the client endpoint we STORED for that
 * member_id (never one taken from the request), and require the claimed domain to match the stored
 * domain. Used by the placement POST and by session renewal (session-renewal.ts). A token the portal
 * rejects → 401 PLACEMENT_AUTH_FAILED.
 */
export async function verifyUserToken(app: FastifyInstance, claim: UserTokenClaim): Promise<FrameAuth> {
  const { memberId, accessToken, domain } = claim;
  if (!memberId || !accessToken || !domain) throw frameAuthFailed('member_id, access token or domain missing');
  if (memberId.length > 64 || accessToken.length > 512) throw frameAuthFailed('member_id or access token too long');
  const portal = await findPortalByMemberId(app.db.kysely, memberId);
  if (!portal || portal.status === 'uninstalled') throw frameAuthFailed('unknown portal');
  // A person waits on this: the portal's background requests hold back meanwhile (frame-gate.ts).
  return app.portalClients.frames.during(portal.id, () => verifyAt(app, portal, accessToken, domain));
}

async function verifyAt(app: FastifyInstance, stored: Portal, accessToken: string, domain: string): Promise<FrameAuth> {
  let portal = stored;
  let r = hostOf(portal.domain) === hostOf(domain) ? await profileAt(portal, accessToken) : null;
  // Another DOMAIN than the stored one, or the stored address answers "moved": the portal may have
  // been renamed (portal-move.ts). Ask the OAuth server once for its current address, then re-check.
  if (r === null || (!r.ok && r.error === PORTAL_MOVED)) {
    portal = await relocated(app, portal);
    if (hostOf(portal.domain) !== hostOf(domain)) throw frameAuthFailed('domain does not match the installed portal');
    r = await profileAt(portal, accessToken);
  }
  // Still over the portal's rate limit after the waits: busy, not a refused token — the user is told
  // to try again shortly instead of "could not verify".
  if (!r.ok && r.error === 'QUERY_LIMIT_EXCEEDED') throw new AppError('RATE_LIMITED', 'portal rate limit while verifying a frame token');
  if (!r.ok) throw frameAuthFailed(`portal rejected the access token (${r.error})`);
  const userId = Number(r.result.ID);
  if (!Number.isInteger(userId) || userId <= 0) throw frameAuthFailed('profile without user id');
  const userName = [r.result.NAME, r.result.LAST_NAME]
    .map((x) => (typeof x === 'string' ? x.trim() : ''))
    .filter(Boolean)
    .join(' ');
  return { portal, userId, isAdmin: r.result.ADMIN === true, userName };
}

// doc: api-reference/common/users/profile.md — ID, ADMIN, NAME, LAST_NAME (no scope needed).
function profileAt(portal: Portal, accessToken: string) {
  return callWithToken<{ ID?: string | number; ADMIN?: boolean; NAME?: unknown; LAST_NAME?: unknown }>(
    portal.clientEndpoint,
    'profile',
    accessToken,
  );
}

/** The portal row after asking the OAuth server where it lives now; the same row when it cannot say. */
async function relocated(app: FastifyInstance, portal: Portal): Promise<Portal> {
  if (portal.status !== 'active') return portal;
  try {
    if (!(await (await app.getPortalClient(portal.id)).relocate())) return portal;
  } catch (e) {
    app.log.warn({ err: e, portalId: portal.id }, 'portal address check failed');
    return portal;
  }
  return (await findPortalByMemberId(app.db.kysely, portal.memberId)) ?? portal;
}

/** Placement / app-page POSTs: AUTH_ID and member_id in the form body, DOMAIN in the query. */
export async function verifyFramePost(app: FastifyInstance, req: FramePost): Promise<FrameAuth> {
  return verifyUserToken(app, { memberId: str(req.body.member_id), accessToken: str(req.body.AUTH_ID), domain: str(req.query.DOMAIN) });
}

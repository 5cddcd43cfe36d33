// Silent renewal of a widget session, and binding a calculator session to the deal it just created.
//
// A widget session lives SESSION_TTL_SEC (15 min by default) and cannot be revoked, so it stays
// short. A tab kept open longer renews it: it presents the old token (an expired one is accepted
// for a bounded grace, but its signature must be ours) together with the user's CURRENT portal
// access token, freshly refreshed by the frame (doc: sdk/bx24-js-sdk/system-functions/bx24-refresh-auth.md
// — "to pass it to your own server"). The portal accepting that token proves the user is still
// signed in to Bitrix24 right now; it must name the same portal and the same user as the old
// session. Everything the new session is bound to (portal, user, deal) comes from the signed old
// session — never from the request — with one exception, the calculator's deal, below.
import { AppError, type ErrorCode } from '../errors.js';
import type { Session, SessionSigner } from './session.js';
import type { UserTokenClaim } from './verify.js';

/** How long after `exp` a session may still be renewed: a lunch break, not a week. */
export const RENEW_GRACE_SEC = 12 * 3600;
/** Clock difference we tolerate between our servers and the portal's when comparing DATE_CREATE. */
export const DEAL_CREATE_SKEW_SEC = 120;

export interface VerifiedUser {
  portalId: string;
  userId: number;
  isAdmin: boolean;
}

/** What the portal says about a deal when asked with the user's own token (crm.deal.get). */
export interface DealOrigin {
  id: number;
  createdById: number;
  /** DATE_CREATE as epoch milliseconds. */
  createdAtMs: number;
}

export interface RenewalDeps {
  sessions: SessionSigner;
  /** The portal accepts `claim.accessToken` and says whose it is (verify.ts verifyUserToken). */
  verifyUser(claim: UserTokenClaim): Promise<VerifiedUser>;
  /** crm.deal.get AS THE USER (their access token, not the app's); null when the portal refuses or has no such deal. */
  readDealAsUser(portalId: string, accessToken: string, dealId: number): Promise<DealOrigin | null>;
}

export interface RenewalRequest {
  /** The session token the widget holds (possibly expired). */
  token: string;
  frame: UserTokenClaim;
  /** Calculator only: the deal it has just created, to bind the session to. */
  dealId?: number;
}

export interface Renewed {
  token: string;
  session: Session;
}

// The user reads the table's text for each code (server/errors.ts), in their language.
const refused = (code: ErrorCode, why: string) => new AppError(code, why);

/** Renews `req.token` for the same portal, user and deal; optionally binds an unbound session to `req.dealId`. */
export async function renewSession(deps: RenewalDeps, req: RenewalRequest): Promise<Renewed> {
  const old = deps.sessions.verify(req.token, { expiredGraceSec: RENEW_GRACE_SEC });
  if (!old) throw refused('SESSION_INVALID', 'renewal: forged, malformed or long-expired session');

  const user = await deps.verifyUser(req.frame); // throws PLACEMENT_AUTH_FAILED when the portal refuses
  if (user.portalId !== old.portalId) throw refused('SESSION_PORTAL_MISMATCH', 'renewal: frame token of another portal');
  if (user.userId !== old.userId) throw refused('SESSION_USER_MISMATCH', `renewal: user ${user.userId} ≠ session user ${old.userId}`);

  const dealId = await dealFor(deps, old, req);
  const token = deps.sessions.issue({
    portalId: old.portalId,
    userId: old.userId,
    // Admin rights come from the portal's answer now: revoked rights do not survive a renewal.
    isAdmin: user.isAdmin,
    ...(dealId === undefined ? {} : { dealId }),
  });
  const session = deps.sessions.verify(token);
  if (!session) throw new AppError('INTERNAL', 'renewal: freshly issued session does not verify');
  return { token, session };
}

/**
 * The deal the renewed session is bound to.
 *
 * A bound session keeps its deal and can never be re-bound: the deal tab's binding came from the
 * portal's own verified POST (PLACEMENT_OPTIONS.ID), which is the only authority on "this card".
 *
 * An unbound session (the calculator from the deal list) may be bound once, and only to a deal that
 * (1) the USER can read — crm.deal.get with their own access token, so the portal's CRM permissions
 * decide, not our app token which sees every deal; (2) this same user created (CREATED_BY_ID —
 * ASSIGNED_BY_ID can be set to anyone and changed by others); (3) was created after the session was
 * issued (DATE_CREATE ≥ iat − skew). Together: the calculator can put a loan only on the deal it just
 * made, never on an existing deal — an existing deal's loan is edited from its own tab. Without (2)
 * and (3) a calculator token would be a key to overwrite the loan of any deal the user can see.
 */
async function dealFor(deps: RenewalDeps, old: Session, req: RenewalRequest): Promise<number | undefined> {
  if (req.dealId === undefined || req.dealId === old.dealId) return old.dealId;
  if (old.dealId !== undefined)
    throw refused('SESSION_ALREADY_BOUND', `renewal: session bound to deal ${old.dealId} asked for ${req.dealId}`);
  const denied = (why: string) => refused('DEAL_BIND_DENIED', `bind deal ${req.dealId}: ${why}`);
  const deal = await deps.readDealAsUser(old.portalId, req.frame.accessToken, req.dealId);
  if (!deal || deal.id !== req.dealId) throw denied('the user cannot read it');
  if (deal.createdById !== old.userId) throw denied(`created by user ${deal.createdById}, not ${old.userId}`);
  if (!Number.isFinite(deal.createdAtMs) || deal.createdAtMs < (old.iat - DEAL_CREATE_SKEW_SEC) * 1000)
    throw denied('created before the session was issued');
  return req.dealId;
}

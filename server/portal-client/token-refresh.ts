import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { SecretBox } from '../security/crypto.js';
import { markPortalStatus, notePortalProblem } from '../portals/portal-repo.js';
import {
  claimRefresh,
  readPortalTokens,
  releaseRefreshLock,
  storeRefreshedTokens,
  type PortalTokens,
} from '../portals/portal-token-repo.js';
import { PortalCallError, ReinstallNeeded } from './errors.js';
import { isDeadGrant, requestToken } from './oauth-token.js';
import { addressFromOAuth, type PortalAddress } from './portal-move.js';
import { domainAllowed } from '../portals/portal-domains.js';

// Refresh serialised per portal ACROSS PROCESSES. A refresh token is rotated on use: sending a used
// one gets invalid_grant and the lender must reinstall. So exactly one process may spend it:
//   read row (version v) → someone already moved past our version? use their tokens
//   → CAS claim (token_version = v, no live lease) → winner calls /oauth/token/ and stores the
//     rotated pair as version v+1 → losers poll until the version moves and use the new pair.
// The lease (LEASE_MS) outlives the OAuth request timeout, so a lease can only expire when its
// holder is gone; a crashed holder mid-request is the one case that can still lose the token.

const LEASE_MS = 15_000;
const OAUTH_TIMEOUT_MS = 10_000;
const WAIT_MS = 25_000;

export interface RefreshDeps {
  db: Kysely<Database>;
  box: SecretBox;
  oauthServer: string;
  clientId: string;
  clientSecret: string;
  owner: string;
  /** B24_PORTAL_DOMAINS: a renamed portal's new host must be one of them, as an installed one's is. */
  portalDomains?: string;
  /** Told (for the log) when a rename to a host outside portalDomains was refused: ids and host only. */
  onMoveRefused?: (portalId: string, host: string) => void;
  now?: () => number;
}

/**
 * The address the OAuth server names, unless it is a move to a host B24_PORTAL_DOMAINS does not
 * allow: the OAuth server is ours, but the portal's new name is the portal owner's choice, and the
 * install check would have refused that host — following it would let a rename do what an install may not.
 */
function allowedMove(d: RefreshDeps, stored: string | undefined, named: PortalAddress | null): { moved?: PortalAddress; refused?: string } {
  if (!named || named.clientEndpoint === stored) return named ? { moved: named } : {};
  return domainAllowed(d.portalDomains ?? '', named.domain) ? { moved: named } : { refused: named.domain };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The instant up to which we send an access token: half a second before its expiry, floored to
 * whole seconds because the SDK keeps `expires` in seconds. The portal's own clock also counts in
 * seconds, so a token must not be used up to the last millisecond.
 */
export function usableUntilMs(expiresAtMs: number): number {
  return Math.floor((expiresAtMs - 500) / 1000) * 1000;
}

/**
 * @param heldVersion version of the tokens the caller holds (0 = none)
 * @param acceptCurrentIfFresh the caller's own refresh happened moments ago: a 401 on a request that
 *        used the previous token must not spend the refresh token again.
 */
export async function refreshPortalTokens(
  d: RefreshDeps,
  portalId: string,
  heldVersion: number,
  acceptCurrentIfFresh: boolean,
): Promise<PortalTokens> {
  const now = d.now ?? Date.now;
  const deadline = now() + WAIT_MS;
  for (let i = 0; ; i++) {
    const row = await readPortalTokens(d.db, d.box, portalId);
    if (!row || row.status !== 'active' || !row.refreshToken) throw new ReinstallNeeded(portalId, `portal is ${row?.status ?? 'missing'}`);
    const fresh = usableUntilMs(row.expiresAtMs) > now() + 100;
    if (fresh && (row.version > heldVersion || acceptCurrentIfFresh)) return row;
    const leaseHeld = row.lockUntilMs !== null && row.lockUntilMs > now();
    if (!leaseHeld && (await claimRefresh(d.db, portalId, row.version, d.owner, now(), LEASE_MS))) {
      const r = await requestToken(
        d.oauthServer,
        { grant_type: 'refresh_token', client_id: d.clientId, client_secret: d.clientSecret, refresh_token: row.refreshToken },
        OAUTH_TIMEOUT_MS,
      );
      if (!r.ok) {
        if (isDeadGrant(r.error)) {
          await markPortalStatus(d.db, portalId, 'reinstall_needed', `refresh failed: ${r.error}`);
          throw new ReinstallNeeded(portalId, `refresh token rejected (${r.error})`);
        }
        await releaseRefreshLock(d.db, portalId, d.owner);
        throw new PortalCallError(r.error, 'oauth/token', 'token refresh failed', r.status);
      }
      const expiresIn = Number(r.token.expires_in ?? 3600);
      // A renamed portal: the OAuth server names the new address here (portal-move.ts).
      const { moved, refused } = allowedMove(d, row.clientEndpoint, addressFromOAuth(r.token.client_endpoint));
      const t = {
        accessToken: r.token.access_token,
        refreshToken: r.token.refresh_token,
        expiresAtMs: now() + (Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : 3600) * 1000,
        scope: r.token.scope,
        moved,
      };
      // The rotated pair is stored either way (the old refresh token is spent); a refused move keeps
      // the old address, so calls keep failing "moved" until an admin installs from an allowed host.
      await storeRefreshedTokens(d.db, d.box, portalId, row.version, d.owner, t);
      if (refused) {
        await notePortalProblem(d.db, portalId, `renamed to ${refused}, outside B24_PORTAL_DOMAINS: the old address is kept`);
        d.onMoveRefused?.(portalId, refused);
      }
      return { ...t, version: row.version + 1, clientEndpoint: t.moved?.clientEndpoint ?? row.clientEndpoint };
    }
    if (now() > deadline)
      throw new PortalCallError('REFRESH_WAIT_TIMEOUT', 'oauth/token', 'another process holds the refresh lease too long', 0);
    await sleep(Math.min(30 + i * 10, 200));
  }
}

import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';
import { loadManifest, manifestHash } from '../manifest/manifest.js';
import { reconcileManifest, type ReconcileReport } from '../manifest/reconcile.js';
import { callWithToken } from '../portal-client/direct-call.js';
import { requestToken } from '../portal-client/oauth-token.js';
import { setManifestState } from '../portals/portal-manifest-repo.js';
import { findPortalByMemberId, upsertInstalledPortal, wipePortalSecrets, type InstallData, type Portal } from '../portals/portal-repo.js';
import { deletePortalData } from './portal-data.js';
import { domainAllowed } from '../portals/portal-domains.js';
import { wipeProviderSecrets } from '../settings/settings-repo.js';
import { wipeMailPasswords } from '../mail/settings/mail-settings-repo.js';
import { evictPortalAuth } from '../security/verify.js';
import { confirmWithOAuthServer, endpointHost, isPortalAdmin, notAdmin } from './install-checks.js';

// The install flow as one straight line (ARCHITECTURE.md flow 1):
// verify the token with the portal → store the portal (tokens encrypted) → apply the manifest.
// Both install paths (frame POST, ONAPPINSTALL) and ONAPPUPDATE end here.

const applying = new Map<string, Promise<ReconcileReport>>();

// Refresh tokens this process spent proving ownership. The portal sends the same pair to both
// install paths (frame POST and ONAPPINSTALL); the one that arrives second must not store the spent
// token over the rotated pair. Per process: both paths of one install normally reach one process.
const spentRefreshTokens = new Map<string, number>();
const SPENT_TTL_MS = 10 * 60_000;
const tokenHash = (t: string) => createHash('sha256').update(t).digest('hex');
function markSpent(refreshToken: string): void {
  const now = Date.now();
  for (const [k, until] of spentRefreshTokens) if (until < now) spentRefreshTokens.delete(k);
  spentRefreshTokens.set(tokenHash(refreshToken), now + SPENT_TTL_MS);
}
function isSpent(refreshToken: string): boolean {
  return (spentRefreshTokens.get(tokenHash(refreshToken)) ?? 0) > Date.now();
}

/** What an install request proved, and which tokens may be stored from it. */
export interface VerifiedInstall {
  endpoint: string;
  userId?: number;
  isAdmin: boolean;
  /** Tokens the OAuth server issued in exchange for the posted refresh token (the posted pair is spent). */
  proven?: ProvenOwnership;
  /** The member_id was known under another domain: the portal was renamed (proven at the OAuth server). */
  renamed?: boolean;
  /** This process already exchanged the posted refresh token (the other install path won): store nothing. */
  alreadyStored?: boolean;
}

/**
 * Who may install, and which of the request's tokens may be stored:
 * - a member_id we do not know (or one uninstalled): the OAuth server must confirm the token belongs
 *   to that member_id and domain (install-checks.ts), and the portal must accept it;
 * - an installed portal (re-install, update): only a portal administrator, checked with the portal at
 *   the endpoint we stored. The posted refresh token is exchanged at the OAuth server, which must name
 *   the same member_id; only then are new tokens and a new application_token stored. A garbage refresh
 *   token is refused and nothing is stored;
 * - a known member_id under another domain: ownership proven at the OAuth server, and an administrator.
 */
export async function verifyInstallToken(
  app: FastifyInstance,
  memberId: string,
  claimedEndpoint: string,
  claimedDomain: string,
  accessToken: string,
  refreshToken?: string,
): Promise<VerifiedInstall> {
  const existing = await findPortalByMemberId(app.db.kysely, memberId);
  const installed = !!existing && existing.status !== 'uninstalled';
  // A member_id we know keeps its domain unless the claimant proves ownership at the OAuth server:
  // a portal's own app.info cannot tell which member_id it is, so whoever claimed a member_id first
  // could otherwise lock the real portal out. UNVERIFIED(b24): a renamed portal (302 to the new
  // domain, contract.md §2.1) takes the same path.
  if (existing && existing.domain.toLowerCase() !== claimedDomain.toLowerCase()) {
    const proven = await proveOwnership(app, memberId, claimedDomain, refreshToken);
    const who = await askPortal(proven.clientEndpoint, proven.accessToken);
    if (installed && !who.isAdmin) throw notAdmin();
    return { endpoint: proven.clientEndpoint, ...who, proven, renamed: true };
  }
  if (existing && installed) {
    const who = await askPortal(existing.clientEndpoint, accessToken);
    if (!who.isAdmin) throw notAdmin();
    if (refreshToken && isSpent(refreshToken)) return { endpoint: existing.clientEndpoint, ...who, alreadyStored: true };
    const proven = await proveOwnership(app, memberId, existing.domain, refreshToken);
    return { endpoint: existing.clientEndpoint, ...who, proven };
  }
  const host = endpointHost(claimedEndpoint);
  if (!host) throw new AppError('VALIDATION', 'client endpoint is not a URL', { key: 'INSTALL_BAD_REQUEST' });
  // Before we ever call an unknown host with a token, it must look like a portal we serve.
  if (!domainAllowed(app.config.B24_PORTAL_DOMAINS, host)) throw new AppError('UNAUTHORIZED', `portal domain ${host} not allowed`);
  if (host !== claimedDomain.toLowerCase()) throw new AppError('UNAUTHORIZED', 'client endpoint host differs from domain');
  await confirmWithOAuthServer(app, accessToken, memberId, claimedDomain);
  return { endpoint: claimedEndpoint, ...(await askPortal(claimedEndpoint, accessToken)) };
}

/** The portal must accept the token (app.info); profile names the user, user.admin their rights. */
async function askPortal(endpoint: string, accessToken: string): Promise<{ userId?: number; isAdmin: boolean }> {
  const info = await callWithToken<{ INSTALLED?: boolean }>(endpoint, 'app.info', accessToken);
  if (!info.ok) throw new AppError('UNAUTHORIZED', `portal rejected the install token (${info.error})`);
  const prof = await callWithToken<{ ID?: string }>(endpoint, 'profile', accessToken);
  const userId = prof.ok ? Number(prof.result.ID) : NaN;
  return { ...(Number.isInteger(userId) && userId > 0 ? { userId } : {}), isAdmin: await isPortalAdmin(endpoint, accessToken) };
}

/** Tokens the OAuth server issued for the claimed member_id and domain (the posted refresh token is spent). */
export interface ProvenOwnership {
  clientEndpoint: string;
  accessToken: string;
  refreshToken: string;
  expiresAtMs: number;
}

// Only the OAuth server (B24_OAUTH_SERVER, never a host the request names) knows which portal a
// token belongs to: exchanging the refresh token returns member_id and client_endpoint (doc:
// api-reference/oauth/index.md). The exchange rotates the pair, so callers store the returned tokens;
// a refresh token the server refuses (garbage, spent) refuses the whole request.
async function proveOwnership(
  app: FastifyInstance,
  memberId: string,
  claimedDomain: string,
  refreshToken?: string,
): Promise<ProvenOwnership> {
  const refuse = (why: string) => new AppError('UNAUTHORIZED', `install for a known member_id: ${why}`);
  if (!refreshToken) throw refuse('no refresh token to prove ownership');
  // Claimed before the exchange: the other install path, arriving meanwhile with the same pair, must
  // not try to spend it again (it would be refused) nor store it over the rotated one.
  markSpent(refreshToken);
  const res = await requestToken(app.config.B24_OAUTH_SERVER, {
    grant_type: 'refresh_token',
    client_id: app.config.B24_CLIENT_ID,
    client_secret: app.config.B24_CLIENT_SECRET,
    refresh_token: refreshToken,
  });
  if (!res.ok) {
    spentRefreshTokens.delete(tokenHash(refreshToken));
    throw refuse(`OAuth server refused the refresh token (${res.error})`);
  }
  const t = res.token;
  const host = endpointHost(t.client_endpoint ?? '');
  if (!host) throw refuse('OAuth server gave no client endpoint');
  if (t.member_id !== memberId || host !== claimedDomain.toLowerCase()) throw refuse('OAuth server names another portal');
  const expiresIn = Number(t.expires_in ?? 3600);
  return {
    clientEndpoint: t.client_endpoint!,
    accessToken: t.access_token,
    refreshToken: t.refresh_token,
    expiresAtMs: Date.now() + (Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : 3600) * 1000,
  };
}

export async function storeInstall(app: FastifyInstance, data: InstallData, v: VerifiedInstall): Promise<Portal> {
  if (v.alreadyStored) {
    const stored = await findPortalByMemberId(app.db.kysely, data.memberId);
    if (stored) return stored;
  }
  // A renamed portal (v.renamed) keeps its id and data: the OAuth server proved the same member_id, and
  // since new portals are confirmed with the OAuth server (install-checks.ts) nobody else can have
  // claimed it first. The upsert below moves the row to the new domain and endpoint.
  if (v.proven) {
    data = {
      ...data,
      clientEndpoint: v.proven.clientEndpoint,
      accessToken: v.proven.accessToken,
      refreshToken: v.proven.refreshToken,
      expiresAtMs: v.proven.expiresAtMs,
    };
  } else if (isSpent(data.refreshToken)) {
    const stored = await findPortalByMemberId(app.db.kysely, data.memberId);
    if (stored && stored.status === 'active') return stored;
  }
  const portal = await upsertInstalledPortal(app.db.kysely, app.secrets, data);
  app.portalClients.evict(portal.id);
  evictPortalAuth(app, portal.memberId);
  return portal;
}

/** Applies app.manifest.json to the portal; concurrent calls for one portal share one run. */
export async function applyManifest(app: FastifyInstance, portal: Portal, lang: string, force = false): Promise<ReconcileReport> {
  const running = applying.get(portal.id);
  if (running) return running;
  const run = (async () => {
    const manifest = loadManifest();
    const hash = manifestHash(manifest, app.config.PUBLIC_URL);
    const client = await app.portalClients.get(portal.id);
    const report = await reconcileManifest(client, {
      manifest,
      publicUrl: app.config.PUBLIC_URL,
      lang: ['ru', 'en', 'es'].includes(lang) ? lang : 'en',
      manifestChanged: force || portal.manifestHash !== hash,
      knownScheduleEntityTypeId: portal.scheduleEntityTypeId,
      // A portal stored before the installer was recorded falls back to user 1 (the portal's first admin).
      authUserId: portal.installerUserId ?? 1,
    });
    await setManifestState(app.db.kysely, portal.id, hash, report.scheduleEntityTypeId, report.planLimits);
    app.log.info(
      {
        portalId: portal.id,
        added: report.added.length,
        removed: report.removed.length,
        updated: report.updated.length,
        skipped: report.skipped,
        planLimits: report.planLimits,
      },
      'manifest applied',
    );
    return report;
  })().finally(() => applying.delete(portal.id));
  applying.set(portal.id, run);
  return run;
}

export async function uninstallPortal(app: FastifyInstance, portalId: string, clean: boolean): Promise<void> {
  // Secrets first: whatever happens to the data, the tokens and provider credentials are gone.
  await wipePortalSecrets(app.db.kysely, portalId);
  await wipeProviderSecrets(app.db.kysely, portalId);
  await wipeMailPasswords(app.db.kysely, portalId);
  const row = await app.db.kysely.selectFrom('portals').select('member_id').where('id', '=', portalId).executeTakeFirst();
  if (row) evictPortalAuth(app, row.member_id);
  if (clean) await deletePortalData(app.db.kysely, portalId);
  app.portalClients.evict(portalId);
}

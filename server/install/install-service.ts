import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';
import { loadManifest, manifestHash } from '../manifest/manifest.js';
import { reconcileManifest, type ReconcileReport } from '../manifest/reconcile.js';
import { callWithToken } from '../portal/direct-call.js';
import {
  findPortalByMemberId,
  setManifestState,
  upsertInstalledPortal,
  wipePortalSecrets,
  type InstallData,
  type Portal,
} from '../portals/portal-repo.js';
import { deletePortalData } from './portal-data.js';
import { evictPortalAuth } from '../security/verify.js';

// The install flow as one straight line (ARCHITECTURE.md flow 1):
// verify the token with the portal → store the portal (tokens encrypted) → apply the manifest.
// Both install paths (frame POST, ONAPPINSTALL) and ONAPPUPDATE end here.

/** B24_PORTAL_DOMAINS: comma-separated suffixes (".bitrix24.com") or exact hosts; empty allows any. */
export function domainAllowed(list: string, host: string): boolean {
  const rules = list
    .split(',')
    .map((r) => r.trim().toLowerCase())
    .filter(Boolean);
  if (rules.length === 0) return true;
  const h = host.toLowerCase().replace(/:\d+$/, '');
  return rules.some((r) => (r.startsWith('.') ? h.endsWith(r) && h.length > r.length : h === r));
}

const applying = new Map<string, Promise<ReconcileReport>>();

/**
 * The token must work on the portal it claims. For a portal we already know (active), only the
 * stored client endpoint is trusted — a forged install for a known member_id cannot redirect us.
 */
export async function verifyInstallToken(
  app: FastifyInstance,
  memberId: string,
  claimedEndpoint: string,
  claimedDomain: string,
  accessToken: string,
): Promise<{ endpoint: string; userId?: number; isAdmin: boolean }> {
  const existing = await findPortalByMemberId(app.db.kysely, memberId);
  let endpoint = claimedEndpoint;
  // A member_id we know keeps its domain whatever its status (reinstall_needed, uninstalled): a
  // forged install cannot move a lender's data to another host. UNVERIFIED(b24): a renamed portal
  // (302 to the new domain, contract.md §2.1) then needs an operator to update the row.
  if (existing && existing.domain.toLowerCase() !== claimedDomain.toLowerCase())
    throw new AppError('UNAUTHORIZED', 'install for a known member_id from another domain', 'Install request not authorised.');
  if (existing && existing.status === 'active') {
    endpoint = existing.clientEndpoint;
  } else {
    let host = '';
    try {
      host = new URL(claimedEndpoint).host.toLowerCase();
    } catch {
      throw new AppError('VALIDATION', 'client endpoint is not a URL', 'Bad install request.');
    }
    // Before we ever call an unknown host with a token, it must look like a portal we serve.
    if (!domainAllowed(app.config.B24_PORTAL_DOMAINS, host))
      throw new AppError('UNAUTHORIZED', `portal domain ${host} not allowed`, 'Install request not authorised.');
    if (host !== claimedDomain.toLowerCase())
      throw new AppError('UNAUTHORIZED', 'client endpoint host differs from domain', 'Install request not authorised.');
  }
  const info = await callWithToken<{ INSTALLED?: boolean }>(endpoint, 'app.info', accessToken);
  if (!info.ok) throw new AppError('UNAUTHORIZED', `portal rejected the install token (${info.error})`, 'Install request not authorised.');
  const prof = await callWithToken<{ ID?: string; ADMIN?: boolean }>(endpoint, 'profile', accessToken);
  const userId = prof.ok ? Number(prof.result.ID) : NaN;
  return { endpoint, ...(Number.isInteger(userId) && userId > 0 ? { userId } : {}), isAdmin: prof.ok && prof.result.ADMIN === true };
}

export async function storeInstall(app: FastifyInstance, data: InstallData): Promise<Portal> {
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
    });
    await setManifestState(app.db.kysely, portal.id, hash, report.scheduleEntityTypeId);
    app.log.info(
      {
        portalId: portal.id,
        added: report.added.length,
        removed: report.removed.length,
        updated: report.updated.length,
        skipped: report.skipped,
      },
      'manifest applied',
    );
    return report;
  })().finally(() => applying.delete(portal.id));
  applying.set(portal.id, run);
  return run;
}

export async function uninstallPortal(app: FastifyInstance, portalId: string, clean: boolean): Promise<void> {
  // Secrets first: whatever happens to the data, the tokens are gone.
  await wipePortalSecrets(app.db.kysely, portalId);
  const row = await app.db.kysely.selectFrom('portals').select('member_id').where('id', '=', portalId).executeTakeFirst();
  if (row) evictPortalAuth(app, row.member_id);
  if (clean) await deletePortalData(app.db.kysely, portalId);
  app.portalClients.evict(portalId);
}

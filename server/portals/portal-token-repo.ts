import type { SecretBox } from '../security/crypto.js';
import type { PortalStatus } from './tables.js';
import type { Executor } from '../db/executor.js';

// The portal's OAuth tokens: read (decrypted), and the refresh serialised across processes by a
// compare-and-swap lease on token_version (token-refresh.ts drives it).

/** AAD of a sealed `portals` column: the row and the column, so a value copied elsewhere does not open. */
export const portalAad = (id: string, col: string): string => `portals:${id}:${col}`;
const aad = portalAad;
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

export interface PortalTokens {
  accessToken: string;
  refreshToken: string;
  expiresAtMs: number;
  version: number;
  /** The portal's REST address stored beside the tokens (it moves when the portal is renamed). */
  clientEndpoint?: string;
}

export async function readPortalTokens(
  db: Executor,
  box: SecretBox,
  id: string,
): Promise<(PortalTokens & { status: PortalStatus; lockUntilMs: number | null }) | undefined> {
  const r = await db
    .selectFrom('portals')
    .select([
      'access_token_enc',
      'refresh_token_enc',
      'token_expires_at',
      'token_version',
      'status',
      'refresh_lock_until',
      'client_endpoint',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!r) return undefined;
  // Tokens that do not open (altered at rest, or copied from another portal's row) are read as none:
  // callers then answer ReinstallNeeded (409 REINSTALL_NEEDED), which is what mends it — only a new
  // install gives us tokens again — instead of a 500 from every route that touches the portal.
  const accessToken = r.access_token_enc ? box.open(r.access_token_enc, aad(id, 'access')) : undefined;
  const refreshToken = r.refresh_token_enc ? box.open(r.refresh_token_enc, aad(id, 'refresh')) : undefined;
  if (accessToken === undefined || refreshToken === undefined) {
    return {
      accessToken: '',
      refreshToken: '',
      expiresAtMs: 0,
      version: Number(r.token_version),
      clientEndpoint: r.client_endpoint,
      status: r.status,
      lockUntilMs: num(r.refresh_lock_until),
    };
  }
  return {
    accessToken,
    refreshToken,
    expiresAtMs: Number(r.token_expires_at ?? 0),
    version: Number(r.token_version),
    clientEndpoint: r.client_endpoint,
    status: r.status,
    lockUntilMs: num(r.refresh_lock_until),
  };
}

/**
 * Compare-and-swap claim of the right to refresh: succeeds for exactly one caller per token_version
 * (across processes), unless a previous holder's lease has run out.
 */
export async function claimRefresh(
  db: Executor,
  id: string,
  version: number,
  owner: string,
  nowMs: number,
  leaseMs: number,
): Promise<boolean> {
  const res = await db
    .updateTable('portals')
    .set({ refresh_lock_owner: owner, refresh_lock_until: nowMs + leaseMs })
    .where('id', '=', id)
    .where('token_version', '=', version)
    .where('status', '=', 'active')
    .where((eb) => eb.or([eb('refresh_lock_until', 'is', null), eb('refresh_lock_until', '<', nowMs)]))
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function storeRefreshedTokens(
  db: Executor,
  box: SecretBox,
  id: string,
  version: number,
  owner: string,
  t: {
    accessToken: string;
    refreshToken: string;
    expiresAtMs: number;
    /** A renamed portal: the new REST address and its host, as the OAuth server answered (portal-move.ts). */
    moved?: { clientEndpoint: string; domain: string } | undefined;
    scope?: string | undefined;
  },
): Promise<boolean> {
  const res = await db
    .updateTable('portals')
    .set({
      access_token_enc: box.encrypt(t.accessToken, aad(id, 'access')),
      refresh_token_enc: box.encrypt(t.refreshToken, aad(id, 'refresh')),
      token_expires_at: t.expiresAtMs,
      token_version: version + 1,
      refresh_lock_owner: null,
      refresh_lock_until: null,
      ...(t.scope ? { scope: t.scope } : {}),
      ...(t.moved ? { client_endpoint: t.moved.clientEndpoint, domain: t.moved.domain } : {}),
      updated_at: new Date().toISOString(),
    })
    .where('id', '=', id)
    .where('token_version', '=', version)
    .where('refresh_lock_owner', '=', owner)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function releaseRefreshLock(db: Executor, id: string, owner: string): Promise<void> {
  await db
    .updateTable('portals')
    .set({ refresh_lock_owner: null, refresh_lock_until: null })
    .where('id', '=', id)
    .where('refresh_lock_owner', '=', owner)
    .execute();
}

import type { Database } from '../db/schema.js';
import type { SecretBox } from '../security/crypto.js';
import { uuidv7 } from '../security/uuidv7.js';
import type { PortalStatus } from './tables.js';
import type { Executor } from '../db/executor.js';
import { portalAad as aad } from './portal-token-repo.js';

// Repository of installed portals: install, status, uninstall. Tokens are encrypted with the portal
// id and column as AAD; the application_token is kept as a keyed hash (compared, never read back)
// plus ciphertext. Reading and refreshing tokens: portal-token-repo.ts; manifest state and plan
// limits: portal-manifest-repo.ts.

export interface Portal {
  id: string;
  memberId: string;
  domain: string;
  clientEndpoint: string;
  serverEndpoint: string;
  status: PortalStatus;
  scope: string;
  appVersion: string | null;
  tokenVersion: number;
  tokenExpiresAtMs: number | null;
  hasApplicationToken: boolean;
  manifestHash: string | null;
  scheduleEntityTypeId: number | null;
  /** The portal user who installed the app (profile of the install token); robots run as them. */
  installerUserId: number | null;
  lastError: string | null;
  installedAt: string;
  updatedAt: string;
}

type Row = Database['portals'] extends infer T ? { [K in keyof T]: unknown } : never;

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

function toPortal(r: Row): Portal {
  return {
    id: r.id as string,
    memberId: r.member_id as string,
    domain: r.domain as string,
    clientEndpoint: r.client_endpoint as string,
    serverEndpoint: r.server_endpoint as string,
    status: r.status as PortalStatus,
    scope: (r.scope as string) ?? '',
    appVersion: (r.app_version as string | null) ?? null,
    tokenVersion: Number(r.token_version),
    tokenExpiresAtMs: num(r.token_expires_at),
    hasApplicationToken: r.application_token_hash !== null,
    manifestHash: (r.manifest_hash as string | null) ?? null,
    scheduleEntityTypeId: num(r.schedule_entity_type_id),
    installerUserId: num(r.installer_user_id),
    lastError: (r.last_error as string | null) ?? null,
    installedAt: r.installed_at as string,
    updatedAt: r.updated_at as string,
  };
}

export async function findPortalByMemberId(db: Executor, memberId: string): Promise<Portal | undefined> {
  const r = await db.selectFrom('portals').selectAll().where('member_id', '=', memberId).executeTakeFirst();
  return r ? toPortal(r) : undefined;
}

export async function findPortalById(db: Executor, id: string): Promise<Portal | undefined> {
  const r = await db.selectFrom('portals').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toPortal(r) : undefined;
}

/** For verification of portal→app calls: the stored hash and status only. */
export async function findPortalAuthByMemberId(
  db: Executor,
  memberId: string,
): Promise<{ id: string; status: PortalStatus; applicationTokenHash: string | null } | undefined> {
  const r = await db
    .selectFrom('portals')
    .select(['id', 'status', 'application_token_hash'])
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  return r ? { id: r.id, status: r.status, applicationTokenHash: r.application_token_hash } : undefined;
}

export interface InstallData {
  memberId: string;
  domain: string;
  clientEndpoint: string;
  serverEndpoint: string;
  accessToken: string;
  refreshToken: string;
  expiresAtMs: number;
  applicationToken?: string | undefined;
  scope: string;
  appVersion?: string | undefined;
  userId?: number | undefined;
}

/** Insert or refresh a portal from a verified install/update. Bumps token_version (CAS readers re-read). */
export async function upsertInstalledPortal(db: Executor, box: SecretBox, d: InstallData, now = new Date()): Promise<Portal> {
  const existing = await db.selectFrom('portals').select(['id']).where('member_id', '=', d.memberId).executeTakeFirst();
  const id = existing?.id ?? uuidv7(now.getTime());
  const iso = now.toISOString();
  const secrets = {
    access_token_enc: box.encrypt(d.accessToken, aad(id, 'access')),
    refresh_token_enc: box.encrypt(d.refreshToken, aad(id, 'refresh')),
    token_expires_at: d.expiresAtMs,
    refresh_lock_owner: null,
    refresh_lock_until: null,
  };
  const appToken = d.applicationToken
    ? {
        application_token_hash: box.hash(d.applicationToken),
        application_token_enc: box.encrypt(d.applicationToken, aad(id, 'application')),
      }
    : {};
  if (existing) {
    await db
      .updateTable('portals')
      .set((eb) => ({
        ...secrets,
        ...appToken,
        domain: d.domain,
        client_endpoint: d.clientEndpoint,
        server_endpoint: d.serverEndpoint,
        scope: d.scope,
        status: 'active' as const,
        last_error: null,
        ...(d.appVersion ? { app_version: d.appVersion } : {}),
        ...(d.userId ? { installer_user_id: d.userId } : {}),
        token_version: eb('token_version', '+', 1),
        updated_at: iso,
      }))
      .where('id', '=', id)
      .execute();
  } else {
    await db
      .insertInto('portals')
      .values({
        id,
        member_id: d.memberId,
        domain: d.domain,
        client_endpoint: d.clientEndpoint,
        server_endpoint: d.serverEndpoint,
        ...secrets,
        application_token_hash: appToken.application_token_hash ?? null,
        application_token_enc: appToken.application_token_enc ?? null,
        scope: d.scope,
        status: 'active',
        app_version: d.appVersion ?? null,
        installer_user_id: d.userId ?? null,
        manifest_hash: null,
        schedule_entity_type_id: null,
        last_error: null,
        token_version: 1,
        installed_at: iso,
        updated_at: iso,
      })
      .onConflict((oc) => oc.column('member_id').doNothing())
      .execute();
  }
  const p = await findPortalByMemberId(db, d.memberId);
  if (!p) throw new Error('portal vanished after upsert');
  return p;
}

export async function markPortalStatus(db: Executor, id: string, status: PortalStatus, lastError: string | null = null): Promise<void> {
  await db
    .updateTable('portals')
    .set({ status, last_error: lastError, refresh_lock_owner: null, refresh_lock_until: null, updated_at: new Date().toISOString() })
    .where('id', '=', id)
    .execute();
}

/** Marks the portal (last_error) without changing its status: what an admin should see, the app keeps working as it can. */
export async function notePortalProblem(db: Executor, id: string, lastError: string): Promise<void> {
  await db.updateTable('portals').set({ last_error: lastError, updated_at: new Date().toISOString() }).where('id', '=', id).execute();
}

/** Uninstall: every secret goes; the row stays (status 'uninstalled') so late calls are refused clearly. */
export async function wipePortalSecrets(db: Executor, id: string): Promise<void> {
  await db
    .updateTable('portals')
    .set((eb) => ({
      access_token_enc: null,
      refresh_token_enc: null,
      token_expires_at: null,
      application_token_hash: null,
      application_token_enc: null,
      refresh_lock_owner: null,
      refresh_lock_until: null,
      status: 'uninstalled' as const,
      manifest_hash: null,
      token_version: eb('token_version', '+', 1),
      updated_at: new Date().toISOString(),
    }))
    .where('id', '=', id)
    .execute();
}

export async function setApplicationToken(db: Executor, box: SecretBox, id: string, token: string): Promise<void> {
  await db
    .updateTable('portals')
    .set({
      application_token_hash: box.hash(token),
      application_token_enc: box.encrypt(token, aad(id, 'application')),
      updated_at: new Date().toISOString(),
    })
    .where('id', '=', id)
    .execute();
}

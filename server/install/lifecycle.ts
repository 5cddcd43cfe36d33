import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';
import { verifyApplicationToken } from '../security/verify.js';
import { findPortalByMemberId } from '../portals/portal-repo.js';
import { applyManifest, storeInstall, uninstallPortal, verifyInstallToken } from './install-service.js';
import { appStillInstalled, uninstallNotConfirmed } from './install-checks.js';

// ONAPPINSTALL / ONAPPUPDATE / ONAPPUNINSTALL (contract.md §1.3; doc: api-reference/common/events/on-app-*.md).

export interface LifecycleEvent {
  event: string;
  data?: { VERSION?: string; LANGUAGE_ID?: string; CLEAN?: string } | undefined;
  auth?: Record<string, string | undefined> | undefined;
}

const need = (auth: Record<string, string | undefined>, keys: string[]) => {
  const missing = keys.filter((k) => !auth[k]);
  if (missing.length) throw new AppError('VALIDATION', `auth block lacks ${missing.join(', ')}`, { key: 'INSTALL_BAD_REQUEST' });
};

function expiresAtMs(auth: Record<string, string | undefined>): number {
  const inSec = Number(auth.expires_in ?? 3600);
  return Date.now() + (Number.isFinite(inSec) && inSec > 0 ? inSec : 3600) * 1000;
}

export async function handleLifecycleEvent(app: FastifyInstance, ev: LifecycleEvent): Promise<{ status: string }> {
  const name = ev.event.toUpperCase();
  const auth = ev.auth ?? {};
  const lang = ev.data?.LANGUAGE_ID ?? 'en';

  if (name === 'ONAPPUNINSTALL') {
    // No tokens in this event: the stored application_token is the documented check (contract.md §1.3);
    // a portal that still answers our tokens has not uninstalled the app (install-checks.ts).
    const caller = await verifyApplicationToken(app, auth);
    if (await appStillInstalled(app, caller.portalId)) throw uninstallNotConfirmed();
    await uninstallPortal(app, caller.portalId, ev.data?.CLEAN === '1' || ev.data?.CLEAN === 'Y');
    return { status: 'uninstalled' };
  }

  if (name === 'ONAPPINSTALL' || name === 'ONAPPUPDATE') {
    need(auth, ['member_id', 'domain', 'client_endpoint', 'access_token', 'refresh_token']);
    const memberId = auth.member_id!;
    if (name === 'ONAPPUPDATE') {
      // An update is of an installed portal; who may do it (an administrator, checked with the portal)
      // is decided in verifyInstallToken. The application_token proves nothing here: every user who
      // opens the app receives it (APPLICATION_TOKEN in the frame POST, contract.md §1.2).
      const existing = await findPortalByMemberId(app.db.kysely, memberId);
      if (!existing || existing.status === 'uninstalled') throw new AppError('INVALID_APPLICATION_TOKEN', 'update for unknown portal');
    } else if (!auth.application_token) {
      throw new AppError('VALIDATION', 'ONAPPINSTALL without application_token', { key: 'INSTALL_BAD_REQUEST' });
    }
    const v = await verifyInstallToken(app, memberId, auth.client_endpoint!, auth.domain!, auth.access_token!, auth.refresh_token);
    const portal = await storeInstall(
      app,
      {
        memberId,
        domain: auth.domain!,
        clientEndpoint: v.endpoint,
        serverEndpoint: auth.server_endpoint ?? `${app.config.B24_OAUTH_SERVER}/rest/`,
        accessToken: auth.access_token!,
        refreshToken: auth.refresh_token!,
        expiresAtMs: expiresAtMs(auth),
        applicationToken: auth.application_token,
        scope: auth.scope ?? '',
        appVersion: ev.data?.VERSION,
        // The user the portal named for this token (profile), never auth[user_id] from the request.
        userId: v.userId,
      },
      v,
    );
    // An update removes the app's event handlers (doc: api-reference/events/event-bind.md): the forced
    // reconcile binds them again, ONAPPUNINSTALL included.
    await applyManifest(app, portal, lang, name === 'ONAPPUPDATE');
    return { status: 'installed' };
  }

  throw new AppError('VALIDATION', `not a lifecycle event: ${name}`, { key: 'EVENT_UNSUPPORTED' });
}

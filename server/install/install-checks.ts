import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';
import { callWithToken } from '../portal-client/direct-call.js';

// The two facts an install request cannot be trusted to state about itself: which portal its token
// belongs to (asked of the OAuth server) and whether the caller administers that portal (asked of
// the portal). Both are answered with the caller's own token, never from the request's fields.

const refused = (why: string) => new AppError('UNAUTHORIZED', why);

/** Host of an endpoint URL, lower-cased; '' when it is not a URL. */
export function endpointHost(endpoint: string): string {
  try {
    return new URL(endpoint).host.toLowerCase();
  } catch {
    return '';
  }
}

/**
 * app.info through the OAuth server's REST endpoint (B24_OAUTH_SERVER/rest/, never a host the request
 * names). doc: api-reference/oauth/simple-way.md — "to obtain a trusted status, call app.info on the
 * authorization server: oauth.bitrix.info/rest/app.info"; api-reference/common/system/app-info.md.
 * The server only knows tokens it issued for our client_id, so a token minted by a look-alike portal
 * fails here. It names the installation the token belongs to; that must be the claimed member_id and
 * domain. UNVERIFIED(b24): the `install` block (member_id, client_endpoint) beside `result` is not on
 * the doc page; without it we refuse rather than trust the request.
 * Returns the client endpoint the server names for the portal.
 */
export async function confirmWithOAuthServer(
  app: FastifyInstance,
  accessToken: string,
  memberId: string,
  claimedDomain: string,
): Promise<{ clientEndpoint: string }> {
  const server = `${app.config.B24_OAUTH_SERVER.replace(/\/+$/, '')}/rest/`;
  const r = await callWithToken<{ CODE?: string }>(server, 'app.info', accessToken);
  if (!r.ok) throw refused(`OAuth server refused the install token (${r.error})`);
  const install = r.envelope.install;
  const named = install && typeof install === 'object' ? (install as Record<string, unknown>) : {};
  if (named.member_id !== memberId) throw refused('OAuth server names another portal for this token');
  const clientEndpoint = typeof named.client_endpoint === 'string' ? named.client_endpoint : '';
  if (endpointHost(clientEndpoint) !== claimedDomain.toLowerCase()) throw refused('OAuth server names another domain for this token');
  return { clientEndpoint };
}

/**
 * Whether the token's user administers the portal, asked of the portal at an endpoint we trust.
 * doc: api-reference/common/users/user-admin.md (scope basic, any user; true for an administrator).
 */
export async function isPortalAdmin(endpoint: string, accessToken: string): Promise<boolean> {
  const r = await callWithToken<boolean>(endpoint, 'user.admin', accessToken);
  return r.ok && r.result === true;
}

/** Refusal of a re-install or update of an installed portal by someone who is not its administrator. */
export function notAdmin(): AppError {
  return new AppError(
    'INSTALL_FORBIDDEN',
    'install or update of an installed portal by a user who is not a portal administrator',
    undefined,
  );
}

/**
 * ONAPPUNINSTALL carries no tokens, and its one documented check, the application_token, is known to
 * every user who opens the app (APPLICATION_TOKEN in the frame POST, contract.md §1.2). The real event
 * arrives after the portal removed the app's API access (doc: api-reference/common/events/on-app-uninstall.md),
 * so an app.info that still answers with our stored tokens means the app is installed and the event is
 * forged. Only that positive answer refuses: no answer (network, tokens already dead) leaves the
 * application_token check alone in charge. UNVERIFIED(b24): that the portal revokes access before it
 * sends the event, not after — the doc says access is gone when the handler receives it.
 */
export async function appStillInstalled(app: FastifyInstance, portalId: string): Promise<boolean> {
  try {
    const client = await app.portalClients.get(portalId);
    await client.call('app.info');
    return true;
  } catch {
    return false;
  }
}

export function uninstallNotConfirmed(): AppError {
  return new AppError('UNINSTALL_NOT_CONFIRMED', 'ONAPPUNINSTALL while the portal still answers the app: not from the portal', undefined);
}

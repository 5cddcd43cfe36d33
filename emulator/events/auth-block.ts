// The `auth[...]` block the portal puts into every server→app call (events, install callback, robot and
// SMS handler calls). doc: _includes/auth-params-in-events.md (contract.md §1.3, §3.2). All strings on the wire.
import type { Core } from '../core.js';
import { clientEndpoint, serverEndpoint } from '../core.js';

export interface AuthBlockOptions {
  /** User whose token is sent; undefined = action without a user (robot/agent): no tokens. */
  userId?: number;
  withRefreshToken?: boolean;
  /** Send these tokens instead of issuing a fresh pair (install: same pair as the frame POST). */
  pair?: { accessToken: string; refreshToken: string; expires: number; expiresIn: number };
}

export function authBlock(core: Core, o: AuthBlockOptions): Record<string, string> {
  const app = core.state.app;
  const base: Record<string, string> = {
    domain: core.domain,
    server_endpoint: serverEndpoint(core),
    client_endpoint: clientEndpoint(core),
    member_id: core.state.portal.memberId,
    application_token: app?.applicationToken ?? '',
  };
  if (o.userId === undefined || !app) return base;
  const pair = o.pair ?? core.tokens.issue(o.userId, app.scope, { withRefresh: o.withRefreshToken === true });
  core.changed();
  const withTokens: Record<string, string> = {
    access_token: pair.accessToken,
    expires: String(pair.expires),
    expires_in: String(pair.expiresIn),
    scope: app.scope.join(','),
    domain: base.domain!,
    server_endpoint: base.server_endpoint!,
    status: app.status,
    client_endpoint: base.client_endpoint!,
    member_id: base.member_id!,
    user_id: String(o.userId),
  };
  if (o.withRefreshToken) withTokens.refresh_token = pair.refreshToken;
  withTokens.application_token = base.application_token!;
  return withTokens;
}

/** The uninstall event carries no tokens at all (contract.md §1.3). */
export function authBlockWithoutTokens(core: Core): Record<string, string> {
  return authBlock(core, {});
}

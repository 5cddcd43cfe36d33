// The OAuth server (oauth.bitrix.info in the cloud) and the portal's /oauth/authorize/ page.
// doc: settings/oauth/index.md, settings/oauth/auto-renewal.md, settings/oauth/error-codes.md (contract.md §1.5).
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Core } from '../core.js';
import { clientEndpoint, serverEndpoint } from '../core.js';
import type { TokenPair } from './tokens.js';
import { bump } from '../stats.js';
import { isRecord, toInt, toStr } from '../util.js';

export function tokenResponse(core: Core, pair: TokenPair): Record<string, unknown> {
  return {
    access_token: pair.accessToken,
    client_endpoint: clientEndpoint(core),
    // Gotcha kept from the docs: `domain` is the auth server's domain; here it is the emulator itself.
    domain: core.domain,
    expires: pair.expires,
    expires_in: pair.expiresIn,
    member_id: core.state.portal.memberId,
    refresh_token: pair.refreshToken,
    scope: pair.scope.join(','),
    server_endpoint: serverEndpoint(core),
    status: core.state.app?.status ?? core.opts.appStatus,
    user_id: pair.userId,
  };
}

// UNVERIFIED(b24): HTTP statuses of OAuth errors are not documented; b24phpsdk expects 400 invalid_grant, 401 invalid_client.
function oauthError(core: Core, reply: FastifyReply, status: number, error: string, description: string) {
  bump(core.stats.oauthErrors, error);
  return reply.code(status).send({ error, error_description: description });
}

export function registerOAuthRoutes(app: FastifyInstance, core: Core): void {
  const token = async (params: Record<string, unknown>, reply: FastifyReply) => {
    const grantType = toStr(params.grant_type);
    const clientId = toStr(params.client_id);
    const clientSecret = toStr(params.client_secret);
    if (!grantType || !clientId) return oauthError(core, reply, 400, 'invalid_request', 'Invalid request');
    const installed = core.state.app !== null;
    if (clientId !== core.opts.clientId || clientSecret !== core.opts.clientSecret || !installed) {
      return oauthError(core, reply, 401, 'invalid_client', 'Invalid client');
    }
    if (core.state.app?.paymentExpired) {
      // doc: settings/oauth/error-codes.md. UNVERIFIED(b24): the HTTP status (402 chosen).
      return oauthError(core, reply, 402, 'PAYMENT_REQUIRED', 'Payment required');
    }
    if (grantType === 'authorization_code') {
      const pair = core.tokens.exchangeCode(toStr(params.code) ?? '', core.state.app?.scope ?? []);
      if (!pair) return oauthError(core, reply, 400, 'invalid_grant', 'Invalid authorization code');
      core.stats.codeExchanges++;
      core.changed();
      return reply.send(tokenResponse(core, pair));
    }
    if (grantType === 'refresh_token') {
      const pair = core.tokens.refresh(toStr(params.refresh_token) ?? '');
      core.changed();
      if (!pair) return oauthError(core, reply, 400, 'invalid_grant', 'Invalid refresh token');
      core.stats.refreshes++;
      return reply.send(tokenResponse(core, pair));
    }
    return oauthError(core, reply, 400, 'invalid_request', 'Unsupported grant_type');
  };

  // Docs show GET with a query; b24jssdk POSTs a form (b24jssdk.md §2.2) — accept both, query and body merged.
  app.get('/oauth/token/', async (req, reply) => token(asRecord(req.query), reply));
  app.post('/oauth/token/', async (req, reply) => token({ ...asRecord(req.query), ...asRecord(req.body) }, reply));

  // The portal's consent page: no login here, the user is `user_id` (emulator extension, default the admin).
  app.get('/oauth/authorize/', async (req, reply) => {
    const q = asRecord(req.query);
    const redirect = core.opts.redirectUri;
    const appInstalled = core.state.app;
    if (toStr(q.client_id) !== core.opts.clientId || !appInstalled || !redirect) {
      // Docs: on failure the user sees an error page, no redirect.
      return reply.code(400).type('text/html').send('<h1>The application was not found or is not installed</h1>');
    }
    const userId = toInt(q.user_id) ?? 1;
    if (!core.state.users.some((u) => u.id === userId)) return reply.code(400).send('Unknown user');
    const state = toStr(q.state);
    const code = core.tokens.issueCode(userId, state);
    core.changed();
    const url = new URL(redirect);
    url.searchParams.set('code', code);
    if (state !== undefined) url.searchParams.set('state', state);
    url.searchParams.set('domain', core.domain);
    url.searchParams.set('member_id', core.state.portal.memberId);
    url.searchParams.set('scope', appInstalled.scope.join(','));
    url.searchParams.set('server_domain', core.domain);
    return reply.redirect(url.toString(), 302);
  });
}

function asRecord(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

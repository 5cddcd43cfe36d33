import oauth2, { type OAuth2Namespace } from '@fastify/oauth2';
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { AppError } from '../../errors.js';
import { callWithToken } from '../../portal-client/direct-call.js';
import { findPortalByMemberId } from '../../portals/portal-repo.js';
import { SESSION_COOKIE } from '../../security/session.js';
import { ErrorBody } from '../install/schemas.js';

// Sign-in from outside the portal (doc: settings/oauth/index.md, contract.md §1.5): the
// authorization-code flow through @fastify/oauth2. The browser goes to the PORTAL's
// /oauth/authorize/; Bitrix24 redirects back with code, state, domain and member_id; the code is
// exchanged at B24_OAUTH_SERVER. The user is then identified by calling `profile` with that token
// on the client endpoint we stored at install (never one from the redirect) → session cookie.

declare module 'fastify' {
  interface FastifyInstance {
    bitrix24OAuth2: OAuth2Namespace;
  }
}

export const authRoutes: FastifyPluginAsync = async (fastify) => {
  const c = fastify.config;
  await fastify.register(oauth2, {
    name: 'bitrix24OAuth2',
    scope: [],
    credentials: {
      client: { id: c.B24_CLIENT_ID, secret: c.B24_CLIENT_SECRET },
      auth: {
        tokenHost: c.B24_OAUTH_SERVER,
        tokenPath: '/oauth/token/',
        authorizeHost: c.B24_OAUTH_SERVER,
        authorizePath: '/oauth/authorize/',
      },
      options: { authorizationMethod: 'body' },
    },
    callbackUri: `${c.PUBLIC_URL}/auth/callback`,
    cookie: { path: '/auth', secure: c.PUBLIC_URL.startsWith('https:'), sameSite: 'lax', httpOnly: true },
  });
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/auth/login',
    {
      schema: {
        querystring: Type.Object({ portal: Type.String({ minLength: 1, maxLength: 255 }) }),
        response: { 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (req, reply) => {
      const domain = req.query.portal
        .replace(/^https?:\/\//, '')
        .replace(/\/.*$/, '')
        .toLowerCase();
      const portal = await app.db.kysely
        .selectFrom('portals')
        .select(['client_endpoint', 'status'])
        .where('domain', '=', domain)
        .where('status', '!=', 'uninstalled')
        .executeTakeFirst();
      if (!portal) throw new AppError('UNKNOWN_PORTAL', `no installed portal ${domain}`);
      const uri = new URL(await app.bitrix24OAuth2.generateAuthorizationUri(req, reply));
      const portalOrigin = new URL(portal.client_endpoint);
      uri.protocol = portalOrigin.protocol;
      uri.host = portalOrigin.host;
      return reply.redirect(uri.toString(), 302);
    },
  );

  app.get(
    '/auth/callback',
    {
      schema: {
        querystring: Type.Object({
          code: Type.String({ maxLength: 512 }),
          state: Type.String({ maxLength: 512 }),
          member_id: Type.String({ maxLength: 64 }),
          domain: Type.Optional(Type.String({ maxLength: 255 })),
        }),
        response: { 400: ErrorBody, 401: ErrorBody },
      },
    },
    async (req, reply) => {
      const portal = await findPortalByMemberId(app.db.kysely, req.query.member_id);
      if (!portal || portal.status === 'uninstalled')
        throw new AppError('UNAUTHORIZED', 'sign-in for unknown portal', { key: 'SIGN_IN_NOT_INSTALLED' });
      let accessToken: string;
      let tokenMember: unknown;
      try {
        const t = await app.bitrix24OAuth2.getAccessTokenFromAuthorizationCodeFlow(req, reply);
        accessToken = t.token.access_token;
        tokenMember = (t.token as unknown as Record<string, unknown>).member_id;
      } catch (e) {
        req.log.warn({ err: { message: e instanceof Error ? e.message : String(e) } }, 'code exchange failed');
        throw new AppError('UNAUTHORIZED', 'authorization code exchange failed', { key: 'SIGN_IN_RETRY' });
      }
      if (tokenMember !== undefined && tokenMember !== portal.memberId)
        throw new AppError('UNAUTHORIZED', 'token for another portal', { key: 'SIGN_IN_FAILED' });
      const prof = await callWithToken<{ ID?: string; ADMIN?: boolean }>(portal.clientEndpoint, 'profile', accessToken);
      if (!prof.ok || !Number(prof.result.ID))
        throw new AppError('UNAUTHORIZED', `profile check failed (${prof.ok ? 'no id' : prof.error})`, { key: 'SIGN_IN_FAILED' });
      const token = app.sessions.issue({
        portalId: portal.id,
        userId: Number(prof.result.ID),
        isAdmin: prof.result.ADMIN === true,
        ttlSec: 8 * 3600,
      });
      const secure = c.PUBLIC_URL.startsWith('https:') ? '; Secure' : '';
      return (
        reply
          .header(
            'set-cookie',
            `${SESSION_COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${8 * 3600}${secure}`,
          )
          // The settings page (products, providers); /admin/portal stays the JSON status view.
          .redirect('/admin/products', 302)
      );
    },
  );
};

import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ErrorReply } from '../../../wire/errors.js';
import { AppError } from '../../errors.js';
import { findPortalById } from '../../portals/portal-repo.js';
import { readDealAsUser } from '../../security/deal-origin.js';
import { renewSession, type RenewalDeps } from '../../security/session-renewal.js';
import { readSessionToken } from '../../security/session.js';
import { verifyUserToken } from '../../security/verify.js';

// POST /api/v1/session/renew — the widget's silent renewal (server/security/session-renewal.ts has
// the rules). The old session comes as usual (Bearer), possibly expired; the body carries the
// user's freshly refreshed frame auth (b24jssdk getAuthData() after refreshAuth()) and, from the
// calculator only, the deal it has just created.

const RenewBody = Type.Object({
  auth: Type.Object({
    accessToken: Type.String({ minLength: 1, maxLength: 512 }),
    memberId: Type.String({ minLength: 1, maxLength: 64 }),
    domain: Type.String({ minLength: 1, maxLength: 255, description: 'portal host or origin, e.g. https://x.bitrix24.com' }),
  }),
  dealId: Type.Optional(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER })),
});
const RenewReply = Type.Object({
  sessionToken: Type.String(),
  expiresAt: Type.String({ format: 'date-time' }),
  dealId: Type.Union([Type.Integer(), Type.Null()]),
});

export const sessionRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const deps: RenewalDeps = {
    sessions: app.sessions,
    verifyUser: async (claim) => {
      const a = await verifyUserToken(app, claim);
      return { portalId: a.portal.id, userId: a.userId, isAdmin: a.isAdmin };
    },
    readDealAsUser: async (portalId, accessToken, dealId) => {
      const portal = await findPortalById(app.db.kysely, portalId);
      return portal ? readDealAsUser(portal.clientEndpoint, accessToken, dealId) : null;
    },
  };

  app.post(
    '/api/v1/session/renew',
    {
      schema: {
        body: RenewBody,
        response: { 200: RenewReply, 400: ErrorReply, 401: ErrorReply, 403: ErrorReply, 502: ErrorReply },
      },
    },
    async (req, reply) => {
      const token = readSessionToken(req);
      if (!token) throw new AppError('SESSION_INVALID', 'renewal without a session');
      const { token: sessionToken, session } = await renewSession(deps, {
        token,
        frame: req.body.auth,
        ...(req.body.dealId === undefined ? {} : { dealId: req.body.dealId }),
      });
      return reply.header('cache-control', 'no-store').send({
        sessionToken,
        expiresAt: new Date(session.exp * 1000).toISOString(),
        dealId: session.dealId ?? null,
      });
    },
  );
};

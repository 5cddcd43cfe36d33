import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { AppError } from '../../errors.js';
import { findPortalById } from '../../portals/portal-repo.js';
import { requireSession } from '../../security/session.js';
import { ErrorBody } from '../install/schemas.js';

// GET /admin/portal — the signed-in admin's own portal: status (incl. reinstall_needed), scope,
// version, token freshness. Scoped by the session's portal only; no portal id is accepted.

const PortalView = Type.Object({
  memberId: Type.String(),
  domain: Type.String(),
  status: Type.String(),
  scope: Type.String(),
  appVersion: Type.Union([Type.String(), Type.Null()]),
  installedAt: Type.String(),
  updatedAt: Type.String(),
  tokenExpiresAt: Type.Union([Type.String(), Type.Null()]),
  lastError: Type.Union([Type.String(), Type.Null()]),
  scheduleEntityTypeId: Type.Union([Type.Integer(), Type.Null()]),
});

export const adminRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/admin/portal',
    {
      preHandler: requireSession({ admin: true }),
      schema: { response: { 200: PortalView, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody } },
    },
    async (req) => {
      const p = await findPortalById(app.db.kysely, req.session!.portalId);
      if (!p) throw new AppError('NOT_FOUND', 'portal row gone');
      return {
        memberId: p.memberId,
        domain: p.domain,
        status: p.status,
        scope: p.scope,
        appVersion: p.appVersion,
        installedAt: p.installedAt,
        updatedAt: p.updatedAt,
        tokenExpiresAt: p.tokenExpiresAtMs ? new Date(p.tokenExpiresAtMs).toISOString() : null,
        lastError: p.lastError,
        scheduleEntityTypeId: p.scheduleEntityTypeId,
      };
    },
  );
};

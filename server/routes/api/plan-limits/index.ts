import { ErrorReply } from '../../../../wire/errors.js';
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { PLAN_LIMITS } from '../../../portals/plan-limits.js';
import { getPlanLimits } from '../../../portals/portal-manifest-repo.js';
import { requireSession } from '../../../security/session.js';

// What the caller's portal plan does not allow the app (server/portals/plan-limits.ts), for the app
// page to tell the admin plainly. Any session of the portal may read it: it names features, no data.

const LimitsReply = Type.Object({ limits: Type.Array(Type.Union([Type.Literal(PLAN_LIMITS[0]), Type.Literal(PLAN_LIMITS[1])])) });

export const planLimitRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/v1/portal/plan-limits',
    { preHandler: requireSession(), schema: { response: { 200: LimitsReply, 401: ErrorReply, 403: ErrorReply } } },
    async (req) => ({ limits: await getPlanLimits(app.db.kysely, req.session!.portalId) }),
  );
};

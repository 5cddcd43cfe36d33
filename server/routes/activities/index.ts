import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { verifyApplicationToken } from '../../security/verify.js';
import { AuthBlock, ErrorBody, Ok } from '../install/schemas.js';
import { ACTIVITY_CODES, dealIdOf, JOB_KIND } from '../../activities/codes.js';
import { receiveCall } from '../../activities/receive.js';
import { callScriptRoutes } from './call-script.js';

// POST /activities/:code — the HANDLER of our bizproc activities/robots (contract.md §5.2; doc:
// tutorials/bizproc/activity.md). verify application_token → store keyed by (portal, event_token) →
// enqueue → 200 at once. The work and bizproc.event.send happen in the job (server/activities/jobs/).

const s = (max = 512) => Type.String({ maxLength: max });

export const ActivityCallBody = Type.Object({
  workflow_id: s(128),
  code: s(64),
  document_id: Type.Array(s(255), { maxItems: 3 }),
  document_type: Type.Optional(Type.Array(s(255), { maxItems: 3 })),
  event_token: Type.String({ minLength: 1, maxLength: 400 }),
  properties: Type.Optional(Type.Record(Type.String({ maxLength: 64 }), Type.Union([s(10_000), Type.Array(s(10_000), { maxItems: 100 })]))),
  use_subscription: Type.Optional(s(1)),
  timeout_duration: Type.Optional(s(16)),
  ts: Type.Optional(s(32)),
  auth: Type.Optional(AuthBlock),
});

export const activityRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  await app.register(callScriptRoutes);
  app.post(
    '/activities/:code',
    {
      schema: {
        params: Type.Object({ code: Type.Union(ACTIVITY_CODES.map((c) => Type.Literal(c))) }),
        body: ActivityCallBody,
        response: { 200: Ok, 400: ErrorBody, 401: ErrorBody },
      },
    },
    async (req) => {
      const caller = await verifyApplicationToken(app, req.body.auth);
      const { auth: _auth, ...request } = req.body;
      const code = req.params.code;
      await receiveCall(
        app.db.kysely,
        caller.portalId,
        { source: 'activity', code, key: req.body.event_token, dealId: dealIdOf(req.body.document_id), request },
        JOB_KIND[code],
      );
      return { status: 'ok' };
    },
  );
};

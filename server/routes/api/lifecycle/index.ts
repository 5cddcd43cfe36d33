import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AppError } from '../../../errors.js';
import { requireSession } from '../../../security/session.js';
import { listStageMaps, saveStageMap } from '../../../lifecycle/repo.js';
import { readPipelines, unknownStages } from '../../../lifecycle/pipelines.js';
import { normaliseStageMap } from '../../../lifecycle/stage-map.js';
import { stagesWithBadRoleField } from '../../../lifecycle/role-fields.js';
import { lenderPipelineRoutes } from './lender-pipeline.js';
import { CategoryParam, ErrorReply, PipelinesReply, PipelineView, StageMapSchema } from './schemas.js';

// The deal lifecycle's stage mapping per pipeline (server/lifecycle): portal administrators only.
// GET lists the portal's deal pipelines with their stages and the saved maps; PUT saves one
// pipeline's map after checking every stage it names exists in that pipeline.

const errors = { 400: ErrorReply, 401: ErrorReply, 403: ErrorReply, 404: ErrorReply, 422: ErrorReply, 502: ErrorReply };

export const lifecycleRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const admin = requireSession({ admin: true });
  // The lender-pipeline preset beside the maps it pre-fills.
  await fastify.register(lenderPipelineRoutes);

  app.get('/api/v1/settings/stage-maps', { preHandler: admin, schema: { response: { 200: PipelinesReply, ...errors } } }, async (req) => {
    const portalId = req.session!.portalId;
    const pipelines = await readPipelines(await app.portalClients.get(portalId));
    const maps = new Map((await listStageMaps(app.db.kysely, portalId)).map((m) => [m.categoryId, m.map]));
    return { pipelines: pipelines.map((p) => ({ ...p, map: maps.get(p.categoryId) ?? null })) };
  });

  app.put(
    '/api/v1/settings/stage-maps/:categoryId',
    { preHandler: admin, schema: { params: CategoryParam, body: StageMapSchema, response: { 200: PipelineView, ...errors } } },
    async (req) => {
      const s = req.session!;
      const portal = await app.portalClients.get(s.portalId);
      const pipelines = await readPipelines(portal);
      const pipeline = pipelines.find((p) => p.categoryId === req.params.categoryId);
      if (!pipeline)
        throw new AppError(
          'NOT_FOUND',
          `no deal pipeline ${req.params.categoryId}`,
          { key: 'PIPELINE_GONE' },
          {
            field: 'categoryId',
          },
        );
      const unknown = unknownStages(pipeline, req.body);
      if (unknown.length > 0)
        throw new AppError(
          'STAGE_NOT_IN_PIPELINE',
          `stages ${unknown.join(', ')} not in pipeline ${pipeline.categoryId}`,
          { key: 'STAGE_GONE' },
          { field: 'stages', stages: unknown },
        );
      const badRoles = await stagesWithBadRoleField(portal, req.body);
      if (badRoles.length > 0)
        throw new AppError('STAGE_ROLE_FIELD', `role fields of ${badRoles.join(', ')} are not employee fields`, undefined, {
          field: 'roles',
          stages: badRoles,
        });
      const map = normaliseStageMap(req.body);
      await saveStageMap(app.db.kysely, s.portalId, pipeline.categoryId, map, { userId: s.userId, nowIso: new Date().toISOString() });
      return { ...pipeline, map };
    },
  );
};

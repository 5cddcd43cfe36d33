import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { requireSession } from '../../../security/session.js';
import { enqueue } from '../../../jobs/outbox.js';
import { LIFECYCLE_JOB } from '../../../lifecycle/kinds.js';
import type { PresetPayload } from '../../../lifecycle/preset/create-pipeline.js';
import { getLenderPipeline, startRun, type LenderPipelineRow } from '../../../lifecycle/preset/preset-repo.js';
import type { LenderPipelineInfo } from '../../../../wire/stage-maps.js';
import { ErrorReply, LenderPipelineReply, LenderPipelineRequest } from './schemas.js';

// The lender-pipeline preset from the app page (server/lifecycle/preset): administrators only.
// POST asks for a run — the pipeline and its stages are written by the outbox job lifecycle.preset,
// keyed by the run, so a second click while one runs adds nothing — and answers 202; GET tells how it
// stands (the page asks again while it runs). A finished pipeline deleted in Bitrix24 since reads
// "gone" (crm.category.list, doc api-reference/crm/universal/category/crm-category-list.md).

const errors = { 400: ErrorReply, 401: ErrorReply, 403: ErrorReply, 502: ErrorReply };

/** A run not heard of for this long is taken as dead (its job's attempts ran out on a lost worker). */
const STALE_RUN_MS = 10 * 60_000;

function view(row: LenderPipelineRow | null): LenderPipelineInfo {
  if (!row) return { state: 'none', categoryId: null, error: null };
  return { state: row.state, categoryId: row.categoryId, error: row.error };
}

export const lenderPipelineRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const admin = requireSession({ admin: true });

  app.get(
    '/api/v1/settings/lender-pipeline',
    { preHandler: admin, schema: { response: { 200: LenderPipelineReply, ...errors } } },
    async (req) => {
      const portalId = req.session!.portalId;
      const row = await getLenderPipeline(app.db.kysely, portalId);
      if (row?.state !== 'done' || row.categoryId === null) return view(row);
      const portal = await app.portalClients.get(portalId);
      const cats = await portal.call<{ categories: { id: number | string }[] }>('crm.category.list', { entityTypeId: 2 });
      const there = cats.categories.some((c) => Number(c.id) === row.categoryId);
      return there ? view(row) : { ...view(row), state: 'gone' as const };
    },
  );

  app.post(
    '/api/v1/settings/lender-pipeline',
    { preHandler: admin, schema: { body: LenderPipelineRequest, response: { 202: LenderPipelineReply, ...errors } } },
    async (req, reply) => {
      const portalId = req.session!.portalId;
      const now = Date.now();
      await app.db.kysely.transaction().execute(async (trx) => {
        const run = await startRun(trx, portalId, {
          nowIso: new Date(now).toISOString(),
          staleBeforeIso: new Date(now - STALE_RUN_MS).toISOString(),
        });
        if (run === null) return;
        const payload: PresetPayload = { run, recreate: req.body.recreate === true };
        await enqueue(trx, {
          portalId,
          kind: LIFECYCLE_JOB.preset,
          idempotencyKey: `lifecycle-preset:${portalId}:${run}`,
          payload,
          maxAttempts: 5,
        });
      });
      return reply.code(202).send(view(await getLenderPipeline(app.db.kysely, portalId)));
    },
  );
};

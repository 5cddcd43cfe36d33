import type { FastifyPluginAsync } from 'fastify';
import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import { migrationsApplied } from '../../db/migrate.js';

const Status = Type.Object({ status: Type.String(), detail: Type.Optional(Type.String()) });

// /healthz: the process answers. /readyz: the database answers and every migration is applied.
export const healthRoutes: FastifyPluginAsync = async (app) => {
  app.get('/healthz', { schema: { response: { 200: Status } } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { response: { 200: Status, 503: Status } } }, async (_req, reply) => {
    try {
      await sql`select 1`.execute(app.db.kysely);
      if (!(await migrationsApplied(app.db.kysely))) return reply.code(503).send({ status: 'not-ready', detail: 'migrations pending' });
      return { status: 'ready' };
    } catch {
      return reply.code(503).send({ status: 'not-ready', detail: 'database unreachable' });
    }
  });
};

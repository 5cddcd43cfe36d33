import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { PortalClient } from '../portal/portal-client.js';

// Job handlers by kind. Features register theirs at import time:
//   registerJobHandler('deal.changed', async (job, ctx) => { const b24 = await ctx.portal(); … })
// A handler must be idempotent under its job's idempotency key (a crash after the side effect and
// before 'done' runs it again).

export interface Job<P = unknown> {
  id: string;
  portalId: string | null;
  kind: string;
  idempotencyKey: string;
  payload: P;
  attempts: number;
  maxAttempts: number;
}

export interface JobContext {
  db: Kysely<Database>;
  log: FastifyBaseLogger;
  /** The portal client of the job's portal (throws if the job has none or the portal is gone). */
  portal(): Promise<PortalClient>;
  getPortalClient(portalId: string): Promise<PortalClient>;
}

export type JobHandler<P = unknown> = (job: Job<P>, ctx: JobContext) => Promise<void>;

/** Throw this from a handler for a failure no retry can fix: the job goes straight to 'dead'. */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
}

const handlers = new Map<string, JobHandler>();

export function registerJobHandler<P = unknown>(kind: string, fn: JobHandler<P>): void {
  handlers.set(kind, fn as JobHandler);
}

export function getJobHandler(kind: string): JobHandler | undefined {
  return handlers.get(kind);
}

export function unregisterJobHandler(kind: string): void {
  handlers.delete(kind);
}

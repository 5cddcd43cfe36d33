import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { PortalClient } from '../portal-client/portal-client.js';

// What a job is and what its handler gets. Which handler runs which kind is one table,
// server/jobs/handlers.ts `jobHandlers`, built by the jobs plugin with its dependencies passed in;
// nothing registers a handler by being imported. A handler must be idempotent under its job's
// idempotency key (a crash after the side effect and before 'done' runs it again).

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

/** Job kind → its handler; the worker runs only what this table names. */
export type JobHandlers = ReadonlyMap<string, JobHandler>;

/** A table entry: the payload type stays checked where the handler is written. */
export function jobEntry<P>(kind: string, fn: JobHandler<P>): [string, JobHandler] {
  return [kind, fn as JobHandler];
}

/** Throw this from a handler for a failure no retry can fix: the job goes straight to 'dead'. */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
}

/**
 * Throw this when the job cannot run *yet* and nothing failed — another worker holds what it needs
 * (a loan's sync lease). It runs again after `delayMs` (±20 %) without spending an attempt and
 * without the failure back-off; what it waits for must be bounded by something else (a lease's expiry).
 */
export class RetryLaterError extends Error {
  override name = 'RetryLaterError';
  constructor(
    readonly delayMs: number,
    message: string,
  ) {
    super(message);
  }
}

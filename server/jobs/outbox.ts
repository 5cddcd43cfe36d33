import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Executor } from '../db/executor.js';
import { uuidv7 } from '../security/uuidv7.js';

// Transactional outbox: outbound work is written in the SAME transaction as the state change that
// causes it (the Transaction type makes the compiler enforce that). The idempotency key is unique:
// enqueuing the same key twice is a no-op, and every retry of the job reuses it downstream.

export interface EnqueueInput {
  portalId: string | null;
  kind: string;
  idempotencyKey: string;
  payload: unknown;
  maxAttempts?: number;
  /** Earliest start, epoch ms (default: now). */
  runAfterMs?: number;
}

export const DEFAULT_MAX_ATTEMPTS = 8;
const MAX_PAYLOAD_BYTES = 256 * 1024;

/** Inserts the job unless its idempotency key exists. Returns the job id and whether it is new. */
export async function enqueue(trx: Transaction<Database>, job: EnqueueInput): Promise<{ id: string; created: boolean }> {
  const payload = JSON.stringify(job.payload ?? null);
  if (payload.length > MAX_PAYLOAD_BYTES) throw new Error(`job payload too large (${payload.length} bytes)`);
  if (!job.idempotencyKey || job.idempotencyKey.length > 512) throw new Error('idempotencyKey must be 1..512 chars');
  const now = Date.now();
  const iso = new Date(now).toISOString();
  const id = uuidv7(now);
  const res = await trx
    .insertInto('outbox_jobs')
    .values({
      id,
      portal_id: job.portalId,
      kind: job.kind,
      idempotency_key: job.idempotencyKey,
      payload,
      status: 'pending',
      attempts: 0,
      max_attempts: Math.max(1, Math.min(job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS, 50)),
      run_after: job.runAfterMs ?? now,
      locked_by: null,
      locked_until: null,
      last_error: null,
      created_at: iso,
      updated_at: iso,
    })
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .executeTakeFirst();
  if (Number(res.numInsertedOrUpdatedRows ?? 0) === 1) return { id, created: true };
  const existing = await trx
    .selectFrom('outbox_jobs')
    .select('id')
    .where('idempotency_key', '=', job.idempotencyKey)
    .executeTakeFirstOrThrow();
  return { id: existing.id, created: false };
}

/**
 * Many jobs in one statement (same rules as enqueue: existing idempotency keys are skipped).
 * Used on hot paths that already batch (the event inbox). Returns how many were new.
 */
export async function enqueueMany(trx: Transaction<Database>, jobs: EnqueueInput[]): Promise<number> {
  if (jobs.length === 0) return 0;
  const now = Date.now();
  const iso = new Date(now).toISOString();
  const rows = jobs.map((job) => {
    const payload = JSON.stringify(job.payload ?? null);
    if (payload.length > MAX_PAYLOAD_BYTES) throw new Error(`job payload too large (${payload.length} bytes)`);
    if (!job.idempotencyKey || job.idempotencyKey.length > 512) throw new Error('idempotencyKey must be 1..512 chars');
    return {
      id: uuidv7(now),
      portal_id: job.portalId,
      kind: job.kind,
      idempotency_key: job.idempotencyKey,
      payload,
      status: 'pending' as const,
      attempts: 0,
      max_attempts: Math.max(1, Math.min(job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS, 50)),
      run_after: job.runAfterMs ?? now,
      locked_by: null,
      locked_until: null,
      last_error: null,
      created_at: iso,
      updated_at: iso,
    };
  });
  const res = await trx
    .insertInto('outbox_jobs')
    .values(rows)
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0);
}

/**
 * Runs a job again when a person asks (a pack document's "Retry"): the job under this key, in this
 * portal, back to pending now with its attempts from zero — only from one of the given statuses, so
 * two clicks at once revive it once. Returns whether it was revived.
 */
export async function reviveJob(
  trx: Transaction<Database>,
  portalId: string,
  idempotencyKey: string,
  from: readonly ('dead' | 'done')[],
): Promise<boolean> {
  const now = Date.now();
  const r = await trx
    .updateTable('outbox_jobs')
    .set({
      status: 'pending',
      attempts: 0,
      run_after: now,
      last_error: null,
      locked_by: null,
      locked_until: null,
      updated_at: new Date(now).toISOString(),
    })
    .where('portal_id', '=', portalId)
    .where('idempotency_key', '=', idempotencyKey)
    .where('status', 'in', [...from])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Whether the job under this key is on its first try: not run yet, or running it now. A follow-up
 * that should come after it (a client told once the deal has moved) waits while this holds, and
 * stops waiting once that try failed — it never waits out the job's retries. No such job: false.
 */
export async function isOnFirstAttempt(db: Executor, portalId: string, idempotencyKey: string): Promise<boolean> {
  const row = await db
    .selectFrom('outbox_jobs')
    .select(['status', 'attempts'])
    .where('portal_id', '=', portalId)
    .where('idempotency_key', '=', idempotencyKey)
    .executeTakeFirst();
  if (!row) return false;
  const attempts = Number(row.attempts);
  return (row.status === 'pending' && attempts === 0) || (row.status === 'running' && attempts === 1);
}

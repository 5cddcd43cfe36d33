import { createHash } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { handleLifecycleEvent } from '../../install/lifecycle.js';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { GroupCommitter } from '../../jobs/group-commit.js';
import { enqueueMany } from '../../jobs/outbox.js';
import { verifyApplicationToken } from '../../security/verify.js';
import { uuidv7 } from '../../security/uuidv7.js';
import { AuthBlock, ErrorBody, Ok } from '../install/schemas.js';
import { AppError } from '../../errors.js';
import { LIFECYCLE_JOB } from '../../lifecycle/kinds.js';

// POST /events — portal events (contract.md §3.2, §3.3; doc: api-reference/events/index.md).
// verify application_token → record (deduplicated) → enqueue a job in the same transaction → 200.
// The 200 is sent only after the commit: an acknowledged event is never lost.
// Bitrix24 never retries a delivery, so the work happens in the job, not in this request.

const EventBody = Type.Object({
  event: Type.String({ maxLength: 64, minLength: 1 }),
  event_handler_id: Type.Optional(Type.String({ maxLength: 32 })),
  data: Type.Optional(Type.Unknown()),
  ts: Type.Optional(Type.String({ maxLength: 32 })),
  auth: Type.Optional(AuthBlock),
});

const LIFECYCLE = new Set(['ONAPPINSTALL', 'ONAPPUPDATE', 'ONAPPUNINSTALL']);

const DEAL_EVENTS = new Set(['ONCRMDEALADD', 'ONCRMDEALUPDATE', 'ONCRMDEALDELETE']);

/**
 * The deal id of a deal event: `data[FIELDS][ID]`, digits only (api-reference/crm/deals/events/
 * on-crm-deal-update.md). Anything else — padded, an array, missing — is refused before it is
 * recorded, instead of queuing a job for deal NaN.
 */
function dealIdOfEvent(data: unknown): number {
  const fields = data && typeof data === 'object' ? (data as { FIELDS?: unknown }).FIELDS : undefined;
  const id = fields && typeof fields === 'object' ? (fields as Record<string, unknown>).ID : undefined;
  if (typeof id === 'number' && Number.isSafeInteger(id) && id >= 0) return id; // a JSON delivery
  if (typeof id !== 'string' || !/^\d{1,16}$/.test(id))
    throw new AppError('VALIDATION', 'deal event without a deal id', { key: 'EVENT_DEAL_ID' }, { field: 'data.FIELDS.ID' });
  return Number(id);
}

/** Job kind and payload for an event: deal events carry only the id (contract.md §3.2). */
export function jobForEvent(event: string, data: unknown): { kind: string; payload: Record<string, unknown> } {
  if (event === 'ONCRMDEALADD' || event === 'ONCRMDEALUPDATE')
    return { kind: 'deal.changed', payload: { event, dealId: dealIdOfEvent(data) } };
  if (event === 'ONCRMDEALDELETE') return { kind: 'deal.deleted', payload: { event, dealId: dealIdOfEvent(data) } };
  // The offline queue changed (doc: api-reference/events/on-offline-event.md): drain it (server/lifecycle).
  if (event === 'ONOFFLINEEVENT') return { kind: LIFECYCLE_JOB.drain, payload: { event } };
  return { kind: 'portal.event', payload: { event, data: data ?? null } };
}

interface InboxItem {
  portalId: string;
  event: string;
  dedupeKey: string;
  job: { kind: string; payload: Record<string, unknown> };
}

/**
 * Records each event once and enqueues its job in the same transaction (shared by concurrent
 * requests): one multi-row insert per table, RETURNING tells which events are new.
 */
async function writeInbox(trx: Transaction<Database>, items: InboxItem[]): Promise<void> {
  const now = new Date().toISOString();
  const unique = [...new Map(items.map((it) => [it.dedupeKey, it])).values()];
  const fresh = await trx
    .insertInto('inbound_events')
    .values(unique.map((it) => ({ id: uuidv7(), portal_id: it.portalId, event: it.event, dedupe_key: it.dedupeKey, received_at: now })))
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('dedupe_key')
    .execute();
  const isNew = new Set(fresh.map((r) => r.dedupe_key));
  await enqueueMany(
    trx,
    unique
      .filter((it) => isNew.has(it.dedupeKey))
      .map((it) => ({ portalId: it.portalId, kind: it.job.kind, idempotencyKey: `event:${it.dedupeKey}`, payload: it.job.payload })),
  );
}

export const eventRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  // Group commit: under load many events share one transaction (one fsync on SQLite).
  const inbox = new GroupCommitter<InboxItem>(app.db.kysely, writeInbox);
  app.post('/events', { schema: { body: EventBody, response: { 200: Ok, 400: ErrorBody, 401: ErrorBody } } }, async (req) => {
    const event = req.body.event.toUpperCase();
    if (LIFECYCLE.has(event)) {
      const data = req.body.data && typeof req.body.data === 'object' ? (req.body.data as Record<string, string>) : undefined;
      return handleLifecycleEvent(app, { event, data, auth: req.body.auth });
    }
    const caller = await verifyApplicationToken(app, req.body.auth);
    if (DEAL_EVENTS.has(event)) dealIdOfEvent(req.body.data);
    // Same delivery twice (a proxy retry) → same key → recorded and enqueued once.
    const dedupeKey = createHash('sha256')
      .update(
        `${caller.portalId}|${event}|${req.body.event_handler_id ?? ''}|${req.body.ts ?? ''}|${JSON.stringify(req.body.data ?? null)}`,
      )
      .digest('base64url');
    await inbox.submit({ portalId: caller.portalId, event, dedupeKey, job: jobForEvent(event, req.body.data) });
    return { status: 'ok' };
  });
};

import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { uuidv7 } from '../security/uuidv7.js';
import type { ActivityCallSource, ActivityCallStatus, ActivityCallsTable } from './tables.js';

// Repository of activity_calls: snake_case rows ↔ ActivityCall values, every query scoped by portal.

export interface ActivityCall {
  portalId: string;
  id: string;
  source: ActivityCallSource;
  code: string;
  key: string;
  dealId: number | null;
  request: Record<string, unknown>;
  status: ActivityCallStatus;
  result: Record<string, unknown> | null;
  answers: Record<string, unknown> | null;
  error: string | null;
  /** Log line of the workflow's answer, stored with the result. */
  reportLog: string | null;
  createdAt: string;
  updatedAt: string;
}

const parse = (s: string | null): Record<string, unknown> | null => (s ? (JSON.parse(s) as Record<string, unknown>) : null);

export function toActivityCall(r: ActivityCallsTable): ActivityCall {
  return {
    portalId: r.portal_id,
    id: r.id,
    source: r.source,
    code: r.code,
    key: r.call_key,
    dealId: r.deal_id === null ? null : Number(r.deal_id),
    request: parse(r.request) ?? {},
    status: r.status,
    result: parse(r.result),
    answers: parse(r.answers),
    error: r.error,
    reportLog: r.report_log ?? null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export interface NewCall {
  source: ActivityCallSource;
  code: string;
  key: string;
  dealId: number | null;
  request: Record<string, unknown>;
}

/** Inserts the call unless (portal, source, key) exists; returns the stored row and whether it is new. */
export async function insertCall(
  trx: Transaction<Database>,
  portalId: string,
  c: NewCall,
): Promise<{ call: ActivityCall; created: boolean }> {
  const iso = new Date().toISOString();
  const res = await trx
    .insertInto('activity_calls')
    .values({
      portal_id: portalId,
      id: uuidv7(),
      source: c.source,
      code: c.code,
      call_key: c.key,
      deal_id: c.dealId,
      request: JSON.stringify(c.request),
      status: 'received',
      result: null,
      answers: null,
      error: null,
      report_log: null,
      created_at: iso,
      updated_at: iso,
    })
    .onConflict((oc) => oc.columns(['portal_id', 'source', 'call_key']).doNothing())
    .executeTakeFirst();
  const row = await trx
    .selectFrom('activity_calls')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('source', '=', c.source)
    .where('call_key', '=', c.key)
    .executeTakeFirstOrThrow();
  return { call: toActivityCall(row), created: Number(res.numInsertedOrUpdatedRows ?? 0) === 1 };
}

export async function getCall(db: Kysely<Database>, portalId: string, id: string): Promise<ActivityCall | null> {
  const row = await db.selectFrom('activity_calls').selectAll().where('portal_id', '=', portalId).where('id', '=', id).executeTakeFirst();
  return row ? toActivityCall(row) : null;
}

export async function listDealCalls(db: Kysely<Database>, portalId: string, dealId: number, code: string): Promise<ActivityCall[]> {
  const rows = await db
    .selectFrom('activity_calls')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('deal_id', '=', dealId)
    .where('code', '=', code)
    .orderBy('id', 'desc')
    .limit(20)
    .execute();
  return rows.map(toActivityCall);
}

export interface CallPatch {
  status?: ActivityCallStatus;
  result?: Record<string, unknown> | null;
  answers?: Record<string, unknown> | null;
  error?: string | null;
  reportLog?: string | null;
}

/** Updates a call; with `from` only while it is in one of those statuses. Returns whether a row changed. */
export async function updateCall(
  db: Kysely<Database>,
  portalId: string,
  id: string,
  patch: CallPatch,
  from?: ActivityCallStatus[],
): Promise<boolean> {
  let q = db
    .updateTable('activity_calls')
    .set({
      ...(patch.status ? { status: patch.status } : {}),
      ...(patch.result !== undefined ? { result: patch.result === null ? null : JSON.stringify(patch.result) } : {}),
      ...(patch.answers !== undefined ? { answers: patch.answers === null ? null : JSON.stringify(patch.answers) } : {}),
      ...(patch.error !== undefined ? { error: patch.error } : {}),
      ...(patch.reportLog !== undefined ? { report_log: patch.reportLog } : {}),
      updated_at: new Date().toISOString(),
    })
    .where('portal_id', '=', portalId)
    .where('id', '=', id);
  if (from) q = q.where('status', 'in', from);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

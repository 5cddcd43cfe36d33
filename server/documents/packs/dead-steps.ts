// A pack step whose job died in the outbox (a dead letter) is not pending any more: the views show it
// failed and offer Retry (retry-document.ts revives the job). Read-only: the rows keep what was written.
import type { Executor } from '../../db/executor.js';
import type { PackView } from '../../../wire/document-packs.js';
import { deliverJobKey, fillJobKey } from './job-keys.js';
import { isDelivered, type DocRow, type PackRow } from './pack-repo.js';

/** A row as the views show it: a step whose job died is shown failed, and a failed step offers Retry. */
export type ShownRow = DocRow & { retryable?: true };

/** The jobs of still-open packs that died in the outbox (dead letters): a pack's fill, a document's delivery. */
export type DeadJobs = ReadonlySet<string>;

export async function deadJobs(db: Executor, portalId: string, packs: readonly PackRow[], docs: readonly DocRow[]): Promise<DeadJobs> {
  const open = new Set(packs.filter((p) => p.status === 'queued' || p.status === 'generating').map((p) => p.id));
  if (open.size === 0) return new Set();
  const keys = [
    ...[...open].map(fillJobKey),
    ...docs
      .filter((d) => open.has(d.pack_id) && d.status === 'done' && !isDelivered(d))
      .map((d) => deliverJobKey(d.pack_id, Number(d.idx))),
  ];
  // The outbox is the one cross-portal table; its portal_id still scopes this read.
  const rows = await db
    .selectFrom('outbox_jobs')
    .select('idempotency_key')
    .where('portal_id', '=', portalId)
    .where('status', '=', 'dead')
    .where('idempotency_key', 'in', keys)
    .execute();
  return new Set(rows.map((r) => r.idempotency_key));
}

/**
 * A document whose job died is not pending any more: a pack whose fill died shows its unfilled
 * documents failed; a document whose delivery died stays downloadable, its preview unavailable, with
 * the reason. Either offers Retry, as does an attachment the portal refused.
 */
export function shownRow(d: DocRow, dead: DeadJobs): ShownRow {
  if (d.status === 'pending' && dead.has(fillJobKey(d.pack_id)))
    return { ...d, status: 'failed', preview: 'unavailable', message_code: 'DOCUMENT_FILL_GAVE_UP', message_params: null, retryable: true };
  if (d.status === 'done' && !isDelivered(d) && dead.has(deliverJobKey(d.pack_id, Number(d.idx))))
    return {
      ...d,
      preview: d.preview === 'pending' ? 'unavailable' : d.preview,
      attach_state: 'failed',
      message_code: 'DOCUMENT_DELIVERY_GAVE_UP',
      message_params: null,
      retryable: true,
    };
  return d.status === 'done' && d.attach_state === 'failed' ? { ...d, retryable: true } : d;
}

/** The pack's status as its shown documents make it (a pack whose last open step died is final). */
export function shownStatus(p: PackRow, docs: readonly DocRow[]): PackView['status'] {
  if (p.status !== 'queued' && p.status !== 'generating') return p.status as PackView['status'];
  if (docs.length === 0 || !docs.every(isDelivered)) return p.status;
  return docs.every((d) => d.status === 'failed') ? 'failed' : 'done';
}

import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { enqueue } from '../jobs/outbox.js';
import type { PortalClient } from '../portal-client/portal-client.js';
import { LIFECYCLE_JOB } from './kinds.js';
import { lifecycleMessage, type Lang, type LifecycleMessage } from './messages.js';
import { stageEntityId } from './pipelines.js';
import type { ApplyPayload } from './process-deal.js';

// A lifecycle note on the deal's timeline, exactly once per transition and message.
// Why its own outbox job rather than a call inside `lifecycle.apply`: the apply job does several
// steps (the loan, the payout) and any later failure reran the whole job — and with it
// crm.timeline.comment.add, which has no idempotency key. Here the apply job only enqueues the note
// under the key (transition, message), so its reruns add nothing; the note job makes one call, and
// when it runs again (a crash or a timeout after the portal may have stored the comment) it first
// reads the deal's latest comments and adds nothing if the same text is there — ask before retry,
// as payouts do. A deal_lifecycle column would need a migration and still could not tell whether a
// call cut short had reached the portal.

export interface CommentPayload {
  dealId: number;
  categoryId: number;
  stageId: string;
  message: LifecycleMessage;
  lang?: Lang;
}

/** Queues the note of a transition; the same transition and message queue it once (idempotency key). */
export async function queueComment(
  db: Kysely<Database>,
  portalId: string,
  p: ApplyPayload,
  lang: Lang | undefined,
  message: LifecycleMessage,
): Promise<void> {
  const payload: CommentPayload = { dealId: p.dealId, categoryId: p.categoryId, stageId: p.stageId, message, ...(lang ? { lang } : {}) };
  await db.transaction().execute((trx) =>
    enqueue(trx, {
      portalId,
      kind: LIFECYCLE_JOB.comment,
      idempotencyKey: `lifecycle-comment:${portalId}:${p.transitionId}:${message}`,
      payload,
    }),
  );
}

/**
 * The stage as people see it in the pipeline (its NAME), the id when the portal no longer has it.
 * doc: api-reference/crm/status/crm-status-list.md (ENTITY_ID DEAL_STAGE[_<categoryId>], STATUS_ID).
 */
export async function stageName(portal: Pick<PortalClient, 'call'>, categoryId: number, stageId: string): Promise<string> {
  const rows = await portal.call<{ STATUS_ID: string; NAME: string }[]>('crm.status.list', {
    filter: { ENTITY_ID: stageEntityId(categoryId), STATUS_ID: stageId },
  });
  const name = rows.find((r) => r.STATUS_ID === stageId)?.NAME?.trim();
  return name || stageId;
}

/** Adds the note; `retry`: the job ran before and may have added it already. */
export async function postComment(
  portal: Pick<PortalClient, 'call'>,
  p: CommentPayload,
  retry: boolean,
): Promise<'added' | 'already there'> {
  const text = lifecycleMessage(p.message, p.lang, await stageName(portal, p.categoryId, p.stageId));
  return addCommentOnce(portal, p.dealId, text, retry);
}

/**
 * A comment on the deal's timeline that a rerun of its job does not add twice: on a retry (the job
 * ran before and may have added it before a crash or a timeout) the deal's latest comments are read
 * first and the same text there means done. Every job that writes a note (lifecycle, the mail jobs)
 * goes through here.
 */
export async function addCommentOnce(
  portal: Pick<PortalClient, 'call'>,
  dealId: number,
  text: string,
  retry: boolean,
): Promise<'added' | 'already there'> {
  if (retry) {
    // doc: api-reference/crm/timeline/comments/crm-timeline-comment-list.md — one page of 50, newest
    // first: a note added by the cut-short run is among them (our notes are rare on a deal).
    const latest = await portal.call<{ COMMENT?: string }[]>('crm.timeline.comment.list', {
      filter: { ENTITY_ID: dealId, ENTITY_TYPE: 'deal' },
      select: ['ID', 'COMMENT'],
      order: { ID: 'DESC' },
    });
    if (latest.some((c) => c.COMMENT === text)) return 'already there';
  }
  // doc: api-reference/crm/timeline/comments/crm-timeline-comment-add.md
  await portal.call('crm.timeline.comment.add', { fields: { ENTITY_ID: dealId, ENTITY_TYPE: 'deal', COMMENT: text } });
  return 'added';
}

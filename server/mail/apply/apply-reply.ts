import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Trx } from '../../db/executor.js';
import { enqueue } from '../../jobs/outbox.js';
import { readDealAndStages, type DealSnapshot } from '../../lifecycle/deal-reader.js';
import { LIFECYCLE_JOB } from '../../lifecycle/kinds.js';
import type { MovePayload } from '../../lifecycle/loan-stage.js';
import type { ApplyPayload } from '../../lifecycle/process-deal.js';
import { casDealLifecycle, getDealLifecycle, insertDealLifecycle, insertTransition, listStageMaps } from '../../lifecycle/repo.js';
import type { StageMap } from '../../lifecycle/stage-map.js';
import type { PortalClient } from '../../portal-client/portal-client.js';
import { decisionTarget, noticeKey, pendingBanks } from './decision-stage.js';
import { MAIL_REPLY_JOB, type NoticeChannel, type NoticePayload, type TodoPayload } from './kinds.js';
import { banksSentToOfDeal } from '../outgoing/bank-messages-repo.js';
import {
  decideReply,
  getReply,
  insertNotice,
  rejectedBanksOfDeal,
  sendToReview,
  type ReplyOutcome,
  type StoredReply,
} from './reply-repo.js';

// Applies one recorded reply's decision (the `mail.reply.apply` job: a reply that passed every check
// by itself, or one a person clicked Apply on in the review queue). Reads the deal and its pipeline,
// asks decision-stage.ts where it goes and whether it still may, then in ONE transaction: records the
// decision under its notice key (deal, bank, decision, amount), marks the reply applied, records the
// app's own stage on the deal's lifecycle row and queues the move (the lifecycle's `lifecycle.move`:
// crm.deal.update with our auth_connector, so the write does not come back as an offline event) and
// the notices (timeline comment, client SMS and e-mail). A second reply with the same decision, or a
// forward of it, finds the key taken: it is marked applied as a copy and nothing else happens. A deal
// no longer before the decision sends the reply to review with the reason, and a to-do. A rejection
// while other banks the application went to have not rejected is recorded without a move (its
// comment names them); the last bank's rejection moves the deal.

export type ApplyOutcome = 'not-pending' | 'not-applicable' | 'review' | 'duplicate' | 'applied' | 'raced';

export async function applyReply(
  db: Kysely<Database>,
  portal: Pick<PortalClient, 'batch' | 'list'>,
  portalId: string,
  replyId: string,
  by: { userId: number | null; now: () => Date },
): Promise<ApplyOutcome> {
  const reply = await getReply(db, portalId, replyId);
  if (!reply || reply.status !== 'pending') return 'not-pending';
  if (reply.dealId === null || reply.bankId === null || reply.decision === null) return 'not-applicable';
  // The deal and its pipeline's stages in one request of the portal's 2 req/s: the move that
  // follows is the one a person waits for. Only pipelines with a bank-decision stage can apply.
  const maps = (await listStageMaps(db, portalId)).filter((m) => m.map.bankDecision);
  const read = await readDealAndStages(
    portal,
    reply.dealId,
    maps.map((m) => m.categoryId),
  );
  if (!read) return toReview(db, portalId, reply, 'deal-not-found');
  const { deal, stages } = read;
  const map = maps.find((m) => m.categoryId === deal.categoryId)?.map ?? null;
  const phase = (await getDealLifecycle(db, portalId, deal.id))?.phase ?? null;
  const at = { stageId: deal.stageId, phase };
  const refused = decisionTarget(map, stages, at, reply.decision);
  if ('refusal' in refused) return toReview(db, portalId, reply, refused.refusal);

  const nowIso = by.now().toISOString();
  const key = noticeKey({ dealId: deal.id, bankId: reply.bankId, decision: reply.decision, amount: reply.amount });
  return db.transaction().execute(async (trx) => {
    // Which other banks are still deciding is read inside the transaction, after holding the deal's
    // sent messages, so that two banks' rejections applied at once cannot each wait for the other.
    const waiting = reply.decision === 'rejected' ? await stillDeciding(trx, portalId, deal.id, reply.bankId!) : [];
    const target = decisionTarget(map, stages, at, reply.decision!, waiting);
    if ('refusal' in target) throw new Error('unreachable: a refusal does not depend on the other banks');
    const fresh = await insertNotice(
      trx,
      portalId,
      {
        noticeKey: key,
        replyId: reply.id,
        dealId: deal.id,
        bankId: reply.bankId!,
        decision: reply.decision!,
        amount: reply.amount,
        currency: reply.currency,
        emailMessageId: `<decision-${reply.id}@b24-lending>`,
      },
      nowIso,
    );
    const outcome: ReplyOutcome = fresh
      ? { stageId: target.move ? target.stageId : null, noticeKey: key, ...(target.waitingFor ? { waitingFor: target.waitingFor } : {}) }
      : { duplicateOf: key };
    if (!(await decideReply(trx, portalId, reply.id, 'applied', { userId: by.userId, nowIso, outcome }))) throw new RacedError();
    if (!fresh) return 'duplicate';
    if (target.move) await recordMove(trx, portalId, deal, target.stageId, map!, nowIso, reply.id);
    const channels: NoticeChannel[] = reply.decision === 'rejected' ? ['comment'] : ['comment', 'sms', 'email'];
    for (const channel of channels) {
      const payload: NoticePayload = { replyId: reply.id, noticeKey: key, channel };
      await enqueue(trx, { portalId, kind: MAIL_REPLY_JOB.notice, idempotencyKey: `mail-notice:${portalId}:${key}:${channel}`, payload });
    }
    return 'applied';
  });
}

/**
 * The other banks this deal's application went to that have not rejected it (read by portal). The
 * sent messages are locked first (banksSentToOfDeal): a second rejection of the same deal waits for
 * the first to commit and then sees its notice.
 */
async function stillDeciding(trx: Trx, portalId: string, dealId: number, bankId: string): Promise<string[]> {
  const sent = await banksSentToOfDeal(trx, portalId, dealId);
  return pendingBanks(sent, await rejectedBanksOfDeal(trx, portalId, dealId), bankId);
}

/** The `lifecycle.move` job of a reply's decision (transition `mail:<reply>`); notice-job.ts waits for its first try. */
export function decisionMoveKey(portalId: string, replyId: string): string {
  return `lifecycle-move:${portalId}:mail:${replyId}`;
}

/** Two appliers of one reply: the loser's transaction is rolled back and it reports 'raced'. */
class RacedError extends Error {}

export async function applyReplyOnce(...args: Parameters<typeof applyReply>): Promise<ApplyOutcome> {
  try {
    return await applyReply(...args);
  } catch (e) {
    if (e instanceof RacedError) return 'raced';
    throw e;
  }
}

async function toReview(db: Kysely<Database>, portalId: string, reply: StoredReply, reason: string): Promise<ApplyOutcome> {
  await db.transaction().execute(async (trx) => {
    await sendToReview(trx, portalId, reply, reason);
    const payload: TodoPayload = { replyId: reply.id };
    await enqueue(trx, { portalId, kind: MAIL_REPLY_JOB.todo, idempotencyKey: `mail-todo:${portalId}:${reply.id}`, payload });
  });
  return 'review';
}

/**
 * The app's own move on the deal's lifecycle row (written_stage_id: the loan side may move it on from
 * there, decide.ts mayMove), the transition, the move job, and — when the decision's stage also drives
 * the loan (e.g. mapped to OFFER_FIXED) — that stage event, as if a person had moved the deal there:
 * our write carries the auth_connector, so the offline queue will not tell the lifecycle about it.
 */
async function recordMove(trx: Trx, portalId: string, deal: DealSnapshot, stageId: string, map: StageMap, nowIso: string, replyId: string) {
  let row = await getDealLifecycle(trx, portalId, deal.id);
  if (!row) {
    await insertDealLifecycle(trx, portalId, { dealId: deal.id, categoryId: deal.categoryId, stageId: deal.stageId, nowIso });
    row = (await getDealLifecycle(trx, portalId, deal.id))!;
  }
  const event = map.onStage[stageId];
  const ok = await casDealLifecycle(
    trx,
    portalId,
    deal.id,
    { stageId: row.stageId, loanMark: row.loanMark },
    { stageId, writtenStageId: stageId, ...(event ? { phase: event } : {}), nowIso },
  );
  if (!ok) throw new Error(`deal ${deal.id} changed while its bank decision was applied`);
  const transitionId = `mail:${replyId}`;
  await insertTransition(trx, portalId, {
    id: transitionId,
    dealId: deal.id,
    direction: 'stage',
    what: 'bank-decision',
    from: deal.stageId,
    to: stageId,
    nowIso,
  });
  const move: MovePayload = { dealId: deal.id, stageId, transitionId };
  await enqueue(trx, { portalId, kind: LIFECYCLE_JOB.move, idempotencyKey: decisionMoveKey(portalId, replyId), payload: move });
  if (!event) return;
  const apply: ApplyPayload = { dealId: deal.id, event, stageId, categoryId: deal.categoryId, on: nowIso.slice(0, 10), transitionId };
  await enqueue(trx, {
    portalId,
    kind: LIFECYCLE_JOB.apply,
    idempotencyKey: `lifecycle-apply:${portalId}:${transitionId}`,
    payload: apply,
  });
}

import { loadDealContext } from '../../activities/deal-context.js';
import type { ActivityDeps } from '../../activities/deps.js';
import { ProviderNotConfigured } from '../../activities/providers.js';
import { languageFor } from '../../activities/sms-templates.js';
import { AppError } from '../../errors.js';
import { enqueueSmsSend, requestSms } from '../../integrations/sms/sending/index.js';
import { PermanentJobError, RetryLaterError, type Job, type JobContext } from '../../jobs/job.js';
import { isOnFirstAttempt } from '../../jobs/outbox.js';
import { readPipelineStages } from '../../lifecycle/pipelines.js';
import { getStageMap } from '../../lifecycle/repo.js';
import { findBankByTag } from '../bank-lookup.js';
import { isoDay } from '../../loans/operations/deps.js';
import type { OutgoingMail } from '../outgoing/outgoing-mail.js';
import { clientNotice } from './client-notice.js';
import { decisionComment } from './decision-comment.js';
import type { NoticePayload } from './kinds.js';
import { getNotice, getReply, markEmailSent } from './reply-repo.js';
import { decisionMoveKey } from './apply-reply.js';
import { addCommentOnce } from '../../lifecycle/timeline-comment.js';

// One notice of an applied decision (`mail.reply.notice`), queued once per (decision, channel) in the
// transaction that applied it:
// - comment: crm.timeline.comment.add (doc api-reference/crm/timeline/comments/crm-timeline-comment-add.md)
//   in the portal's language; a rerun after a crash between the call and 'done' writes it twice
//   (the portal has no key for comments) — a line twice rather than a decision unlogged;
// - sms: requestSms keyed by the decision's notice key, so however often this runs, one SMS is stored
//   and sent (server/integrations/sms/sending), to the deal's contact's phone (crm.contact.get PHONE);
// - email: OutgoingMail to the contact's e-mail (crm.contact.get EMAIL) with the Message-ID fixed when
//   the decision was applied; once accepted it is marked sent and never sent again; a crash between
//   the SMTP server's acceptance and the mark resends the SAME message (the port's contract).

export interface NoticeDeps {
  providers: ActivityDeps['providers'];
  mail: OutgoingMail;
  now: () => Date;
}

/** How long a notice waits before looking again whether the deal has moved (the worker adds ±20 %). */
const MOVE_FIRST_WAIT_MS = 200;

type Lang = 'ru' | 'en' | 'es';
const asLang = (x: unknown): Lang | null => (x === 'ru' || x === 'en' || x === 'es' ? x : null);

export function noticeJob(deps: NoticeDeps) {
  return async (job: Job<NoticePayload>, ctx: JobContext): Promise<void> => {
    const portalId = job.portalId;
    if (!portalId) throw new PermanentJobError('notice job without portal');
    const { replyId, noticeKey, channel } = job.payload;
    const [reply, notice] = await Promise.all([getReply(ctx.db, portalId, replyId), getNotice(ctx.db, portalId, noticeKey)]);
    if (!reply || !notice) throw new PermanentJobError(`reply ${replyId} or notice ${noticeKey} is gone`);
    // The deal moves first: queued in the same transaction, the notices' reads (crm.deal.get,
    // crm.contact.get, …) would otherwise take the portal's 2 req/s before the one write a person
    // is waiting for. Only while the move's first try lasts; the wait does not spend an attempt.
    if (await isOnFirstAttempt(ctx.db, portalId, decisionMoveKey(portalId, replyId)))
      throw new RetryLaterError(MOVE_FIRST_WAIT_MS, 'waits for the deal to move');
    if (channel === 'email' && notice.emailSentAt) return;
    const b24 = await ctx.portal();
    const dc = await loadDealContext(b24, ctx.db, portalId, notice.dealId, isoDay(deps.now()));
    const settings = await deps.providers.settingsOf(portalId);
    const map = await getStageMap(ctx.db, portalId, Number(dc.deal.CATEGORY_ID ?? 0) || 0);
    const portalLang: Lang = asLang(map?.lang) ?? asLang(settings?.language) ?? 'en';
    // The token's bank tag (or id) → the directory's bank, for its name.
    const bankName = (await findBankByTag(ctx.db, portalId, notice.bankId))?.name ?? notice.bankId;

    if (channel === 'comment') {
      // The stage by the name people see in the pipeline (crm.status.list), not its id.
      const stageId = reply.outcome?.stageId ?? null;
      const stages = stageId ? await readPipelineStages(b24, Number(dc.deal.CATEGORY_ID ?? 0) || 0) : [];
      const stage = stages.find((x) => x.id === stageId);
      const waiting = await Promise.all(
        (reply.outcome?.waitingFor ?? []).map(async (tag) => (await findBankByTag(ctx.db, portalId, tag))?.name ?? tag),
      );
      const comment = decisionComment(portalLang, reply, bankName, stage?.name ?? stageId, waiting);
      // A rerun (a crash after the portal stored it) looks for the comment before adding it.
      await addCommentOnce(b24, notice.dealId, comment, job.attempts > 1);
      return;
    }
    if (notice.decision === 'rejected' || !notice.amount || !notice.currency) return;
    const clientLang: Lang = dc.phone ? languageFor(dc.phone, portalLang) : portalLang;
    const text = clientNotice(clientLang, notice.decision, {
      clientName: dc.vars.name ?? '',
      bankName,
      amount: notice.amount,
      currency: notice.currency,
      companyName: settings?.companyName ?? '',
    });

    if (channel === 'sms') {
      if (!dc.phone) return void ctx.log.warn({ portalId, dealId: notice.dealId }, 'bank decision: the client has no phone, no SMS');
      // A lender with no SMS gateway set up gets the e-mail and the comment; retrying cannot help.
      const provider = await deps.providers.sms(portalId).catch((e: unknown) => {
        if (e instanceof ProviderNotConfigured) return null;
        throw e;
      });
      if (!provider) return void ctx.log.warn({ portalId, dealId: notice.dealId }, 'bank decision: no SMS gateway, no SMS');
      try {
        await requestSms(
          ctx.db,
          portalId,
          {
            key: `mail-decision:${noticeKey}`,
            to: dc.phone,
            text: text.sms,
            provider: provider.code,
            context: { source: 'bank-decision', replyId },
          },
          { limit: provider.limit, onCreated: async (trx, s) => void (await enqueueSmsSend(trx, s)) },
        );
      } catch (e) {
        if (e instanceof AppError) throw new PermanentJobError(e.message);
        throw e;
      }
      return;
    }

    const emails = Array.isArray(dc.contact?.EMAIL) ? (dc.contact.EMAIL as { VALUE?: string }[]) : [];
    const to = emails.find((e) => e.VALUE)?.VALUE;
    if (!to) return void ctx.log.warn({ portalId, dealId: notice.dealId }, 'bank decision: the client has no e-mail, none sent');
    const receipt = await deps.mail.send(portalId, { messageId: notice.emailMessageId, to: [to], subject: text.subject, text: text.body });
    await markEmailSent(ctx.db, portalId, noticeKey, receipt.response, deps.now().toISOString());
  };
}

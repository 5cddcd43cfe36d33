import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AppError } from '../../../errors.js';
import { enqueue } from '../../../jobs/outbox.js';
import { requireSession } from '../../../security/session.js';
import { MAIL_REPLY_JOB, type ApplyReplyPayload } from '../../../mail/apply/kinds.js';
import { decideReply, getReply, listReplies, type StoredReply } from '../../../mail/apply/reply-repo.js';
import { replyViews } from '../../../mail/apply/reply-view.js';
import { ErrorReply } from '../../../../wire/errors.js';
import { MailRepliesQuery, MailRepliesReply, MailReplyActionReply, MailReplyParams } from '../../../../wire/mail-replies.js';

// The bank-reply review queue on the app page (issue 16 item 4): portal administrators list replies
// by status, apply one (queued as the same `mail.reply.apply` job a reply that passes every check
// runs: the deal's stage is checked again there, the decision recorded once, the client told once)
// or dismiss it (nothing happens to the deal). Decided replies answer MAIL_REPLY_NOT_PENDING.

const errors = { 400: ErrorReply, 401: ErrorReply, 403: ErrorReply, 404: ErrorReply, 409: ErrorReply, 422: ErrorReply };

export const mailReplyRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const admin = requireSession({ admin: true });
  const db = () => app.db.kysely;

  const pending = async (portalId: string, id: string): Promise<StoredReply> => {
    const reply = await getReply(db(), portalId, id);
    if (!reply) throw new AppError('NOT_FOUND', `no reply ${id}`, undefined, { field: 'replyId' });
    if (reply.status !== 'pending') throw new AppError('MAIL_REPLY_NOT_PENDING', `reply ${id} is ${reply.status}`);
    return reply;
  };
  const view = async (portalId: string, id: string) => (await replyViews(db(), portalId, [(await getReply(db(), portalId, id))!]))[0]!;

  app.get(
    '/api/v1/mail/replies',
    { preHandler: admin, schema: { querystring: MailRepliesQuery, response: { 200: MailRepliesReply, ...errors } } },
    async (req) => {
      const portalId = req.session!.portalId;
      return { replies: await replyViews(db(), portalId, await listReplies(db(), portalId, req.query.status ?? 'pending')) };
    },
  );

  app.post(
    '/api/v1/mail/replies/:replyId/apply',
    { preHandler: admin, schema: { params: MailReplyParams, response: { 202: MailReplyActionReply, ...errors } } },
    async (req, reply) => {
      const s = req.session!;
      const r = await pending(s.portalId, req.params.replyId);
      if (r.dealId === null || r.bankId === null || r.decision === null)
        throw new AppError('MAIL_REPLY_NOT_APPLICABLE', `reply ${r.id} names no deal, bank or decision`);
      // One job per click: the job's compare-and-set from 'pending' makes a double click apply once,
      // and a click after a refusal (the deal past the decision) may be tried again later.
      const payload: ApplyReplyPayload = { replyId: r.id, userId: s.userId };
      await db()
        .transaction()
        .execute((trx) =>
          enqueue(trx, {
            portalId: s.portalId,
            kind: MAIL_REPLY_JOB.apply,
            idempotencyKey: `mail-apply:${s.portalId}:${r.id}:${Date.now()}`,
            payload,
          }),
        );
      return reply.code(202).send({ reply: await view(s.portalId, r.id), queued: true });
    },
  );

  app.post(
    '/api/v1/mail/replies/:replyId/dismiss',
    { preHandler: admin, schema: { params: MailReplyParams, response: { 202: MailReplyActionReply, ...errors } } },
    async (req, reply) => {
      const s = req.session!;
      const r = await pending(s.portalId, req.params.replyId);
      if (!(await decideReply(db(), s.portalId, r.id, 'dismissed', { userId: s.userId, nowIso: new Date().toISOString() })))
        throw new AppError('MAIL_REPLY_NOT_PENDING', `reply ${r.id} decided meanwhile`);
      return reply.code(202).send({ reply: await view(s.portalId, r.id), queued: false });
    },
  );
};

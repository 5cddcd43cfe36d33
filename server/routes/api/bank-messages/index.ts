import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { langOfHeader } from '../../../errors.js';
import { bankMessagesOfDeal } from '../../../mail/outgoing/bank-messages-repo.js';
import { bankMessageViews } from '../../../mail/outgoing/bank-message-views.js';
import { queueBankMessages } from '../../../mail/outgoing/queue-bank-messages.js';
import { replyTokenKey } from '../../../mail/settings/token-key.js';
import { callerFor, loanSessionGuards } from '../loans/session.js';
import { BankMessageBody, BankMessagesReply } from '../../../../wire/bank-messages.js';
import { ErrorReply } from '../../../../wire/errors.js';

// Messages from a deal to bank staff (issue 16 item 2): a session bound to the deal; 202 once the
// messages and their send jobs are stored (server/mail/outgoing/queue-bank-messages.ts); an SMS over
// the portal's SMS provider's limit is refused then (422 SMS_OVER_LIMIT), nothing stored. The list
// shows each message's status and the SMTP server's reply (an SMS's, its SMS rows' status).

const DealParams = Type.Object({ dealId: Type.Integer({ minimum: 1 }) });
const errors = { 400: ErrorReply, 401: ErrorReply, 403: ErrorReply, 404: ErrorReply, 409: ErrorReply, 422: ErrorReply };

export const bankMessageRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tokenKey = replyTokenKey(app.config);

  app.post(
    '/api/v1/deals/:dealId/bank-messages',
    {
      preHandler: loanSessionGuards(),
      schema: { params: DealParams, body: BankMessageBody, response: { 202: BankMessagesReply, ...errors } },
    },
    async (req, reply) => {
      const c = callerFor(req);
      // An SMS needs the portal's provider now: without one it is PROVIDER_NOT_CONFIGURED (422), and
      // its limit refuses a text too long before anything is stored.
      const smsLimit = req.body.channel === 'sms' ? (await app.activities.providers.sms(c.portalId)).limit : undefined;
      const rows = await queueBankMessages(app.db.kysely, app.secrets, {
        portalId: c.portalId,
        dealId: c.dealId,
        userId: c.userId,
        lang: langOfHeader(req.headers['accept-language']),
        body: req.body,
        tokenKey,
        nowIso: new Date().toISOString(),
        ...(smsLimit !== undefined ? { smsLimit } : {}),
      });
      req.log.info({ portalId: c.portalId, dealId: c.dealId, messages: rows.length }, 'bank messages queued');
      return reply.code(202).send({ messages: await bankMessageViews(app.db.kysely, c.portalId, rows) });
    },
  );

  app.get(
    '/api/v1/deals/:dealId/bank-messages',
    { preHandler: loanSessionGuards(), schema: { params: DealParams, response: { 200: BankMessagesReply, ...errors } } },
    async (req) => {
      const c = callerFor(req);
      return { messages: await bankMessageViews(app.db.kysely, c.portalId, await bankMessagesOfDeal(app.db.kysely, c.portalId, c.dealId)) };
    },
  );
};

import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { AppError, langOfHeader } from '../../../errors.js';
import { ProviderNotConfigured } from '../../../activities/providers.js';
import { getBank } from '../../../documents/values/banks-repo.js';
import { packAttachmentsFor } from '../../../documents/packs/pack-attachments.js';
import type { SmsLimit } from '../../../integrations/sms/encoding/index.js';
import { renderBankMessage } from '../../../mail/outgoing/bank-template.js';
import { loadDealFacts } from '../../../mail/outgoing/draft-facts.js';
import { bankMessagesOfDeal } from '../../../mail/outgoing/bank-messages-repo.js';
import { bankMessageViews } from '../../../mail/outgoing/bank-message-views.js';
import { queueBankMessages } from '../../../mail/outgoing/queue-bank-messages.js';
import { MEBIBYTE } from '../../../mail/outgoing/message-size.js';
import { replyTokenKey } from '../../../mail/settings/token-key.js';
import { callerFor, loanSessionGuards } from '../loans/session.js';
import { BankMessageBody, BankMessageDraftsBody, BankMessageDraftsReply, BankMessagesReply } from '../../../../wire/bank-messages.js';
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
        mailMaxBytes: app.config.MAIL_MAX_MESSAGE_MB * MEBIBYTE,
      });
      req.log.info({ portalId: c.portalId, dealId: c.dealId, messages: rows.length }, 'bank messages queued');
      return reply.code(202).send({ messages: await bankMessageViews(app.db.kysely, app.secrets, c.portalId, rows) });
    },
  );

  // The preview the user edits before sending: each chosen bank's template (or its language's
  // default) rendered with the deal, its client and its saved loan; nothing is stored.
  app.post(
    '/api/v1/deals/:dealId/bank-messages/drafts',
    {
      preHandler: loanSessionGuards(),
      schema: { params: DealParams, body: BankMessageDraftsBody, response: { 200: BankMessageDraftsReply, ...errors } },
    },
    async (req) => {
      const c = callerFor(req);
      const db = app.db.kysely;
      const lang = langOfHeader(req.headers['accept-language']);
      const banks = [];
      for (const id of req.body.bankIds) {
        const bank = await getBank(db, app.secrets, c.portalId, id);
        if (!bank) throw new AppError('NOT_FOUND', 'bank not found', undefined, { field: 'bankIds', bankId: id });
        banks.push(bank);
      }
      const facts = await loadDealFacts(await app.portalClients.get(c.portalId), db, c.portalId, c.dealId);
      const drafts = [];
      for (const bank of banks) {
        const r = renderBankMessage(bank.messageTemplate ?? null, lang, { ...facts, bank: bank.name, manager: req.body.managerName ?? '' });
        const packReady = (await packAttachmentsFor(db, c.portalId, c.dealId, bank.id)) !== null;
        drafts.push({ bankId: bank.id, bankName: bank.name, ...r, packReady });
      }
      const limit = await smsLimitOf(app, c.portalId);
      return { drafts, smsLimit: limit === undefined ? null : typeof limit === 'number' ? { maxSegments: limit } : limit };
    },
  );

  app.get(
    '/api/v1/deals/:dealId/bank-messages',
    { preHandler: loanSessionGuards(), schema: { params: DealParams, response: { 200: BankMessagesReply, ...errors } } },
    async (req) => {
      const c = callerFor(req);
      return {
        messages: await bankMessageViews(
          app.db.kysely,
          app.secrets,
          c.portalId,
          await bankMessagesOfDeal(app.db.kysely, c.portalId, c.dealId),
        ),
      };
    },
  );
};

/** The portal's SMS provider's limit; undefined without a provider (the SMS job then says so). */
async function smsLimitOf(app: FastifyInstance, portalId: string): Promise<SmsLimit | undefined> {
  try {
    return (await app.activities.providers.sms(portalId)).limit;
  } catch (e) {
    if (e instanceof ProviderNotConfigured) return undefined;
    throw e;
  }
}

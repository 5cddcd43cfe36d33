import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { createBank, listBanks, updateBank } from '../../../documents/values/banks-repo.js';
import { requireSession } from '../../../security/session.js';
import { checkReplyPolicy, saveBankReplyPolicy, withReplyPolicies } from '../../../mail/policy/bank-with-policy.js';
import { BankBody, BankParams, BankReply, BanksReply } from '../../../../wire/documents.js';
import { checkBankTemplate } from '../../../mail/outgoing/bank-template.js';
import { actorOf } from './actor.js';
import { ErrorReply } from './schemas.js';

const errors = { 400: ErrorReply, 401: ErrorReply, 403: ErrorReply, 404: ErrorReply, 409: ErrorReply, 422: ErrorReply };

// The portal's banks directory (issue 15, item 2): administrators add and edit banks; anyone in the
// portal reads them (the documents tab lists them per application).
export const documentBankRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = () => app.db.kysely;

  app.get(
    '/api/v1/documents/banks',
    { preHandler: requireSession(), schema: { response: { 200: BanksReply, ...errors } } },
    async (req) => ({
      banks: await withReplyPolicies(db(), req.session!.portalId, await listBanks(db(), app.secrets, req.session!.portalId)),
    }),
  );

  app.post(
    '/api/v1/documents/banks',
    { preHandler: requireSession({ admin: true }), schema: { body: BankBody, response: { 200: BankReply, ...errors } } },
    async (req) => {
      checkReplyPolicy(req.body);
      checkBankTemplate(req.body.messageTemplate);
      const bank = await createBank(db(), app.secrets, req.session!.portalId, req.body, actorOf(req, req.session!.userId));
      return { bank: await saveBankReplyPolicy(db(), req.session!.portalId, bank, req.body) };
    },
  );

  app.put(
    '/api/v1/documents/banks/:bankId',
    {
      preHandler: requireSession({ admin: true }),
      schema: { params: BankParams, body: BankBody, response: { 200: BankReply, ...errors } },
    },
    async (req) => {
      checkReplyPolicy(req.body);
      checkBankTemplate(req.body.messageTemplate);
      const bank = await updateBank(
        db(),
        app.secrets,
        req.session!.portalId,
        req.params.bankId,
        req.body,
        actorOf(req, req.session!.userId),
      );
      return { bank: await saveBankReplyPolicy(db(), req.session!.portalId, bank, req.body) };
    },
  );
};

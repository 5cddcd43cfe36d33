import type { FastifyPluginAsync } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { verifyApplicationToken } from '../../security/verify.js';
import { AuthBlock, ErrorBody, Ok } from '../install/schemas.js';
import { dealIdOf, JOB_KIND } from '../../activities/codes.js';
import { receiveCall } from '../../activities/receive.js';
import { recordSmsStatus } from '../../integrations/sms/sending/index.js';
import { AppError } from '../../errors.js';

// POST /sms/send — HANDLER of our messageservice SMS sender (contract.md §6; doc:
// tutorials/messageservice/index.md): module_id crm (bindings) or bizproc (workflow_id, document_*),
// message_id, message_to, message_body. Stored keyed by (portal, message_id), sent by the job, status
// reported back with messageservice.message.status.update.

const s = (max = 512) => Type.String({ maxLength: max });
const Digits = Type.String({ pattern: '^\\d{1,16}$' });

export const SmsSenderBody = Type.Object({
  module_id: Type.Optional(s(32)),
  bindings: Type.Optional(
    // CRM ids as Bitrix24 sends them: digits, nothing around them (a padded " 2 " matched no binding
    // and " 10 " became deal 10 through Number()).
    Type.Array(Type.Object({ OWNER_TYPE_ID: Type.Optional(Digits), OWNER_ID: Type.Optional(Digits) }), { maxItems: 20 }),
  ),
  workflow_id: Type.Optional(s(128)),
  document_id: Type.Optional(Type.Array(s(255), { maxItems: 3 })),
  document_type: Type.Optional(Type.Array(s(255), { maxItems: 3 })),
  properties: Type.Optional(Type.Object({ phone_number: Type.Optional(s(32)), message_text: Type.Optional(s(5000)) })),
  type: Type.Optional(s(16)),
  code: s(64),
  message_id: Type.String({ minLength: 1, maxLength: 64 }),
  message_to: Type.String({ minLength: 3, maxLength: 32 }),
  message_body: Type.String({ maxLength: 5000 }),
  ts: Type.Optional(s(32)),
  auth: Type.Optional(AuthBlock),
});

export const smsSenderRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.post('/sms/send', { schema: { body: SmsSenderBody, response: { 200: Ok, 400: ErrorBody, 401: ErrorBody } } }, async (req) => {
    const caller = await verifyApplicationToken(app, req.body.auth);
    const { auth: _auth, ...request } = req.body;
    const binding = req.body.bindings?.find((b) => b.OWNER_TYPE_ID === '2');
    const dealId = binding?.OWNER_ID ? Number(binding.OWNER_ID) : dealIdOf(req.body.document_id);
    await receiveCall(
      app.db.kysely,
      caller.portalId,
      { source: 'sms_sender', code: req.body.code, key: req.body.message_id, dealId: Number.isFinite(dealId) ? dealId : null, request },
      JOB_KIND.smsSender,
    );
    return { status: 'ok' };
  });

  // Status callbacks of HTTP gateways (Twilio's Messages API StatusCallback, signed with the account's
  // auth token): verified by the provider, applied forward-only, and reported to Bitrix24 by the
  // sms.status job. The portal id in the path only picks the account; the signature is the credential.
  app.post(
    '/sms/status/:portalId',
    {
      schema: {
        params: Type.Object({ portalId: Type.String({ maxLength: 64 }) }),
        body: Type.Record(Type.String({ maxLength: 64 }), Type.String({ maxLength: 2000 })),
        response: { 200: Ok, 401: ErrorBody, 404: ErrorBody, 422: ErrorBody },
      },
    },
    async (req) => {
      const provider = await app.activities.providers.sms(req.params.portalId);
      if (!provider.parseStatusCallback) throw new AppError('NOT_FOUND', `provider ${provider.code} has no status callbacks`);
      const update = provider.parseStatusCallback({ url: `${app.config.PUBLIC_URL}${req.url}`, headers: req.headers, body: req.body });
      await recordSmsStatus(app.db.kysely, req.params.portalId, provider.code, update);
      return { status: 'ok' };
    },
  );
};

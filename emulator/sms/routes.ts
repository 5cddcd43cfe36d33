// POST /emulator/api/sms {senderCode, dealId|phone, text}: what a user does with "Send SMS" in a deal card.
import type { FastifyInstance } from 'fastify';
import type { Core } from '../core.js';
import { isRecord, toInt, toStr } from '../util.js';
import { dispatchSms, SmsDispatchError } from './dispatch.js';

export function registerSmsRoutes(app: FastifyInstance, core: Core): void {
  app.post('/emulator/api/sms', async (req, reply) => {
    const body = isRecord(req.body) ? req.body : {};
    const senderCode = toStr(body.senderCode) ?? core.state.smsSenders[0]?.code ?? '';
    const text = toStr(body.text) ?? '';
    if (!text) return reply.code(400).send({ error: 'text is required' });
    try {
      const r = await dispatchSms(core, {
        senderCode,
        text,
        dealId: toInt(body.dealId),
        phone: toStr(body.phone),
        userId: toInt(body.userId),
      });
      return { messageId: r.message.messageId, to: r.message.to, handlerStatus: r.delivery.status, handlerError: r.delivery.error };
    } catch (e) {
      if (e instanceof SmsDispatchError) return reply.code(400).send({ error: e.message });
      throw e;
    }
  });
  app.get('/emulator/api/sms', async () => core.state.smsMessages);
}

import type { JobHandler } from '../../jobs/job.js';
import { findSmsById } from '../../integrations/sms/sending/index.js';

// The sms.status job (enqueued by server/integrations/sms/sending once per status of a message from our
// SMS sender): reports it to Bitrix24 with messageservice.message.status.update (contract.md §6; doc:
// api-reference/messageservice/messageservice-message-status-update.md). A robot's SMS is answered by
// its own job (send-sms.ts); its later receipts only update the message.

const MESSAGESERVICE_STATUSES = new Set(['queued', 'sent', 'delivered', 'undelivered', 'failed']);

interface SmsContext {
  source?: string;
  code?: string;
  messageId?: string;
}

export const smsStatusJob: JobHandler<{ smsId: string; status: string }> = async (job, ctx) => {
  const sms = job.portalId ? await findSmsById(ctx.db, job.portalId, job.payload.smsId) : undefined;
  if (!sms) return;
  const c = (sms.context ?? {}) as SmsContext;
  const status = job.payload.status;
  if (c.source !== 'messageservice' || !MESSAGESERVICE_STATUSES.has(status)) return;
  const b24 = await ctx.portal();
  await b24.call('messageservice.message.status.update', { CODE: c.code, MESSAGE_ID: c.messageId, STATUS: status });
};

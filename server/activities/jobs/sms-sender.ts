import type { JobHandler } from '../../jobs/job.js';
import { enqueueSmsSend, requestSms } from '../../integrations/sms/sending/index.js';
import { updateCall } from '../call-repo.js';
import type { ActivityDeps } from '../deps.js';
import { isPermanent, reasonOf } from '../failures.js';
import { loadCall } from './context.js';

// Our messageservice SMS sender (contract.md §6): the message Bitrix24 hands us is sent exactly once
// (key = message_id) and its statuses go back with messageservice.message.status.update (sms.status job).

export function smsSenderJob(deps: ActivityDeps): JobHandler<{ callId: string }> {
  return async (job, ctx) => {
    const call = await loadCall(job, ctx);
    if (call.status !== 'received' && call.status !== 'running') return;
    await updateCall(ctx.db, call.portalId, call.id, { status: 'running' }, ['received', 'running']);
    const r = call.request as { message_to?: string; message_body?: string; code?: string; message_id?: string };
    try {
      const provider = await deps.providers.sms(call.portalId);
      await requestSms(
        ctx.db,
        call.portalId,
        {
          key: call.key,
          to: r.message_to ?? '',
          text: r.message_body ?? '',
          provider: provider.code,
          context: { source: 'messageservice', callId: call.id, code: r.code, messageId: r.message_id },
        },
        { limit: provider.limit, onCreated: async (trx, s) => void (await enqueueSmsSend(trx, s)) },
      );
      await updateCall(ctx.db, call.portalId, call.id, { status: 'done' });
    } catch (e) {
      if (!isPermanent(e) && job.attempts < job.maxAttempts) throw e;
      // Refused before sending (over the limit, bad number): Bitrix24 shows the message as failed.
      await updateCall(ctx.db, call.portalId, call.id, { status: 'failed', error: reasonOf(e) });
      const b24 = await ctx.portal();
      await b24.call('messageservice.message.status.update', { CODE: r.code, MESSAGE_ID: r.message_id, STATUS: 'failed' });
    }
  };
}
